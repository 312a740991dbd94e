/**
 * The parsing options the wizard offers. Delimiters go to the API by name (the server also accepts the
 * characters); "whitespace" means runs of blanks, the fixed layout of older exports such as CDNOW's.
 */
export const delimiters = ['comma', 'semicolon', 'tab', 'whitespace'] as const;
export type Delimiter = (typeof delimiters)[number];

const spellings: Record<string, Delimiter> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', ' ': 'whitespace', space: 'whitespace' };

/** The server's detected delimiter (a name or a character) as one of ours, if it is one. */
export function toDelimiter(value: string | null | undefined): Delimiter | undefined {
  if (!value) return undefined;
  if ((delimiters as readonly string[]).includes(value)) return value as Delimiter;
  return spellings[value];
}

/** A first guess from the file name when the server does not say; the user can change it. */
export function guessDelimiter(fileName: string): Delimiter {
  if (/\.tsv$/i.test(fileName)) return 'tab';
  if (/\.txt$/i.test(fileName)) return 'whitespace';
  return 'comma';
}

/** Patterns of the server's date reader (YYYY YY M MM D DD H HH mm ss SSS Z); "ISO" means ISO 8601. */
export const dateFormats = ['ISO', 'YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DD', 'YYYYMMDD', 'M/D/YY H:mm', 'M/D/YYYY', 'D/M/YYYY', 'DD.MM.YYYY'] as const;

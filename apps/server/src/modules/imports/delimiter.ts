/**
 * How the cells of a line are separated. Comma, semicolon and tab files are real CSV (RFC 4180 quoting);
 * 'whitespace' is the fixed-layout text of older exports such as CDNOW's: cells separated by runs of blanks,
 * blanks at the start and end of a line ignored, no quoting.
 */
export const delimiterNames = ['comma', 'semicolon', 'tab', 'whitespace'] as const;
export type DelimiterName = (typeof delimiterNames)[number];

export const delimiterCharacter: Record<Exclude<DelimiterName, 'whitespace'>, string> = { comma: ',', semicolon: ';', tab: '\t' };

const spellings: Record<string, DelimiterName> = {
  comma: 'comma',
  ',': 'comma',
  semicolon: 'semicolon',
  ';': 'semicolon',
  tab: 'tab',
  '\t': 'tab',
  '\\t': 'tab',
  whitespace: 'whitespace',
  space: 'whitespace',
  spaces: 'whitespace',
};

/** Accepts the names and the characters themselves (the CLI takes `--delimiter ;`); null for anything else. */
export const parseDelimiter = (value: string): DelimiterName | null => spellings[value.toLowerCase()] ?? spellings[value] ?? null;

/**
 * Guesses the delimiter from the beginning of a file: the CSV delimiter that splits the header into the most
 * cells and gives at least 4 in 5 sampled records the same number of cells; failing that, whitespace when runs
 * of blanks split the lines consistently; failing that, comma (a one-column file). `complete` says whether the
 * sample is the whole file (otherwise its last record may be cut short and is left out).
 */
export function detectDelimiter(sample: string, complete = true): DelimiterName {
  let best: { name: DelimiterName; cells: number } | null = null;
  for (const name of ['tab', 'comma', 'semicolon'] as const) {
    const counts = cellsPerRecord(sample, delimiterCharacter[name], complete);
    const cells = counts[0];
    if (!cells || cells < 2 || !mostlyEqual(counts, cells)) continue;
    if (!best || cells > best.cells) best = { name, cells };
  }
  if (best) return best.name;
  const lines = sample.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '');
  if (!complete && lines.length > 1) lines.pop();
  const blankCounts = lines.slice(0, 50).map((line) => line.replace(/^[ \t]+|[ \t]+$/g, '').split(/[ \t]+/).length);
  if (blankCounts[0] >= 2 && mostlyEqual(blankCounts, blankCounts[0])) return 'whitespace';
  return 'comma';
}

const mostlyEqual = (counts: number[], expected: number) => counts.filter((c) => c === expected).length >= Math.ceil(counts.length * 0.8);

/** Cells of the first records of a CSV text (quotes respected, so a quoted line break stays inside its record). */
function cellsPerRecord(text: string, delimiter: string, complete: boolean, maxRecords = 50) {
  const counts: number[] = [];
  let cells = 1;
  let quoted = false;
  let blank = true;
  for (let i = 0; i < text.length && counts.length < maxRecords; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) cells++;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (!blank || cells > 1) counts.push(cells);
      cells = 1;
      blank = true;
      continue;
    }
    if (ch !== ' ' && ch !== '\t') blank = false;
  }
  // a last record without a line break is complete only if the sample is the whole file
  if (complete && counts.length < maxRecords && (!blank || cells > 1)) counts.push(cells);
  return counts;
}

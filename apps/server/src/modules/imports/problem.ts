/**
 * Why a row (or a cell) of an import was refused, for readers of either language: the English sentence the API
 * and the CLI give (`message`), and a code with the values it names (`params`), which the web app words in its
 * reader's language (apps/web/src/i18n/import-problems.*.ts). A stored report is then read in the language of
 * whoever opens it, not of whoever uploaded the file.
 */
export const problemCodes = [
  // cells
  'empty',
  'notNumber',
  'notNumberComma',
  'notWholeNumber',
  'notYesNo',
  'notOneOf',
  'tooLarge',
  'negative',
  'notBetween',
  'notEmail',
  // dates
  'dateFormatMismatch',
  'notIsoDate',
  'noYear',
  'noMonth',
  'noDay',
  'hourOutOfRange',
  'minuteOutOfRange',
  'secondOutOfRange',
  'badOffset',
  'periodStart',
  'beforeOpened',
  // rows and keys
  'cellCount',
  'unreadableCsv',
  'duplicateKey',
  'duplicateRecord',
  'lineOutOfRange',
  'duplicateLine',
  'orderCustomerDiffers',
  'orderGuestElsewhere',
  'zeroQuantity',
  'unitPriceTooLarge',
  'amountMismatch',
  'selfReferral',
  'alreadyReferred',
  // what the rows name in the database
  'unknownCustomer',
  'customerInBin',
  'unknownProduct',
  'productInBin',
  'unknownUser',
] as const;

export type ProblemCode = (typeof problemCodes)[number];
export type ProblemParams = Readonly<Record<string, string | number>>;

export interface Problem {
  code: ProblemCode;
  params: ProblemParams;
  message: string;
}

/** A problem: its code, the values the sentence names, and the English sentence. */
export const problemOf = (code: ProblemCode, message: string, params: ProblemParams = {}): Problem => ({ code, params, message });

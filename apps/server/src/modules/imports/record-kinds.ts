import { incomeSpec } from './income-rows.js';
import { incomeTable } from './income-writer.js';
import type { RecordKindSpec } from './record-rows.js';
import type { RecordTable } from './record-upsert.js';
import type { ImportKind } from './schema.js';
import { referralSpec } from './referral-rows.js';
import { referralTable } from './referral-writer.js';
import { suggestionSpec } from './suggestion-rows.js';
import { suggestionTable } from './suggestion-writer.js';
import { ticketSpec } from './ticket-rows.js';
import { ticketTable } from './ticket-writer.js';

/** One kind of record file: how its rows are read (record-rows.ts) and the table they are upserted to (record-upsert.ts). */
export interface RecordKind {
  spec: RecordKindSpec<string>;
  table: RecordTable<string>;
}

/** The kinds of file that hold one record per row, keyed by a natural key, naming what must already exist. */
export type RecordKindName = Exclude<ImportKind, 'accounts' | 'products' | 'orders'>;

export const recordKinds: Record<RecordKindName, RecordKind> = {
  tickets: { spec: ticketSpec, table: ticketTable },
  referrals: { spec: referralSpec, table: referralTable },
  suggestions: { spec: suggestionSpec, table: suggestionTable },
  income: { spec: incomeSpec, table: incomeTable },
};

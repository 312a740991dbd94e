import { bigint, date, index, numeric, pgTable, text } from 'drizzle-orm/pg-core';
import { id, recordColumns } from '../../db/columns.js';
import { accounts } from '../accounts/schema.js';
import { instalments } from '../contracts/schema.js';

/** Money received; a payment may settle an instalment partly or wholly. */
export const payments = pgTable(
  'payments',
  {
    id: id(),
    accountId: bigint('account_id', { mode: 'number' }).notNull().references(() => accounts.id),
    instalmentId: bigint('instalment_id', { mode: 'number' }).references(() => instalments.id),
    receivedOn: date('received_on').notNull(),
    amount: numeric('amount', { precision: 16, scale: 2, mode: 'number' }).notNull(),
    method: text('method'),
    reference: text('reference'),
    ...recordColumns(),
  },
  (t) => [index('payments_account_idx').on(t.accountId)],
);

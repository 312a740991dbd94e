import { bigint, date, index, integer, numeric, pgTable, text } from 'drizzle-orm/pg-core';
import { id, recordColumns } from '../../db/columns.js';
import { accounts } from '../accounts/schema.js';
import { products } from '../products/schema.js';
import { users } from '../users/schema.js';

export const contractStatuses = ['draft', 'active', 'completed', 'terminated'] as const;

/**
 * A contract holds the four clause groups of the seed: products purchased (contract_items),
 * payment terms (instalments), service terms and breach terms (text clauses).
 */
export const contracts = pgTable(
  'contracts',
  {
    id: id(),
    contractNo: text('contract_no').notNull().unique(),
    accountId: bigint('account_id', { mode: 'number' }).notNull().references(() => accounts.id),
    opportunityId: bigint('opportunity_id', { mode: 'number' }),
    title: text('title').notNull(),
    status: text('status', { enum: contractStatuses }).notNull().default('draft'),
    signedOn: date('signed_on'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    totalAmount: numeric('total_amount', { precision: 16, scale: 2, mode: 'number' }).notNull().default(0),
    currency: text('currency').notNull().default('CNY'),
    serviceTerms: text('service_terms'),
    breachTerms: text('breach_terms'),
    ownerId: integer('owner_id').references(() => users.id),
    ...recordColumns(),
  },
  (t) => [index('contracts_account_idx').on(t.accountId)],
);

export const contractItems = pgTable('contract_items', {
  id: id(),
  contractId: bigint('contract_id', { mode: 'number' }).notNull().references(() => contracts.id, { onDelete: 'cascade' }),
  productId: bigint('product_id', { mode: 'number' }).references(() => products.id),
  description: text('description'),
  quantity: numeric('quantity', { precision: 14, scale: 3, mode: 'number' }).notNull(),
  unitPrice: numeric('unit_price', { precision: 14, scale: 4, mode: 'number' }).notNull(),
});

/** Payment terms: the instalment schedule that collections are tracked against. */
export const instalments = pgTable(
  'instalments',
  {
    id: id(),
    contractId: bigint('contract_id', { mode: 'number' }).notNull().references(() => contracts.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    dueOn: date('due_on').notNull(),
    amount: numeric('amount', { precision: 16, scale: 2, mode: 'number' }).notNull(),
    status: text('status', { enum: ['pending', 'partial', 'paid', 'overdue', 'written_off'] }).notNull().default('pending'),
  },
  (t) => [index('instalments_due_idx').on(t.dueOn)],
);

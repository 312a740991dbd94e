import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, recordColumns } from '../../db/columns.js';
import { accounts } from '../accounts/schema.js';

export const products = pgTable(
  'products',
  {
    id: id(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    category: text('category'),
    kind: text('kind', { enum: ['product', 'service'] }).notNull().default('product'),
    listPrice: numeric('list_price', { precision: 14, scale: 2, mode: 'number' }),
    unitCost: numeric('unit_cost', { precision: 14, scale: 2, mode: 'number' }),
    /** Upsell items; the "value-added purchase rate" factor counts them. */
    valueAdded: boolean('value_added').notNull().default(false),
    /** What counts as "new" for innovation adoption. */
    launchDate: date('launch_date'),
    active: boolean('active').notNull().default(true),
    description: text('description'),
    ...recordColumns(),
  },
  (t) => [uniqueIndex('products_sku_key').on(t.sku), index('products_category_idx').on(t.category)],
);

export const suggestionStatuses = ['new', 'reviewed', 'adopted', 'rejected'] as const;

/** Customers' product suggestions (innovation elasticity): about a product, or an idea for a new one. */
export const productSuggestions = pgTable(
  'product_suggestions',
  {
    id: id(),
    /** The suggestion's id in the system it was imported from: importing the file again updates, never duplicates. */
    externalId: text('external_id'),
    accountId: bigint('account_id', { mode: 'number' }).notNull().references(() => accounts.id),
    productId: bigint('product_id', { mode: 'number' }).references(() => products.id),
    suggestion: text('suggestion').notNull(),
    status: text('status', { enum: suggestionStatuses }).notNull().default('new'),
    suggestedAt: timestamp('suggested_at', { withTimezone: true }).notNull().defaultNow(),
    /** The company's answer, and when it was reviewed (set when the status leaves "new"). */
    response: text('response'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    ...recordColumns(),
  },
  (t) => [
    index('product_suggestions_account_idx').on(t.accountId),
    index('product_suggestions_product_idx').on(t.productId),
    uniqueIndex('product_suggestions_external_id_key').on(t.externalId).where(sql`${t.externalId} IS NOT NULL`),
  ],
);

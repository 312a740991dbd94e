import { bigint, index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, recordColumns } from '../../db/columns.js';
import { accounts } from '../accounts/schema.js';
import { products } from '../products/schema.js';

export const orderStatuses = ['completed', 'cancelled', 'returned', 'open'] as const;

export const orders = pgTable(
  'orders',
  {
    id: id(),
    /** The order/invoice number in the source system; natural key of imports. */
    orderNo: text('order_no').notNull(),
    /** Null for a guest sale (an order line without a known customer is kept, not dropped). */
    accountId: bigint('account_id', { mode: 'number' }).references(() => accounts.id),
    orderedAt: timestamp('ordered_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: orderStatuses }).notNull().default('completed'),
    currency: text('currency').notNull().default('CNY'),
    channel: text('channel'),
    /** Sum of the lines' quantity × unit price, kept in step by the service and the importer for fast lists. */
    totalAmount: numeric('total_amount', { precision: 16, scale: 2, mode: 'number' }).notNull().default(0),
    notes: text('notes'),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('orders_order_no_key').on(t.orderNo),
    index('orders_account_idx').on(t.accountId, t.orderedAt),
    index('orders_ordered_at_idx').on(t.orderedAt),
  ],
);

/** Returns and cancellations are lines with a negative quantity. */
export const orderLines = pgTable(
  'order_lines',
  {
    id: id(),
    orderId: bigint('order_id', { mode: 'number' }).notNull().references(() => orders.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    /** Null when the source has no product (e.g. CDNOW records only quantity and amount). */
    productId: bigint('product_id', { mode: 'number' }).references(() => products.id),
    description: text('description'),
    quantity: numeric('quantity', { precision: 14, scale: 3, mode: 'number' }).notNull(),
    unitPrice: numeric('unit_price', { precision: 14, scale: 4, mode: 'number' }).notNull(),
    unitCost: numeric('unit_cost', { precision: 14, scale: 4, mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('order_lines_order_line_key').on(t.orderId, t.lineNo), index('order_lines_product_idx').on(t.productId)],
);

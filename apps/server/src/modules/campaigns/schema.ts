import { bigint, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, recordColumns } from '../../db/columns.js';
import { accounts } from '../accounts/schema.js';
import { contacts } from '../contacts/schema.js';
import { users } from '../users/schema.js';

export const campaignChannels = ['email', 'sms', 'phone'] as const;
export const campaignStatuses = ['draft', 'scheduled', 'running', 'done', 'cancelled'] as const;
export const memberLeftReasons = ['exit', 'removed'] as const;

export const campaigns = pgTable('campaigns', {
  id: id(),
  name: text('name').notNull(),
  channel: text('channel', { enum: campaignChannels }).notNull(),
  status: text('status', { enum: campaignStatuses }).notNull().default('draft'),
  /** The segment aimed at, as a stored filter over accounts and analytics scores. */
  segment: jsonb('segment').$type<Record<string, unknown>>().notNull().default({}),
  subject: text('subject'),
  body: text('body'),
  startsOn: date('starts_on'),
  endsOn: date('ends_on'),
  cost: numeric('cost', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
  ownerId: integer('owner_id').references(() => users.id),
  ...recordColumns(),
});

/** One row per customer reached: the send, the response, the conversion. */
export const campaignMembers = pgTable(
  'campaign_members',
  {
    id: id(),
    campaignId: bigint('campaign_id', { mode: 'number' }).notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    accountId: bigint('account_id', { mode: 'number' }).notNull().references(() => accounts.id),
    contactId: bigint('contact_id', { mode: 'number' }).references(() => contacts.id),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveryStatus: text('delivery_status', { enum: ['pending', 'sent', 'failed', 'bounced'] }).notNull().default('pending'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    response: text('response'),
    convertedOrderId: bigint('converted_order_id', { mode: 'number' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    /** A member who leaves is kept, with when and why: 'exit' (the customer's exit was approved) or 'removed' (by hand). */
    leftAt: timestamp('left_at', { withTimezone: true }),
    leftReason: text('left_reason', { enum: memberLeftReasons }),
  },
  (t) => [uniqueIndex('campaign_members_key').on(t.campaignId, t.accountId), index('campaign_members_account_idx').on(t.accountId)],
);

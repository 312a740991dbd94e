import { bigint, boolean, index, pgTable, text } from 'drizzle-orm/pg-core';
import { id, recordColumns } from '../../db/columns.js';
import { accounts } from '../accounts/schema.js';

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    accountId: bigint('account_id', { mode: 'number' }).notNull().references(() => accounts.id),
    name: text('name').notNull(),
    title: text('title'),
    /** Role in the buying process: decision maker, influencer, user, payer, ... */
    role: text('role'),
    email: text('email'),
    phone: text('phone'),
    mobile: text('mobile'),
    wechat: text('wechat'),
    preferredChannel: text('preferred_channel', { enum: ['email', 'phone', 'sms', 'wechat', 'visit'] }),
    isPrimary: boolean('is_primary').notNull().default(false),
    notes: text('notes'),
    ...recordColumns(),
  },
  (t) => [index('contacts_account_idx').on(t.accountId), index('contacts_name_idx').on(t.name)],
);

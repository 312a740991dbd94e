import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, recordColumns } from '../../db/columns.js';
import { users } from '../users/schema.js';

export const accountKinds = ['person', 'organisation'] as const;
export const customerTypes = ['consumer', 'intermediary', 'public_interest', 'internal'] as const;
/** Kotler's five levels of relationship, from "basic" (sell and forget) to "partnership". */
export const relationshipLevels = ['basic', 'reactive', 'accountable', 'proactive', 'partnership'] as const;

export const accountKindEnum = pgEnum('account_kind', accountKinds);
export const customerTypeEnum = pgEnum('customer_type', customerTypes);
export const relationshipLevelEnum = pgEnum('relationship_level', relationshipLevels);

export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    /** The customer number in the source system; the natural key imports match on. */
    externalId: text('external_id'),
    kind: accountKindEnum('kind').notNull().default('organisation'),
    name: text('name').notNull(),
    customerType: customerTypeEnum('customer_type').notNull().default('consumer'),
    relationshipLevel: relationshipLevelEnum('relationship_level').notNull().default('basic'),
    ownerId: integer('owner_id').references(() => users.id),
    email: text('email'),
    phone: text('phone'),
    industry: text('industry'),
    region: text('region'),
    country: text('country'),
    city: text('city'),
    address: text('address'),
    website: text('website'),
    tags: text('tags').array().notNull().default([]),
    notes: text('notes'),
    /** Typed custom attributes (income, household size, ...) used by the analytics as features. */
    attributes: jsonb('attributes').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    /** How the account came to us: manual, import, lead, referral, demo. */
    source: text('source').notNull().default('manual'),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('accounts_external_id_key').on(t.externalId),
    index('accounts_owner_idx').on(t.ownerId),
    index('accounts_name_idx').on(t.name),
  ],
);

export const incomePeriodTypes = ['year', 'quarter', 'month'] as const;

/**
 * The customer's own revenue (organisations) or income (persons) per period: feeds the "income growth
 * rate" factor. One live row per account and period start; edits are versioned and audited.
 */
export const accountIncomeHistory = pgTable(
  'account_income_history',
  {
    id: id(),
    accountId: bigint('account_id', { mode: 'number' }).notNull().references(() => accounts.id),
    periodStart: date('period_start').notNull(),
    periodType: text('period_type', { enum: incomePeriodTypes }).notNull().default('year'),
    income: numeric('income', { precision: 16, scale: 2, mode: 'number' }).notNull(),
    /** Where the figure comes from: annual report, customer statement, estimate, ... */
    source: text('source'),
    notes: text('notes'),
    ...recordColumns(),
  },
  (t) => [uniqueIndex('account_income_period_key').on(t.accountId, t.periodStart).where(sql`${t.deletedAt} IS NULL`)],
);

/** Word of mouth: which customer brought which new customer (an account, or a lead not yet converted). */
export const referrals = pgTable(
  'referrals',
  {
    id: id(),
    referrerAccountId: bigint('referrer_account_id', { mode: 'number' }).notNull().references(() => accounts.id),
    referredAccountId: bigint('referred_account_id', { mode: 'number' }).references(() => accounts.id),
    referredLeadId: bigint('referred_lead_id', { mode: 'number' }),
    referredAt: timestamp('referred_at', { withTimezone: true }).notNull().defaultNow(),
    /** What the referral was worth (e.g. the referred customer's first-year revenue, or an estimate). */
    value: numeric('value', { precision: 14, scale: 2, mode: 'number' }),
    notes: text('notes'),
    ...recordColumns(),
  },
  (t) => [
    index('referrals_referrer_idx').on(t.referrerAccountId),
    // a customer is brought by one referrer
    uniqueIndex('referrals_referred_account_key').on(t.referredAccountId).where(sql`${t.deletedAt} IS NULL AND ${t.referredAccountId} IS NOT NULL`),
  ],
);

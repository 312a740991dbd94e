/**
 * The predictive model's derived data, kept beside the operational data and linked to it: customer groups
 * (CG) with every customer's fuzzy membership, product/service groups (PSG), the CG × PSG association entity,
 * the association rules, and each customer's next-best offers. Every row belongs to one analytics run (a
 * snapshot), so a later refresh never rewrites what an earlier decision was based on.
 */
import { bigint, doublePrecision, index, integer, jsonb, pgTable, primaryKey, real, text } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/schema.js';
import { analyticsRuns } from '../analytics/schema.js';
import { products } from '../products/schema.js';

const runId = () =>
  bigint('run_id', { mode: 'number' })
    .notNull()
    .references(() => analyticsRuns.id, { onDelete: 'cascade' });

export const customerGroups = pgTable(
  'customer_groups',
  {
    runId: runId(),
    groupNo: integer('group_no').notNull(),
    /** An analyst's name for the group (carried to later runs' matching group); null = the profile's suggested name. */
    name: text('name'),
    size: integer('size').notNull(),
    fuzzySize: doublePrecision('fuzzy_size').notNull(),
    /** centroid (original and standard units), distinguishing features, description in both languages */
    profile: jsonb('profile').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.groupNo] })],
);

export const customerGroupMembers = pgTable(
  'customer_group_members',
  {
    runId: runId(),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => accounts.id),
    /** the group of highest membership */
    groupNo: integer('group_no').notNull(),
    membership: real('membership').notNull(),
    /** fuzzy c-means membership degree in every group, by group number */
    memberships: real('memberships').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.accountId] }), index('customer_group_members_group_idx').on(t.runId, t.groupNo, t.membership)],
);

export const productGroups = pgTable(
  'product_groups',
  {
    runId: runId(),
    groupNo: integer('group_no').notNull(),
    /** An analyst's name; null = named after its anchor product in the viewer's language. */
    name: text('name'),
    /** the product most correlated with the rest of the group */
    anchorProductId: bigint('anchor_product_id', { mode: 'number' }).notNull(),
    /** mean phi correlation inside the group */
    cohesion: doublePrecision('cohesion').notNull(),
    productIds: bigint('product_ids', { mode: 'number' }).array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.groupNo] })],
);

/** The association entity: key (CG, PSG); why they go together (attribute–membership-degree pairs) and how strongly. */
export const groupAssociations = pgTable(
  'group_associations',
  {
    runId: runId(),
    customerGroup: integer('customer_group').notNull(),
    productGroup: integer('product_group').notNull(),
    attributes: jsonb('attributes').$type<{ attribute: string; degree: number }[]>().notNull(),
    support: doublePrecision('support').notNull(),
    confidence: doublePrecision('confidence').notNull(),
    lift: doublePrecision('lift').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.customerGroup, t.productGroup] })],
);

/** Association rules mined on order baskets (the strongest by lift), for the products-together page. */
export const productRules = pgTable(
  'product_rules',
  {
    runId: runId(),
    rank: integer('rank').notNull(),
    antecedent: bigint('antecedent', { mode: 'number' }).array().notNull(),
    consequent: bigint('consequent', { mode: 'number' }).notNull(),
    support: doublePrecision('support').notNull(),
    confidence: doublePrecision('confidence').notNull(),
    lift: doublePrecision('lift').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.rank] })],
);

/** A customer's next-best offers in one run: a product they do not have yet, with its reason. */
export const offers = pgTable(
  'offers',
  {
    runId: runId(),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => accounts.id),
    rank: integer('rank').notNull(),
    productId: bigint('product_id', { mode: 'number' })
      .notNull()
      .references(() => products.id),
    probability: real('probability').notNull(),
    expectedValue: doublePrecision('expected_value').notNull(),
    reason: jsonb('reason').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.accountId, t.rank] })],
);

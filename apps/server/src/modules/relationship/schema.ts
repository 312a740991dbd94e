/**
 * Customer relationship value and exit management: the analysts' AHP judgements, every customer's nine factors,
 * AHP score and class (good / medium / bad) per analytics run, the labels analysts and managers give, and the exit
 * cases with their decision log. Nothing here deletes a customer; every step is recorded.
 */
import { bigint, bigserial, doublePrecision, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp } from 'drizzle-orm/pg-core';
import { id, recordColumns } from '../../db/columns.js';
import { accounts } from '../accounts/schema.js';
import { analyticsRuns } from '../analytics/schema.js';
import { users } from '../users/schema.js';

export const relationshipClasses = ['good', 'medium', 'bad'] as const;

/** One pairwise-comparison matrix per node of the AHP hierarchy (absent: the default judgements). */
export const ahpMatrices = pgTable('ahp_matrices', {
  node: text('node').primaryKey(),
  matrix: jsonb('matrix').$type<number[][]>().notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const relationshipScores = pgTable(
  'relationship_scores',
  {
    runId: bigint('run_id', { mode: 'number' })
      .notNull()
      .references(() => analyticsRuns.id, { onDelete: 'cascade' }),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => accounts.id),
    /** the nine factors in RELATIONSHIP_FACTOR_KEYS order, in their own units */
    factors: real('factors').array().notNull(),
    ahpScore: doublePrecision('ahp_score').notNull(),
    class: text('class', { enum: relationshipClasses }).notNull(),
    /** P(good), P(medium), P(bad) of the chosen classifier */
    probabilities: real('probabilities').array().notNull(),
    /** each factor's contribution to the customer's class (the run's summary says what is measured) */
    contributions: real('contributions').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.accountId] }), index('relationship_scores_class_idx').on(t.runId, t.class)],
);

/** A person's judgement of a customer; the latest per account trains the classifier. */
export const relationshipLabels = pgTable(
  'relationship_labels',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => accounts.id),
    label: text('label', { enum: relationshipClasses }).notNull(),
    /** 'analyst' when set by hand, 'exit-decision' when an exit case decided it */
    source: text('source').notNull(),
    note: text('note'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('relationship_labels_account_idx').on(t.accountId, t.decidedAt)],
);

export const exitStages = ['candidate', 'review', 'approved', 'transition', 'exited', 'retrospective', 'won_back', 'dismissed'] as const;
export type ExitStage = (typeof exitStages)[number];

export const exitCases = pgTable(
  'exit_cases',
  {
    id: id(),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => accounts.id),
    stage: text('stage', { enum: exitStages }).notNull().default('candidate'),
    /** why the case was opened: the snapshots in which the customer was classed bad */
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull().default({}),
    approvedBy: integer('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    exitedAt: timestamp('exited_at', { withTimezone: true }),
    /** the retrospective: what went wrong in acquiring and serving the customer, and the lessons */
    whatWentWrong: text('what_went_wrong'),
    lessons: text('lessons'),
    ...recordColumns(),
  },
  (t) => [index('exit_cases_account_idx').on(t.accountId), index('exit_cases_stage_idx').on(t.stage)],
);

/** The case's decision log: stage changes, approvals, comments (with who and when). */
export const exitCaseEvents = pgTable(
  'exit_case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => exitCases.id),
    kind: text('kind', { enum: ['opened', 'stage', 'comment'] }).notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage'),
    text: text('text'),
    userId: integer('user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exit_case_events_case_idx').on(t.caseId, t.at)],
);

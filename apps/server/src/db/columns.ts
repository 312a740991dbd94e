import { bigserial, integer, timestamp } from 'drizzle-orm/pg-core';

/** Surrogate key used by every business table (bigint, returned to JS as number). */
export const id = () => bigserial('id', { mode: 'number' }).primaryKey();

/**
 * Columns every editable business record carries:
 * - `version` drives optimistic concurrency (a save with a stale version gets HTTP 409),
 * - `deletedAt` makes deletes soft so an admin can restore them.
 */
export const recordColumns = () => ({
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
  createdBy: integer('created_by'),
});

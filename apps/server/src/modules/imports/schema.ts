import { bigserial, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * What a file can hold. `kind` below is plain text in the database (no enum type, no check): a new kind needs
 * no migration, and the API refuses any other value (service.ts, import-command.ts).
 */
export const importKinds = ['accounts', 'products', 'orders', 'tickets', 'referrals', 'suggestions', 'income'] as const;
export type ImportKind = (typeof importKinds)[number];

/** An import from upload to result; the uploaded file lives in the data directory until it is run. */
export const importJobs = pgTable('import_jobs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind', { enum: importKinds }).notNull(),
  fileName: text('file_name').notNull(),
  filePath: text('file_path'),
  fileSha256: text('file_sha256'),
  status: text('status', { enum: ['uploaded', 'validated', 'running', 'done', 'failed'] }).notNull().default('uploaded'),
  options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
  /** rows read so far / total, for the progress bar */
  progress: integer('progress').notNull().default(0),
  totalRows: integer('total_rows'),
  report: jsonb('report').$type<Record<string, unknown>>(),
  error: text('error'),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One row per change to a business record: who, when, what changed (field -> [before, after]). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id'),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action', { enum: ['create', 'update', 'delete', 'restore', 'import'] }).notNull(),
    changes: jsonb('changes').$type<Record<string, [unknown, unknown]>>(),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId, t.at)],
);

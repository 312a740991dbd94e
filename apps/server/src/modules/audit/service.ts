import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { users } from '../users/schema.js';
import { auditLog } from './schema.js';

type Executor = Pick<Db, 'insert' | 'select'>;

export interface AuditEntry {
  userId: number | null;
  entityType: string;
  entityId: number | string;
  action: 'create' | 'update' | 'delete' | 'restore' | 'import';
  changes?: Record<string, [unknown, unknown]>;
}

/** Writes one audit row, or several in one statement (a change that touches many records at once). */
export async function recordAudit(db: Executor, entry: AuditEntry | AuditEntry[]) {
  const entries = Array.isArray(entry) ? entry : [entry];
  if (entries.length === 0) return;
  await db.insert(auditLog).values(entries.map((e) => ({ ...e, entityId: String(e.entityId), changes: e.changes ?? null })));
}

/** Field-by-field differences between two versions of a record, for the audit trail. */
export function diffRecords(before: Record<string, unknown>, after: Record<string, unknown>, ignore = ['version', 'updatedAt']) {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after)) {
    if (ignore.includes(key)) continue;
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = [a ?? null, b ?? null];
  }
  return changes;
}

export const auditTrail = (db: Db, entityType: string, entityId: string) =>
  db
    .select({ id: auditLog.id, at: auditLog.at, userId: auditLog.userId, userName: users.name, action: auditLog.action, changes: auditLog.changes })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(500);

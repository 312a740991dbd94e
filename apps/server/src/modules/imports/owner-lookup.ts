import type { Executor } from './bulk-writes.js';

/** Users by lower-case email, for the owner_email column of an accounts file. */
export async function userIdsByEmail(db: Executor): Promise<Map<string, number>> {
  const { rows } = await db.query<{ id: number; email: string }>('SELECT id, lower(email) AS email FROM users');
  return new Map(rows.map((r) => [r.email, Number(r.id)]));
}

import { accountColumns, type AccountField, type AccountPlan } from './account-rows.js';
import { changedColumns, upsertCounts, writeInBatches, type Executor, type WriteCounts } from './bulk-writes.js';

/** How each mapped field's array reaches its column; NOT NULL columns fall back to their defaults on a blank cell. */
const columnSql: Record<AccountField, { param: string; value: (u: string) => string }> = {
  name: { param: 'text[]', value: (u) => `${u}.name` },
  kind: { param: 'text[]', value: (u) => `coalesce(${u}.kind, 'organisation')::account_kind` },
  customer_type: { param: 'text[]', value: (u) => `coalesce(${u}.customer_type, 'consumer')::customer_type` },
  relationship_level: { param: 'text[]', value: (u) => `coalesce(${u}.relationship_level, 'basic')::relationship_level` },
  email: { param: 'text[]', value: (u) => `${u}.email` },
  phone: { param: 'text[]', value: (u) => `${u}.phone` },
  industry: { param: 'text[]', value: (u) => `${u}.industry` },
  region: { param: 'text[]', value: (u) => `${u}.region` },
  country: { param: 'text[]', value: (u) => `${u}.country` },
  city: { param: 'text[]', value: (u) => `${u}.city` },
  address: { param: 'text[]', value: (u) => `${u}.address` },
  // tags travel as "a|b" (unnest cannot carry an array per row); '' is no tags
  tags: { param: 'text[]', value: (u) => `string_to_array(coalesce(${u}.tags, ''), '|')` },
  notes: { param: 'text[]', value: (u) => `${u}.notes` },
  owner_email: { param: 'int[]', value: (u) => `${u}.owner_email` },
};

/**
 * Upserts accounts by external id: new ones are inserted (source 'import'); existing ones are updated only in
 * the mapped columns, and only when a value differs (then version and updated_at move on).
 */
export async function writeAccounts(db: Executor, plan: AccountPlan, userId: number | null, onRows?: (rows: number) => void): Promise<{ accounts: WriteCounts }> {
  const fields = Object.keys(plan.values) as AccountField[];
  const columns = fields.map((f) => accountColumns[f]);
  const change = changedColumns('t', columns);
  const params = ['$1::text[]', ...fields.map((f, i) => `$${i + 2}::${columnSql[f].param}`)];
  const sql = `INSERT INTO accounts AS t (external_id, ${columns.join(', ')}, source, created_by)
    SELECT u.external_id, ${fields.map((f) => columnSql[f].value('u')).join(', ')}, 'import', $${fields.length + 2}::int
    FROM unnest(${params.join(', ')}) AS u(external_id, ${fields.join(', ')})
    ON CONFLICT (external_id) DO UPDATE SET ${change.set}, version = t.version + 1, updated_at = now()
    WHERE ${change.differs}`;
  const accounts = await writeInBatches(plan.externalId.length, (from, to) =>
    upsertCounts(db, sql, [plan.externalId.slice(from, to), ...fields.map((f) => plan.values[f]!.slice(from, to)), userId]),
    onRows,
  );
  return { accounts };
}

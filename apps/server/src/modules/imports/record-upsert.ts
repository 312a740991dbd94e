import { changedColumns, upsertCounts, writeInBatches, type Executor, type WriteCounts } from './bulk-writes.js';
import type { RecordKindSpec, RecordPlan } from './record-rows.js';

/** How one field's array reaches its column. */
export interface ColumnWrite {
  column: string;
  /** the array type the values travel as: text[], bigint[], timestamptz[], ... */
  param: string;
  /** the value written from the field's element `v` (default: v itself), e.g. a default for a NOT NULL column */
  value?: (v: string) => string;
}

/** A table a file of records is written to, and the unique index its natural key (the kind's `key`) lives in. */
export interface RecordTable<F extends string> {
  table: string;
  /** the ON CONFLICT target: the key's unique index, with the predicate of that (partial) index */
  conflict: string;
  columns: Record<F, ColumnWrite>;
}

/**
 * Upserts a plan of records by natural key, in batches, inside the caller's transaction: new records inserted
 * (created_by the importer); existing ones updated in the mapped columns, only where a value differs (then
 * version + 1 and updated_at). A record in the recycle bin stays there, untouched, and counts as unchanged:
 * an import does not bring back what someone deleted — restore it, and the next import updates it.
 */
export async function upsertRecords<F extends string>(
  db: Executor,
  { spec, table: target }: { spec: Pick<RecordKindSpec<F>, 'key'>; table: RecordTable<F> },
  plan: RecordPlan<F>,
  userId: number | null,
  onRows?: (rows: number) => void,
): Promise<WriteCounts> {
  const fields = Object.keys(plan.values) as F[];
  const write = (f: F) => target.columns[f];
  const element = (f: F) => `u."${f}"`;
  const updatable = fields.filter((f) => !spec.key.includes(f)).map((f) => write(f).column);
  const sameKey = (alias: string) => spec.key.map((f) => `${alias}.${write(f).column} = ${element(f)}`).join(' AND ');
  const change = changedColumns('t', updatable);
  const onConflict = updatable.length
    ? `DO UPDATE SET ${change.set}, version = t.version + 1, updated_at = now() WHERE t.deleted_at IS NULL AND ${change.differs}`
    : 'DO NOTHING';
  const sql = `INSERT INTO ${target.table} AS t (${fields.map((f) => write(f).column).join(', ')}, created_by)
    SELECT ${fields.map((f) => write(f).value?.(element(f)) ?? element(f)).join(', ')}, $${fields.length + 1}::int
    FROM unnest(${fields.map((f, i) => `$${i + 1}::${write(f).param}`).join(', ')}) AS u(${fields.map((f) => `"${f}"`).join(', ')})
    WHERE NOT EXISTS (SELECT 1 FROM ${target.table} d WHERE ${sameKey('d')} AND d.deleted_at IS NOT NULL)
       OR EXISTS (SELECT 1 FROM ${target.table} l WHERE ${sameKey('l')} AND l.deleted_at IS NULL)
    ON CONFLICT ${target.conflict} ${onConflict}`;
  return writeInBatches(
    plan.rows.length,
    (from, to) => upsertCounts(db, sql, [...fields.map((f) => plan.values[f]!.slice(from, to)), userId]),
    onRows,
  );
}

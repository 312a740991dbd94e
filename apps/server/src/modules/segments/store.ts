/**
 * Writes one run's predictive model (bulk inserts through unnest: 100k customers' memberships in a few
 * statements), then carries analysts' names for groups over from the previous run to the matching group — a
 * refresh must not make an analyst rename "Trade contractors" every night.
 */
import type { Database } from '../../db/connection.js';
import type { SegmentResult } from './result.js';

const CHUNK = 5000;

export async function storeSegments(database: Database, runId: number, result: SegmentResult) {
  const q = (text: string, values: unknown[]) => database.pool.query(text, values);
  await q(
    `INSERT INTO customer_groups (run_id, group_no, size, fuzzy_size, profile)
     SELECT $1, * FROM unnest($2::int[], $3::int[], $4::float8[], $5::jsonb[])`,
    [runId, result.groups.map((_, i) => i), result.groups.map((g) => g.size), result.groups.map((g) => g.fuzzySize), result.groups.map((g) => JSON.stringify(g.profile))],
  );
  const { accountIds, memberships } = result.members;
  for (let i = 0; i < accountIds.length; i += CHUNK) {
    const ids = accountIds.slice(i, i + CHUNK);
    const rows = memberships.slice(i, i + CHUNK);
    const best = rows.map((u) => u.indexOf(Math.max(...u)));
    await q(
      `INSERT INTO customer_group_members (run_id, account_id, group_no, membership, memberships)
       SELECT $1, id, g, m, string_to_array(u, ',')::real[] FROM unnest($2::bigint[], $3::int[], $4::real[], $5::text[]) AS x(id, g, m, u)`,
      [runId, ids, best, rows.map((u, k) => u[best[k]]), rows.map((u) => Array.from(u, (v) => v.toPrecision(4)).join(','))],
    );
  }
  await q(
    `INSERT INTO product_groups (run_id, group_no, anchor_product_id, cohesion, product_ids)
     SELECT $1, g, a, c, string_to_array(p, ',')::bigint[] FROM unnest($2::int[], $3::bigint[], $4::float8[], $5::text[]) AS x(g, a, c, p)`,
    [runId, result.productGroups.map((_, i) => i), result.productGroups.map((g) => g.anchor), result.productGroups.map((g) => g.cohesion), result.productGroups.map((g) => g.items.join(','))],
  );
  const a = result.associations;
  await q(
    `INSERT INTO group_associations (run_id, customer_group, product_group, attributes, support, confidence, lift)
     SELECT $1, * FROM unnest($2::int[], $3::int[], $4::jsonb[], $5::float8[], $6::float8[], $7::float8[])`,
    [runId, a.map((x) => x.customerGroup), a.map((x) => x.productGroup), a.map((x) => JSON.stringify(x.attributes)), a.map((x) => x.support), a.map((x) => x.confidence), a.map((x) => x.lift)],
  );
  const r = result.rules;
  await q(
    `INSERT INTO product_rules (run_id, rank, antecedent, consequent, support, confidence, lift, count)
     SELECT $1, k, string_to_array(ant, ',')::bigint[], c, s, conf, l, n FROM unnest($2::int[], $3::text[], $4::bigint[], $5::float8[], $6::float8[], $7::float8[], $8::int[]) AS x(k, ant, c, s, conf, l, n)`,
    [runId, r.map((_, i) => i + 1), r.map((x) => x.antecedent.join(',')), r.map((x) => x.consequent), r.map((x) => x.support), r.map((x) => x.confidence), r.map((x) => x.lift), r.map((x) => x.count)],
  );
  for (let i = 0; i < result.offers.length; i += CHUNK) {
    const part = result.offers.slice(i, i + CHUNK);
    await q(
      `INSERT INTO offers (run_id, account_id, rank, product_id, probability, expected_value, reason)
       SELECT $1, * FROM unnest($2::bigint[], $3::int[], $4::bigint[], $5::real[], $6::float8[], $7::jsonb[])`,
      [runId, part.map((o) => o.accountId), part.map((o) => o.rank), part.map((o) => o.productId), part.map((o) => o.probability), part.map((o) => o.expectedValue), part.map((o) => JSON.stringify(o.reason))],
    );
  }
  await carryOverNames(database, runId);
}

/** Customer groups match on their centroid (same features, within one standard unit); product groups on shared products (Jaccard ≥ 0.5). */
async function carryOverNames(database: Database, runId: number) {
  const { rows: previous } = await database.pool.query<{ run_id: number }>(
    `SELECT max(run_id) AS run_id FROM customer_groups WHERE run_id < $1`,
    [runId],
  );
  const prior = previous[0]?.run_id;
  if (!prior) return;
  const { rows: named } = await database.pool.query<{ name: string; features: string[]; z: number[] }>(
    `SELECT name, profile -> 'features' AS features, profile -> 'zCentroid' AS z FROM customer_groups WHERE run_id = $1 AND name IS NOT NULL`,
    [prior],
  );
  if (named.length > 0) {
    const { rows: current } = await database.pool.query<{ group_no: number; features: string[]; z: number[] }>(
      `SELECT group_no, profile -> 'features' AS features, profile -> 'zCentroid' AS z FROM customer_groups WHERE run_id = $1`,
      [runId],
    );
    for (const old of named) {
      const distances = current
        .filter((c) => c.features.join('|') === old.features.join('|'))
        .map((c) => ({ c, d: Math.sqrt(c.z.reduce((s, v, j) => s + (v - old.z[j]) ** 2, 0)) }))
        .sort((x, y) => x.d - y.d);
      if (distances[0] && distances[0].d < 1) {
        await database.pool.query('UPDATE customer_groups SET name = $3 WHERE run_id = $1 AND group_no = $2 AND name IS NULL', [runId, distances[0].c.group_no, old.name]);
      }
    }
  }
  await database.pool.query(
    `UPDATE product_groups g SET name = best.name
     FROM (SELECT DISTINCT ON (cur.group_no) cur.group_no, old.name
           FROM product_groups cur JOIN product_groups old ON old.run_id = (SELECT max(run_id) FROM product_groups WHERE run_id < $1) AND old.name IS NOT NULL
           WHERE cur.run_id = $1
             AND (SELECT count(*) FROM unnest(cur.product_ids) p WHERE p = ANY(old.product_ids))::float8
                 / (SELECT count(DISTINCT p) FROM unnest(cur.product_ids || old.product_ids) p) >= 0.5
           ORDER BY cur.group_no) best
     WHERE g.run_id = $1 AND g.group_no = best.group_no`,
    [runId],
  );
}

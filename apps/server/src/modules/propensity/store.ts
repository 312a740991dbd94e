import type { Database } from '../../db/connection.js';
import type { PropensityTargetResult } from './compute.js';

const CHUNK = 5000;
const DAY_MS = 86_400_000;

/** Writes a run's propensity models and every prediction they issued into the ledger. */
export async function storePropensity(database: Database, runId: number, asOf: Date, horizonDays: number, results: PropensityTargetResult[]) {
  const issuedOn = asOf.toISOString().slice(0, 10);
  const horizonEnd = new Date(Math.floor(asOf.getTime() / DAY_MS) * DAY_MS + horizonDays * DAY_MS).toISOString().slice(0, 10);
  for (const r of results) {
    await database.pool.query(
      `INSERT INTO propensity_models (run_id, target, product_ids, horizon_days, chosen, quality) VALUES ($1, $2, $3::bigint[], $4, $5, $6)`,
      [runId, r.target, r.productIds, horizonDays, r.chosen, JSON.stringify(r.quality)],
    );
    for (let i = 0; i < r.predictions.length; i += CHUNK) {
      const part = r.predictions.slice(i, i + CHUNK);
      await database.pool.query(
        `INSERT INTO predictions (run_id, account_id, target, segment, issued_on, horizon_end, probability, corrected, factors)
         SELECT $1, a, $2, s, $3::date, $4::date, p, c, f FROM unnest($5::bigint[], $6::text[], $7::real[], $8::real[], $9::jsonb[]) AS x(a, s, p, c, f)`,
        [runId, r.target, issuedOn, horizonEnd, part.map((p) => p.accountId), part.map((p) => p.segment), part.map((p) => p.probability), part.map((p) => p.corrected), part.map((p) => JSON.stringify(p.factors))],
      );
    }
  }
}

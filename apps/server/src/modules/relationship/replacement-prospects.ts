/**
 * Replacement prospects for an exit (seed 003: keep market share): leads not yet converted and small accounts
 * (at most one completed order, not classified "bad", without an exit case), ranked by the probability that a customer
 * with their traits is a good one — a naive Bayes model of the latest classification's good customers against
 * all the others (packages/analytics `fitResemblance`). Each prospect carries the traits that speak for it, as
 * the shares of good and other customers that have them, and whether it works in the exiting customer's market
 * (same industry or region), the market share the exit puts at risk.
 */
import { fitResemblance, scoreResemblance, type ResemblanceScore, type TraitValues } from '@relata/analytics';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';

/** The traits a lead can have too (in its attributes); behaviour would say more, but prospects have none yet. */
export const PROSPECT_TRAITS = ['customerType', 'industry', 'region', 'city'] as const;
type Trait = (typeof PROSPECT_TRAITS)[number];
type Traits = Record<Trait, string | null>;

export interface ProspectReason {
  trait: Trait;
  value: string;
  /** share of good customers with this value, and of the other classified customers (smoothed) */
  goodShare: number;
  otherShare: number;
}

export interface ReplacementProspect extends Traits {
  kind: 'account' | 'lead';
  id: number;
  name: string;
  /** P(good | traits) */
  resemblance: number;
  /** the traits that raise it, strongest first */
  reasons: ProspectReason[];
  sameIndustry: boolean;
  sameRegion: boolean;
}

export interface ProspectList {
  /** the share of good customers among the classified: what a prospect without telling traits scores */
  baseRate: number | null;
  /** why the list is empty, when it is: no classification yet, or no good (or no other) customers in it */
  reason: 'no-classification' | null;
  items: ReplacementProspect[];
}

const traitColumns = sql`a.customer_type::text AS "customerType", a.industry, a.region, a.city`;

/** `exiting`: the customer whose exit the prospects replace (the case file has it loaded already). */
export async function replacementProspects(
  db: Db,
  exiting: { id: number; industry: string | null; region: string | null },
  limit = 10,
): Promise<ProspectList> {
  // one row per combination of traits and class, not per customer: a few hundred rows where there are 100k customers
  const examples = (
    await db.execute<Traits & { good: boolean; count: number }>(sql`
      SELECT ${traitColumns}, s.class = 'good' AS good, count(*)::int AS count
      FROM relationship_scores s JOIN accounts a ON a.id = s.account_id AND a.deleted_at IS NULL
      WHERE s.run_id = (SELECT max(run_id) FROM relationship_scores)
      GROUP BY 1, 2, 3, 4, 5`)
  ).rows;
  const model = fitResemblance(
    examples.map(({ good, count, ...traits }) => ({ good, count, traits })),
    PROSPECT_TRAITS,
  );
  if (!model) return { baseRate: null, reason: 'no-classification', items: [] };

  const candidates = (
    await db.execute<Traits & { kind: 'account' | 'lead'; id: number; name: string }>(sql`
      WITH completed AS (
        SELECT account_id, count(*) AS n FROM orders WHERE deleted_at IS NULL AND status = 'completed' AND account_id IS NOT NULL GROUP BY account_id),
      latest AS (SELECT account_id, class FROM relationship_scores WHERE run_id = (SELECT max(run_id) FROM relationship_scores))
      SELECT 'account' AS kind, a.id::int AS id, a.name, ${traitColumns}
      FROM accounts a LEFT JOIN completed c ON c.account_id = a.id LEFT JOIN latest l ON l.account_id = a.id
      WHERE a.deleted_at IS NULL AND a.id <> ${exiting.id} AND coalesce(c.n, 0) <= 1
        AND l.class IS DISTINCT FROM 'bad'
        AND NOT EXISTS (SELECT 1 FROM exit_cases x WHERE x.account_id = a.id AND x.deleted_at IS NULL)
      UNION ALL
      SELECT 'lead', l.id::int, coalesce(l.company, l.name), l.attributes ->> 'customerType', l.attributes ->> 'industry',
             l.attributes ->> 'region', l.attributes ->> 'city'
      FROM leads l WHERE l.deleted_at IS NULL AND l.status IN ('new', 'working', 'qualified')`)
  ).rows;

  // candidates sharing their traits share their score: score each combination once (a few thousand, not 100k)
  const scores = new Map<string, ResemblanceScore>();
  const scoreOf = (c: Traits) => {
    const key = PROSPECT_TRAITS.map((trait) => c[trait] ?? '').join('\u0001');
    let score = scores.get(key);
    if (!score) scores.set(key, (score = scoreResemblance(model, c as TraitValues)));
    return score;
  };
  const items = candidates
    .map((c) => ({ c, score: scoreOf(c) }))
    .sort((a, b) => b.score.probability - a.score.probability || a.c.kind.localeCompare(b.c.kind) || a.c.id - b.c.id)
    .slice(0, limit)
    .map(
      ({ c, score }): ReplacementProspect => ({
        ...c,
        resemblance: score.probability,
        reasons: score.contributions
          .filter((r) => r.logRatio > 0)
          .map(({ trait, value, goodShare, otherShare }) => ({ trait: trait as Trait, value, goodShare, otherShare })),
        sameIndustry: !!exiting.industry && c.industry === exiting.industry,
        sameRegion: !!exiting.region && c.region === exiting.region,
      }),
    );
  return { baseRate: model.good / (model.good + model.other), reason: null, items };
}

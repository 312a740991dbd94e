/**
 * Offers are stored with their reason as facts only (the group, the rule); the words are put together when they
 * are read, from today's product names — a snapshot of 500,000 offers then stays small, and a renamed product
 * reads right in old offers too.
 */
import { describeOfferReason, type LocalizedText, type OfferReasonFacts } from '@relata/analytics';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';

export type StoredReason = OfferReasonFacts;

/** The facts of a reason, rounded (four digits are plenty and keep the rows short). */
export function compactReason({ group, rule }: OfferReasonFacts): StoredReason {
  const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
  return {
    group: { index: group.index, membership: r4(group.membership), rate: r4(group.rate) },
    rule: rule ? { antecedent: rule.antecedent, confidence: r4(rule.confidence), lift: r4(rule.lift) } : null,
  };
}

/** Adds `reason.text` ({zh, en}) to offers read from the database. */
export async function withReasonTexts<T extends { productId: number; reason: StoredReason }>(db: Db, offers: T[]): Promise<(T & { reason: StoredReason & { text: LocalizedText } })[]> {
  const ids = [...new Set(offers.flatMap((o) => [o.productId, ...(o.reason.rule?.antecedent ?? [])]))];
  const names = new Map<number, string>();
  if (ids.length > 0) {
    const { rows } = await db.execute<{ id: number; name: string }>(sql`SELECT id, name FROM products WHERE id = ANY(${`{${ids.join(',')}}`}::bigint[])`);
    for (const r of rows) names.set(Number(r.id), r.name);
  }
  const itemLabel = (id: number) => names.get(id) ?? `#${id}`;
  return offers.map((o) => ({ ...o, reason: { ...o.reason, text: describeOfferReason(o.productId, o.reason, { itemLabel }) } }));
}

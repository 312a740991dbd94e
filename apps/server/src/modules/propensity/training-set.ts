/**
 * Rows for a propensity model: each customer's features as of a day (the segments' customer features — behaviour,
 * CLV and P(alive), category mix — plus every numeric profile attribute and the days since the last contact) and
 * whether the outcome happened in the horizon after that day. The same code gives the training rows (features at
 * asOf − horizon, outcomes up to asOf) and the rows scored now (features at asOf).
 */
import type { LocalizedText } from '@relata/analytics';
import { customerFeatures, type ScoreColumns } from '../segments/customer-features.js';
import type { OrderLines, SegmentInputs } from '../segments/inputs.js';
import type { ContactDays } from './ledger.js';

export type Target = { key: string; kind: 'buy'; products: Set<number> | null } | { key: 'churn'; kind: 'churn' };

/** A customer counts as active for churn when they bought within this many days. */
export const ACTIVE_DAYS = 365;

export interface FeatureRows {
  accountIds: number[];
  names: string[];
  labels: Record<string, LocalizedText>;
  /** what the models see: heavy-tailed amounts on log(1 + x), missing values at the mean */
  X: Float64Array[];
  /** the same in the features' own units, for the reasons and charts */
  raw: Float64Array[];
}

export function featuresAt(inputs: SegmentInputs & { contacts: ContactDays }, byAccountDay: Int32Array, day: number, scores: ScoreColumns | null): FeatureRows {
  const f = customerFeatures(inputs.lines, byAccountDay, inputs.products, day, scores, inputs.attributes, 'all');
  const lastContact = new Map<number, number>();
  const { account, day: contactDay } = inputs.contacts;
  for (let i = 0; i < account.length; i++) if (contactDay[i] < day && !(lastContact.get(account[i])! >= contactDay[i])) lastContact.set(account[i], contactDay[i]);
  // never contacted: as long ago as the longest gap seen, so "no contact" reads as "long ago", not as "yesterday"
  let longest = 0;
  for (const d of lastContact.values()) longest = Math.max(longest, day - 1 - d);
  const withContact = (rows: Float64Array[]) =>
    rows.map((row, i) => {
      const out = new Float64Array(row.length + 1);
      out.set(row);
      const last = lastContact.get(f.accountIds[i]);
      out[row.length] = last === undefined ? longest : day - 1 - last;
      return out;
    });
  return {
    accountIds: f.accountIds,
    names: [...f.names, 'contactRecencyDays'],
    labels: { ...f.labels, contactRecencyDays: { en: 'Days since last contact', zh: '距上次联系天数' } },
    X: withContact(f.transformed),
    raw: withContact(f.raw),
  };
}

/** For each customer, whether the target happened in [from, to): bought (one of the products), or bought nothing. */
export function outcomes(lines: OrderLines, accountIds: number[], target: Target, from: number, to: number): Uint8Array {
  const index = new Map(accountIds.map((id, i) => [id, i]));
  const bought = new Uint8Array(accountIds.length);
  for (let i = 0; i < lines.day.length; i++) {
    if (lines.day[i] < from || lines.day[i] >= to || !(lines.quantity[i] > 0)) continue;
    const j = index.get(lines.account[i]);
    if (j === undefined) continue;
    if (target.kind === 'churn' || !target.products || target.products.has(lines.product[i])) bought[j] = 1;
  }
  return target.kind === 'churn' ? bought.map((b) => 1 - b) : bought;
}

/** Indexes of the rows that belong to the target's population: churn is about active customers only. */
export function population(features: FeatureRows, target: Target): number[] {
  const all = features.accountIds.map((_, i) => i);
  if (target.kind !== 'churn') return all;
  const recency = features.names.indexOf('recencyDays');
  return all.filter((i) => features.X[i][recency] < ACTIVE_DAYS);
}

/**
 * One customer-value refresh over a company's purchase history (pure: no database, runs in a worker):
 * RFM segments, ABC classes and value tiers on historical contribution; BG/NBD and Gamma-Gamma fitted by
 * maximum likelihood for P(alive), expected purchases and the predicted, discounted CLV.
 * The models are @relata/analytics' (checked against the published CDNOW results); this file only wires them.
 */
import {
  abcAnalysis,
  DEFAULT_VALUE_TIER_RULE,
  fitBgNbd,
  fitGammaGamma,
  paretoCurve,
  predictClv,
  probabilityAlive,
  rfmAnalysis,
  summarizeRepeatBuying,
  valueTiers,
  type Transaction,
  type ValueTierRule,
} from '@relata/analytics';

export interface ValueParams {
  /** what ABC and the tiers rank by */
  contribution: 'revenue' | 'margin';
  abcCutA: number;
  abcCutB: number;
  tierRule: ValueTierRule;
  /** CLV horizon in months and the monthly discount rate */
  horizonMonths: number;
  monthlyDiscountRate: number;
}

export const defaultValueParams: ValueParams = {
  contribution: 'revenue',
  abcCutA: 0.8,
  abcCutB: 0.95,
  tierRule: DEFAULT_VALUE_TIER_RULE,
  horizonMonths: 12,
  monthlyDiscountRate: 0.01,
};

/** Purchase history, one row per customer and day with a positive net value, as typed arrays. */
export interface PurchaseDays {
  accountIds: Float64Array;
  days: Int32Array;
  revenue: Float64Array;
  margin: Float64Array;
}

export interface CustomerValue {
  accountId: number;
  recencyDays: number;
  frequency: number;
  monetary: number;
  rfmScore: string;
  segment: string;
  abcClass: string;
  valueTier: string;
  pAlive: number;
  expectedPurchases: number;
  predictedClv: number;
  details: { x: number; tx: number; T: number; zbar: number; valuePerPurchase: number; marginRate: number; contribution: number };
}

export type Progress = (percent: number, stage: string) => void;
const WEEKS_PER_MONTH = 52 / 12;
const DAY_MS = 86_400_000;

export function computeCustomerValue(history: PurchaseDays, asOfDay: number, params: ValueParams, progress: Progress = () => {}) {
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    timings[stage] = Math.round(now - t0);
    t0 = now;
  };

  const transactions: Transaction[] = new Array(history.days.length);
  const totals = new Map<number, { revenue: number; margin: number }>();
  for (let i = 0; i < history.days.length; i++) {
    const id = history.accountIds[i];
    transactions[i] = { customerId: id, date: history.days[i] * DAY_MS, amount: history.revenue[i] };
    const t = totals.get(id);
    if (t) {
      t.revenue += history.revenue[i];
      t.margin += history.margin[i];
    } else totals.set(id, { revenue: history.revenue[i], margin: history.margin[i] });
  }
  progress(10, 'rfm');
  const rfm = rfmAnalysis(transactions, { referenceDate: asOfDay * DAY_MS });
  lap('rfm');

  progress(20, 'abc');
  const contributions = [...totals].map(([id, t]) => ({ id, value: params.contribution === 'margin' ? t.margin : t.revenue }));
  const abc = abcAnalysis(contributions, { cutA: params.abcCutA, cutB: params.abcCutB });
  const tiers = valueTiers(contributions, params.tierRule);
  lap('abc');

  progress(30, 'bgnbd');
  const summary = summarizeRepeatBuying(transactions, { calibrationEnd: asOfDay * DAY_MS, unit: 'weeks' });
  const bgnbd = fitBgNbd(summary);
  lap('bgnbd');
  progress(60, 'gammaGamma');
  const gammaGamma = fitGammaGamma(summary);
  lap('gammaGamma');

  progress(70, 'clv');
  const abcById = new Map(abc.rows.map((r) => [r.id, r.abcClass]));
  const tierById = new Map(tiers.map((t) => [t.id, t.tier]));
  const summaryById = new Map(summary.map((s) => [s.customerId as number, s]));
  const customers: CustomerValue[] = rfm.map((c) => {
    const id = c.customerId as number;
    const s = summaryById.get(id)!;
    const t = totals.get(id)!;
    const marginRate = t.revenue > 0 ? Math.min(1, Math.max(0, t.margin / t.revenue)) : 0;
    const clv = predictClv(
      { bgnbd: bgnbd.params, gammaGamma: gammaGamma.params },
      s,
      { periods: params.horizonMonths, periodLength: WEEKS_PER_MONTH, discountRate: params.monthlyDiscountRate, margin: marginRate },
    );
    return {
      accountId: id,
      recencyDays: c.recencyDays,
      frequency: c.frequency,
      monetary: round2(c.monetary),
      rfmScore: `${c.r}${c.f}${c.m}`,
      segment: c.segment,
      abcClass: abcById.get(id)!,
      valueTier: tierById.get(id)!,
      pAlive: probabilityAlive(bgnbd.params, s.x, s.tx, s.T),
      expectedPurchases: clv.expectedPurchases,
      predictedClv: round2(clv.value),
      details: { x: s.x, tx: s.tx, T: s.T, zbar: s.zbar, valuePerPurchase: clv.valuePerPurchase, marginRate, contribution: params.contribution === 'margin' ? t.margin : t.revenue },
    };
  });
  lap('clv');

  const pareto = paretoCurve(contributions.map((c) => c.value));
  return {
    customers,
    summary: {
      customers: customers.length,
      purchaseDays: history.days.length,
      params,
      bgnbd: { params: bgnbd.params, logLikelihood: bgnbd.logLikelihood, converged: bgnbd.converged },
      gammaGamma: { params: gammaGamma.params, logLikelihood: gammaGamma.logLikelihood, customers: gammaGamma.customers, converged: gammaGamma.converged },
      abc: abc.classes,
      pareto: downsample(pareto, 101),
      timingsMs: timings,
    },
  };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** At most n points of a curve, for charts. */
function downsample(curve: { customerShare: Float64Array; valueShare: Float64Array }, n: number) {
  const len = curve.customerShare.length;
  const points: [number, number][] = [];
  for (let k = 0; k < Math.min(n, len); k++) {
    const i = len <= n ? k : Math.round((k * (len - 1)) / (n - 1));
    points.push([curve.customerShare[i], curve.valueShare[i]]);
  }
  return points;
}

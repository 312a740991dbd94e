/**
 * One customer-value refresh over a company's purchase history (pure: no database, runs in a worker):
 * RFM segments, ABC classes and value tiers on historical contribution; BG/NBD and Gamma-Gamma fitted by
 * maximum likelihood for P(alive), expected purchases and the predicted, discounted CLV.
 * The models are @relata/analytics' (checked against the published CDNOW results); this file only wires them.
 */
import {
  abcAnalysis,
  bgNbdHoldoutTest,
  cltvFramework,
  DEFAULT_VALUE_TIER_RULE,
  fitBgNbd,
  fitGammaGamma,
  lifecycleStages,
  paretoCurve,
  rfmAnalysis,
  summarizeRepeatBuying,
  valueTiers,
  customerCltv,
  type BgNbdParams,
  type CltvCustomer,
  type CltvParameters,
  type GammaGammaParams,
  type Transaction,
  type ValueTierRule,
} from '@relata/analytics';
import type { PropensityParams } from '../propensity/params.js';
import type { RelationshipParams } from '../relationship/params.js';
import type { SegmentParams } from '../segments/params.js';

export interface ValueParams {
  /** what ABC and the tiers rank by */
  contribution: 'revenue' | 'margin';
  abcCutA: number;
  abcCutB: number;
  tierRule: ValueTierRule;
  /** CLV horizon in months and the monthly discount rate */
  horizonMonths: number;
  monthlyDiscountRate: number;
  /** CLTV framework (seed): marketing cost per customer and month, price-loyalty elasticity ε, referral share s, value per endorsement e */
  marketingCostPerMonth: number;
  priceLoyaltyElasticity: number;
  referralShare: number;
  valuePerEndorsement: number;
  /** length of the holdout that checks the BG/NBD forecast (and the offers) against what then happened */
  holdoutWeeks: number;
  /** the predictive model's settings (customer groups, rules, offers) */
  segments?: Partial<SegmentParams>;
  /** the propensity and churn models' settings */
  propensity?: Partial<PropensityParams>;
  /** relationship value and exit candidates */
  relationship?: Partial<RelationshipParams>;
}

export const defaultValueParams: ValueParams = {
  contribution: 'revenue',
  abcCutA: 0.8,
  abcCutB: 0.95,
  tierRule: DEFAULT_VALUE_TIER_RULE,
  horizonMonths: 12,
  monthlyDiscountRate: 0.01,
  marketingCostPerMonth: 0,
  priceLoyaltyElasticity: 0,
  referralShare: 0.5,
  valuePerEndorsement: 0,
  holdoutWeeks: 26,
};

/** Purchase history, one row per customer and day with a positive net value, as typed arrays. */
export interface PurchaseDays {
  accountIds: Float64Array;
  days: Int32Array;
  revenue: Float64Array;
  margin: Float64Array;
}

/** What the CLTV framework needs beyond purchases, per account (absent accounts: ratio 1, no referrer). */
export interface AccountFacts {
  ids: Float64Array;
  /** ρ: paid against the matching-price average of the same goods */
  priceRatio: Float64Array;
  /** the account that referred this one, NaN when none */
  referredBy: Float64Array;
  endorsements: Float64Array;
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
  lifecycleStage: string;
  details: {
    x: number;
    tx: number;
    T: number;
    zbar: number;
    marginRate: number;
    contribution: number;
    tenureDays: number;
    trend: number;
    lifecycleRule: string;
  } & CltvInputs & { influence: number; cltv: number };
}

/**
 * What the CLTV decomposition of one customer is computed from. The snapshot keeps these few numbers rather
 * than the whole decomposition (writing ~30 numbers of jsonb per customer was half of a 100k-customer refresh);
 * the account page recomputes the decomposition from them and the run's fitted models (cltvBreakdownOf).
 */
export interface CltvInputs {
  x: number;
  tx: number;
  T: number;
  zbar: number;
  firstDayValue: number;
  marginRate: number;
  priceRatio: number;
  endorsements: number;
}

export const cltvParametersOf = (params: ValueParams): Partial<CltvParameters> => ({
  periods: params.horizonMonths,
  periodLength: WEEKS_PER_MONTH,
  discountRate: params.monthlyDiscountRate,
  marketingCostPerPeriod: params.marketingCostPerMonth,
  priceLoyaltyElasticity: params.priceLoyaltyElasticity,
  referralShare: params.referralShare,
  valuePerEndorsement: params.valuePerEndorsement,
});

export const cltvCustomerOf = (id: number, c: CltvInputs, referredBy?: number): CltvCustomer<number> => ({
  customerId: id,
  x: c.x,
  tx: c.tx,
  T: c.T,
  zbar: c.zbar,
  firstDayValue: c.firstDayValue,
  costOfSalesRate: 1 - c.marginRate,
  matchingPriceRatio: c.priceRatio,
  endorsements: c.endorsements,
  referredBy,
});

export interface FittedModels {
  bgnbd: { params: BgNbdParams };
  gammaGamma: { params: GammaGammaParams; usable?: boolean };
}

/** The full R / L / I decomposition of one customer's CLTV in a stored snapshot. */
export function cltvBreakdownOf(models: FittedModels, params: ValueParams, accountId: number, inputs: CltvInputs, referredCustomerValues: number[]) {
  const { purchasesPerPeriod: _p, valuePerPeriod: _v, customerId: _c, ...parts } = customerCltv(
    { bgnbd: models.bgnbd.params, gammaGamma: models.gammaGamma.usable === false ? undefined : models.gammaGamma.params },
    { ...cltvCustomerOf(accountId, inputs), referredCustomerValues },
    cltvParametersOf(params),
  );
  return parts;
}

export type Progress = (percent: number, stage: string) => void;
const WEEKS_PER_MONTH = 52 / 12;
const DAY_MS = 86_400_000;

export function computeCustomerValue(history: PurchaseDays, facts: AccountFacts, asOfDay: number, params: ValueParams, progress: Progress = () => {}) {
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
  // With q ≤ 1 the fitted spend distribution has no mean (E[Z] = pγ/(q − 1)): the CLTV then values each customer's
  // purchases at their own mean spend instead, and the snapshot says so.
  const spendModelUsable = gammaGamma.params.q > 1 && Number.isFinite(gammaGamma.logLikelihood);
  lap('gammaGamma');

  progress(65, 'lifecycle');
  const lifecycle = new Map(lifecycleStages(transactions, { asOf: asOfDay * DAY_MS, bgnbd: bgnbd.params, unit: 'weeks' }).map((l) => [l.customerId as number, l]));
  lap('lifecycle');

  progress(70, 'clv');
  const factIndex = new Map<number, number>();
  facts.ids.forEach((id, i) => factIndex.set(id, i));
  const marginRates = new Map<number, number>();
  for (const [id, t] of totals) marginRates.set(id, t.revenue > 0 ? Math.min(1, Math.max(0, t.margin / t.revenue)) : 0);
  // CLTV = F(R, L, I) of the seed; with ε = 0, CM = 0 and no referrals it is the BG/NBD × Gamma-Gamma CLV of the margin.
  const inputsById = new Map<number, CltvInputs>();
  for (const s of summary) {
    const id = s.customerId as number;
    const f = factIndex.get(id);
    inputsById.set(id, {
      x: s.x,
      tx: s.tx,
      T: s.T,
      zbar: s.zbar,
      firstDayValue: s.firstDayValue,
      marginRate: marginRates.get(id)!,
      priceRatio: f === undefined ? 1 : facts.priceRatio[f],
      endorsements: f === undefined ? 0 : facts.endorsements[f],
    });
  }
  const cltv = cltvFramework(
    { bgnbd: bgnbd.params, gammaGamma: spendModelUsable ? gammaGamma.params : undefined },
    [...inputsById].map(([id, inputs]) => {
      const f = factIndex.get(id);
      const referredBy = f === undefined ? NaN : facts.referredBy[f];
      return cltvCustomerOf(id, inputs, Number.isNaN(referredBy) ? undefined : referredBy);
    }),
    cltvParametersOf(params),
  );
  const cltvById = new Map(cltv.map((c) => [c.customerId, c]));
  const abcById = new Map(abc.rows.map((r) => [r.id, r.abcClass]));
  const tierById = new Map(tiers.map((t) => [t.id, t.tier]));
  const customers: CustomerValue[] = rfm.map((c) => {
    const id = c.customerId as number;
    const parts = cltvById.get(id)!;
    const stage = lifecycle.get(id)!;
    return {
      accountId: id,
      recencyDays: c.recencyDays,
      frequency: c.frequency,
      monetary: round2(c.monetary),
      rfmScore: `${c.r}${c.f}${c.m}`,
      segment: c.segment,
      abcClass: abcById.get(id)!,
      valueTier: tierById.get(id)!,
      pAlive: parts.pAlive,
      expectedPurchases: parts.expectedPurchases,
      predictedClv: round2(parts.relationshipValue),
      lifecycleStage: stage.stage,
      details: {
        ...inputsById.get(id)!,
        contribution: params.contribution === 'margin' ? totals.get(id)!.margin : totals.get(id)!.revenue,
        tenureDays: stage.tenureDays,
        trend: stage.trend,
        lifecycleRule: stage.ruleId,
        influence: parts.influence,
        cltv: parts.cltv,
      },
    };
  });
  lap('clv');

  progress(85, 'holdout');
  const holdout = holdoutCheck(transactions, asOfDay, history, params.holdoutWeeks);
  lap('holdout');

  const pareto = paretoCurve(contributions.map((c) => c.value));
  return {
    customers,
    summary: {
      customers: customers.length,
      purchaseDays: history.days.length,
      params,
      bgnbd: { params: bgnbd.params, logLikelihood: bgnbd.logLikelihood, converged: bgnbd.converged },
      gammaGamma: { params: gammaGamma.params, logLikelihood: gammaGamma.logLikelihood, customers: gammaGamma.customers, converged: gammaGamma.converged, usable: spendModelUsable },
      abc: abc.classes,
      pareto: downsample(pareto, 101),
      holdout,
      timingsMs: timings,
    },
  };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * The model checked against what happened: fit on the history up to asOf − holdout, predict each customer's
 * repeat purchases in the holdout, compare per calibration-frequency group (Fader, Hardie & Lee 2005, fig. 4).
 * Skipped when the history is shorter than twice the holdout.
 */
function holdoutCheck(transactions: Transaction[], asOfDay: number, history: PurchaseDays, holdoutWeeks: number) {
  let first = Infinity;
  for (const d of history.days) if (d < first) first = d;
  const calibrationEnd = asOfDay - holdoutWeeks * 7;
  if (!(calibrationEnd - first >= holdoutWeeks * 7)) return null;
  const r = bgNbdHoldoutTest(transactions, { calibrationEnd: calibrationEnd * DAY_MS, holdoutEnd: asOfDay * DAY_MS, unit: 'weeks' });
  return {
    calibrationEnd: new Date(calibrationEnd * DAY_MS).toISOString().slice(0, 10),
    holdoutWeeks,
    params: r.params,
    groups: r.groups.map(({ label, customers, meanPredicted, meanActual }) => ({ label, customers, meanPredicted, meanActual })),
    totalPredicted: r.totalPredicted,
    totalActual: r.totalActual,
    totalRelativeError: r.totalRelativeError,
    mae: r.mae,
    rmse: r.rmse,
  };
}

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

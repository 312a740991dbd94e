/**
 * The seed's customer-lifetime-value framework, CLTV = F(R(PGS, CS, CM), L(PGS, MPA, T), I(NCA, PE)),
 * made precise on top of the BG/NBD purchase model and the Gamma-Gamma spend model, so that every
 * component can be shown per customer and every parameter set by an analyst.
 *
 * Notation: the horizon T is n periods of length Δ (in the models' time unit); d is the discount
 * rate per period and v = 1/(1+d); ΔE[Y_i] = E[Y(iΔ) | x, t_x, T] − E[Y((i−1)Δ) | x, t_x, T] is the
 * customer's expected number of purchases in period i (BG/NBD eq. 10, Fader, Hardie & Lee 2005,
 * Marketing Science 24(2)).
 *
 * R — revenue metric (what one purchase earns and what keeping the customer costs):
 *   PGS  price of goods/services paid per purchase: the Gamma-Gamma expected value per purchase
 *        E[Z | x, z̄] (Fader, Hardie & Lee 2005, JMR 42(4)); without a spend model, the customer's own
 *        mean repeat spend z̄ (the first purchase's value for a one-time buyer); or a given value;
 *   CS   cost of sales per purchase = cost-of-sales rate × PGS;
 *   CM   cost of marketing per customer per period (mailings, loyalty programme, account care);
 *   margin per purchase m = PGS − CS; marketing cost over the horizon C = CM · Σ_{i=1..n} v^i.
 *   The cost of marketing is charged in every period of the horizon: in a non-contractual setting
 *   the firm cannot see who has left, so it keeps paying for a customer until it decides to stop —
 *   a customer whose expected margin does not cover CM shows up with a negative value.
 *
 * L — loyalty metric (how many purchases, weighted by time and price loyalty):
 *   L = φ · Σ_{i=1..n} ΔE[Y_i] · v^i, φ = ρ^ε,
 *   i.e. the discounted expected number of purchases over the horizon — behavioural loyalty, which
 *   BG/NBD writes as P(alive) × purchases expected if alive (eq. 10 is P(alive | x, t_x, T) times a
 *   term that does not depend on t_x) — times a price-loyalty factor φ from the matching-price
 *   average MPA: ρ = what the customer paid / what the same goods cost at the average price paid by
 *   all customers (`matchingPriceIndex`; ρ > 1 is a price premium, the "emotional loyalty" of the
 *   seed's exit-management factors). ε ≥ 0 is the analyst's price-loyalty elasticity. Default ε = 0
 *   (φ = 1): the purchase forecast is validated against a holdout period (`bgNbdHoldoutTest`), the
 *   premium's effect on future buying is not, so it only counts once an analyst says how much.
 *   The customer's price is already in PGS: φ acts on the number of purchases, not on the price.
 *
 * I — influence (value the customer brings through others):
 *   I = s · Σ_j max(0, V_j) + e · PE,
 *   NCA  new customers acquired through this customer's referrals, j, each with its own relationship
 *        value V_j = m_j · L_j − C_j (its CLTV without its own influence, so chains and cycles of
 *        referrals are not counted twice); s is the share of a referred customer's value credited to
 *        the referrer — the share that would not have come without the referral (Kumar, Petersen &
 *        Leone 2007, "How valuable is word of mouth?", HBR 85(10): customer referral value);
 *        a referred customer with a negative value counts 0 (a referral never removes value);
 *   PE   product endorsements (reviews, recommendations, testimonials) counted per customer, each
 *        worth e, the analyst's value per endorsement (default 0: no endorsement is priced until an
 *        analyst sets it). Where the data has no referrals or endorsements yet, I = 0.
 *
 * F — integration:
 *   CLTV = m · L − C + I = Σ_{i=1..n} v^i (m · φ · ΔE[Y_i] − CM) + I,
 *   the discounted margin stream of Berger & Nasr 1998 ("Customer lifetime value: marketing models
 *   and applications", J. Interactive Marketing 12(1)) with the BG/NBD forecast in place of a
 *   retention rate, plus the customer's referral and endorsement value. With φ = 1, CM = 0 and I = 0
 *   it is exactly `predictClv` with margin = 1 − cost-of-sales rate.
 */

import { expectedPurchasesConditional, probabilityAlive, type BgNbdParams } from './bgnbd.js';
import { expectedAverageValue, type GammaGammaParams } from './gamma-gamma.js';
import type { LocalizedText } from '../localized-text.js';

export interface CltvParameters {
  /** Number of periods in the horizon T. Default 12. */
  periods: number;
  /** Period length in the models' time unit. Default 52/12: a month when the models are fitted in weeks. */
  periodLength: number;
  /** Discount rate per period. Default 0.01 (≈ 12.7 % a year for monthly periods). */
  discountRate: number;
  /** CS as a share of PGS, in [0, 1]. Default 0 (CLTV of revenue). */
  costOfSalesRate: number;
  /** CM, marketing cost per customer per period, ≥ 0. Default 0. */
  marketingCostPerPeriod: number;
  /** ε ≥ 0 in φ = ρ^ε. Default 0 (price loyalty shown, not counted). */
  priceLoyaltyElasticity: number;
  /** s in [0, 1], share of a referred customer's value credited to the referrer. Default 0.5. */
  referralShare: number;
  /** e ≥ 0, value of one product endorsement. Default 0. */
  valuePerEndorsement: number;
}

export const DEFAULT_CLTV_PARAMETERS: Readonly<CltvParameters> = Object.freeze({
  periods: 12,
  periodLength: 52 / 12,
  discountRate: 0.01,
  costOfSalesRate: 0,
  marketingCostPerPeriod: 0,
  priceLoyaltyElasticity: 0,
  referralShare: 0.5,
  valuePerEndorsement: 0,
});

export interface CltvModels {
  bgnbd: BgNbdParams;
  /** Without it PGS is the customer's own mean spend (or the given `pgs`). */
  gammaGamma?: GammaGammaParams;
}

export interface CltvCustomer<Id = string | number> {
  customerId: Id;
  /** Repeat purchases, time of the last one and age, in the models' time unit (`summarizeRepeatBuying`). */
  x: number;
  tx: number;
  T: number;
  /** Mean value of the repeat purchases (0 when x = 0). */
  zbar: number;
  /** Value of the first purchase day: PGS of a one-time buyer when there is no spend model. */
  firstDayValue?: number;
  /** PGS given directly (e.g. from a price list), overriding the models. */
  pgs?: number;
  /** Per-customer cost-of-sales rate (e.g. Σ cost / Σ revenue of the customer's order lines). */
  costOfSalesRate?: number;
  /** Per-customer CM. */
  marketingCostPerPeriod?: number;
  /** ρ from `matchingPriceIndex`; default 1 (no price information). */
  matchingPriceRatio?: number;
  /** Values V_j of customers this one referred, when they are not in the same batch. */
  referredCustomerValues?: readonly number[];
  /** PE: number of product endorsements. Default 0. */
  endorsements?: number;
  /** In `cltvFramework`: the customer who referred this one (NCA of that customer). */
  referredBy?: Id;
}

export type PgsSource = 'given' | 'gamma-gamma' | 'mean-repeat-spend' | 'first-purchase' | 'none';

export interface CltvBreakdown<Id = string | number> {
  customerId: Id;
  // R
  /** PGS per purchase. */
  pgs: number;
  pgsSource: PgsSource;
  /** CS per purchase. */
  costOfSales: number;
  /** CM per period. */
  marketingCostPerPeriod: number;
  /** m = PGS − CS. */
  marginPerPurchase: number;
  // L
  /** P(alive | x, t_x, T). */
  pAlive: number;
  /** E[Y(T) | x, t_x, T] over the horizon, undiscounted. */
  expectedPurchases: number;
  /** Expected purchases in each period. */
  purchasesPerPeriod: Float64Array;
  /** Σ ΔE[Y_i] v^i. */
  discountedPurchases: number;
  /** discountedPurchases / P(alive): what the customer would buy if known to be alive. */
  discountedPurchasesIfAlive: number;
  /** ρ. */
  matchingPriceRatio: number;
  /** φ = ρ^ε. */
  priceLoyaltyFactor: number;
  /** L = φ · discountedPurchases = φ · P(alive) · discountedPurchasesIfAlive. */
  loyalty: number;
  // F without influence
  /** m · L: present value of the purchase margin. */
  purchaseMarginValue: number;
  /** C = CM · Σ v^i: present value of the marketing cost. */
  marketingCostValue: number;
  /** V = m · L − C: the value of the relationship itself (what a referrer is credited a share of). */
  relationshipValue: number;
  /** v^i (m φ ΔE[Y_i] − CM) per period; sums to relationshipValue. */
  valuePerPeriod: Float64Array;
  // I
  /** NCA: number of referred customers. */
  referrals: number;
  /** s · Σ max(0, V_j). */
  referralValue: number;
  /** PE. */
  endorsements: number;
  /** e · PE. */
  endorsementValue: number;
  /** I = referralValue + endorsementValue. */
  influence: number;
  /** CLTV = V + I. */
  cltv: number;
}

function resolveParameters(options: Partial<CltvParameters>): CltvParameters {
  const p: CltvParameters = { ...DEFAULT_CLTV_PARAMETERS };
  for (const [key, value] of Object.entries(options) as [keyof CltvParameters, number | undefined][]) {
    if (value !== undefined) p[key] = value;
  }
  if (!(Number.isInteger(p.periods) && p.periods >= 0)) throw new RangeError('periods must be a non-negative integer');
  if (!(p.periodLength > 0)) throw new RangeError('periodLength must be positive');
  if (!(p.discountRate > -1)) throw new RangeError('discountRate must be > −1');
  if (!(p.costOfSalesRate >= 0 && p.costOfSalesRate <= 1)) throw new RangeError('costOfSalesRate must lie in [0, 1]');
  if (!(p.marketingCostPerPeriod >= 0)) throw new RangeError('marketingCostPerPeriod must be ≥ 0');
  if (!(p.priceLoyaltyElasticity >= 0)) throw new RangeError('priceLoyaltyElasticity must be ≥ 0');
  if (!(p.referralShare >= 0 && p.referralShare <= 1)) throw new RangeError('referralShare must lie in [0, 1]');
  if (!(p.valuePerEndorsement >= 0)) throw new RangeError('valuePerEndorsement must be ≥ 0');
  return p;
}

function pgsOf(models: CltvModels, c: CltvCustomer<unknown>): { pgs: number; source: PgsSource } {
  if (c.pgs !== undefined) {
    if (!(c.pgs >= 0)) throw new RangeError(`customer ${String(c.customerId)}: pgs must be ≥ 0`);
    return { pgs: c.pgs, source: 'given' };
  }
  if (models.gammaGamma) return { pgs: expectedAverageValue(models.gammaGamma, c.x, c.zbar), source: 'gamma-gamma' };
  if (c.x > 0) return { pgs: c.zbar, source: 'mean-repeat-spend' };
  if (c.firstDayValue !== undefined) return { pgs: c.firstDayValue, source: 'first-purchase' };
  return { pgs: 0, source: 'none' };
}

/** What BG/NBD says of a purchase history (x, t_x, T) over the horizon: the same for every customer with that history. */
interface PurchaseSchedule {
  pAlive: number;
  purchasesPerPeriod: Float64Array;
  expectedPurchases: number;
  discountedPurchases: number;
}

function purchaseSchedule(models: CltvModels, x: number, tx: number, T: number, p: CltvParameters): PurchaseSchedule {
  const purchasesPerPeriod = new Float64Array(p.periods);
  let previous = 0;
  let discountedPurchases = 0;
  for (let i = 1; i <= p.periods; i++) {
    const cumulative = expectedPurchasesConditional(models.bgnbd, i * p.periodLength, x, tx, T);
    purchasesPerPeriod[i - 1] = cumulative - previous;
    discountedPurchases += (cumulative - previous) / Math.pow(1 + p.discountRate, i);
    previous = cumulative;
  }
  return { pAlive: probabilityAlive(models.bgnbd, x, tx, T), purchasesPerPeriod, expectedPurchases: previous, discountedPurchases };
}

/**
 * Schedules by history: in a customer base many customers share (x, t_x, T) — every one-time buyer of the same
 * day — and the ₂F₁ evaluations behind E[Y(t)] are the cost of a refresh, so each history is computed once.
 * The shared arrays are read-only outputs.
 */
type ScheduleCache = Map<string, PurchaseSchedule>;

function scheduleOf(models: CltvModels, c: CltvCustomer<unknown>, p: CltvParameters, cache?: ScheduleCache): PurchaseSchedule {
  if (!cache) return purchaseSchedule(models, c.x, c.tx, c.T, p);
  const key = `${c.x}|${c.tx}|${c.T}`;
  let schedule = cache.get(key);
  if (!schedule) cache.set(key, (schedule = purchaseSchedule(models, c.x, c.tx, c.T, p)));
  return schedule;
}

/** R and L of one customer, and F without influence. */
function relationship<Id>(models: CltvModels, c: CltvCustomer<Id>, p: CltvParameters, cache?: ScheduleCache): Omit<
  CltvBreakdown<Id>,
  'referrals' | 'referralValue' | 'endorsements' | 'endorsementValue' | 'influence' | 'cltv'
> {
  const { pgs, source } = pgsOf(models, c);
  const csRate = c.costOfSalesRate ?? p.costOfSalesRate;
  if (!(csRate >= 0 && csRate <= 1)) throw new RangeError(`customer ${String(c.customerId)}: costOfSalesRate must lie in [0, 1]`);
  const cm = c.marketingCostPerPeriod ?? p.marketingCostPerPeriod;
  if (!(cm >= 0)) throw new RangeError(`customer ${String(c.customerId)}: marketingCostPerPeriod must be ≥ 0`);
  const rho = c.matchingPriceRatio ?? 1;
  if (!(rho > 0 && Number.isFinite(rho))) throw new RangeError(`customer ${String(c.customerId)}: matchingPriceRatio must be positive`);

  const costOfSales = csRate * pgs;
  const margin = pgs - costOfSales;
  const phi = p.priceLoyaltyElasticity === 0 ? 1 : Math.pow(rho, p.priceLoyaltyElasticity);
  const { pAlive, purchasesPerPeriod, expectedPurchases, discountedPurchases } = scheduleOf(models, c, p, cache);
  const valuePerPeriod = new Float64Array(p.periods);
  let annuity = 0;
  for (let i = 1; i <= p.periods; i++) {
    const v = 1 / Math.pow(1 + p.discountRate, i);
    annuity += v;
    valuePerPeriod[i - 1] = v * (margin * phi * purchasesPerPeriod[i - 1] - cm);
  }
  const loyalty = phi * discountedPurchases;
  const purchaseMarginValue = margin * loyalty;
  const marketingCostValue = cm * annuity;
  return {
    customerId: c.customerId,
    pgs,
    pgsSource: source,
    costOfSales,
    marketingCostPerPeriod: cm,
    marginPerPurchase: margin,
    pAlive,
    expectedPurchases,
    purchasesPerPeriod,
    discountedPurchases,
    discountedPurchasesIfAlive: pAlive > 0 ? discountedPurchases / pAlive : 0,
    matchingPriceRatio: rho,
    priceLoyaltyFactor: phi,
    loyalty,
    purchaseMarginValue,
    marketingCostValue,
    relationshipValue: purchaseMarginValue - marketingCostValue,
    valuePerPeriod,
  };
}

function withInfluence<Id>(
  base: ReturnType<typeof relationship<Id>>,
  referredValues: readonly number[],
  endorsements: number,
  p: CltvParameters,
): CltvBreakdown<Id> {
  if (!(Number.isInteger(endorsements) && endorsements >= 0)) {
    throw new RangeError(`customer ${String(base.customerId)}: endorsements must be a non-negative integer`);
  }
  let referred = 0;
  for (const v of referredValues) {
    if (!Number.isFinite(v)) throw new RangeError(`customer ${String(base.customerId)}: referred customer values must be finite`);
    referred += Math.max(0, v);
  }
  const referralValue = p.referralShare * referred;
  const endorsementValue = p.valuePerEndorsement * endorsements;
  const influence = referralValue + endorsementValue;
  return {
    ...base,
    referrals: referredValues.length,
    referralValue,
    endorsements,
    endorsementValue,
    influence,
    cltv: base.relationshipValue + influence,
  };
}

/** CLTV of one customer; referred customers' values come from `referredCustomerValues`. */
export function customerCltv<Id>(
  models: CltvModels,
  customer: CltvCustomer<Id>,
  parameters: Partial<CltvParameters> = {},
): CltvBreakdown<Id> {
  const p = resolveParameters(parameters);
  return withInfluence(relationship(models, customer, p), customer.referredCustomerValues ?? [], customer.endorsements ?? 0, p);
}

/**
 * CLTV of a customer base, in input order. Referrals are taken from `referredBy` (a referred
 * customer's relationship value V counts towards its referrer's NCA) and from each customer's own
 * `referredCustomerValues`; a `referredBy` naming no customer of the batch is ignored.
 */
export function cltvFramework<Id>(
  models: CltvModels,
  customers: readonly CltvCustomer<Id>[],
  parameters: Partial<CltvParameters> = {},
): CltvBreakdown<Id>[] {
  const p = resolveParameters(parameters);
  const cache: ScheduleCache = new Map();
  const bases = customers.map((c) => relationship(models, c, p, cache));
  const index = new Map<Id, number>();
  customers.forEach((c, i) => {
    if (index.has(c.customerId)) throw new RangeError(`duplicate customer ${String(c.customerId)}`);
    index.set(c.customerId, i);
  });
  const referred: number[][] = customers.map((c) => [...(c.referredCustomerValues ?? [])]);
  customers.forEach((c, i) => {
    if (c.referredBy === undefined) return;
    const referrer = index.get(c.referredBy);
    if (referrer === undefined || referrer === i) return;
    referred[referrer].push(bases[i].relationshipValue);
  });
  return bases.map((base, i) => withInfluence(base, referred[i], customers[i].endorsements ?? 0, p));
}

export interface OrderLine<Id = string | number> {
  customerId: Id;
  /** The goods or service: prices are compared within one product. */
  productId: string | number;
  quantity: number;
  /** Price paid per unit, after discounts. */
  unitPrice: number;
}

export interface MatchingPrice {
  /** What the customer paid: Σ quantity × unit price. */
  paid: number;
  /** MPA basket: Σ quantity × average unit price of the product over all customers. */
  atAveragePrice: number;
  /** ρ = paid / atAveragePrice (1 when the basket is empty or free). */
  ratio: number;
}

/**
 * The matching-price average MPA and the customer's price ratio ρ: what the customer paid against
 * what the same goods cost at the average price everyone paid for them (quantity-weighted mean unit
 * price per product). ρ > 1: the customer pays a premium; ρ < 1: buys on discount. Lines with
 * quantity ≤ 0 (returns, cancellations) or a negative price are left out.
 */
export function matchingPriceIndex<Id>(lines: Iterable<OrderLine<Id>>): Map<Id, MatchingPrice> {
  const kept: OrderLine<Id>[] = [];
  const productQuantity = new Map<string | number, number>();
  const productValue = new Map<string | number, number>();
  for (const line of lines) {
    if (!(line.quantity > 0) || !(line.unitPrice >= 0) || !Number.isFinite(line.unitPrice)) continue;
    kept.push(line);
    productQuantity.set(line.productId, (productQuantity.get(line.productId) ?? 0) + line.quantity);
    productValue.set(line.productId, (productValue.get(line.productId) ?? 0) + line.quantity * line.unitPrice);
  }
  const out = new Map<Id, MatchingPrice>();
  for (const line of kept) {
    const average = productValue.get(line.productId)! / productQuantity.get(line.productId)!;
    let m = out.get(line.customerId);
    if (!m) out.set(line.customerId, (m = { paid: 0, atAveragePrice: 0, ratio: 1 }));
    m.paid += line.quantity * line.unitPrice;
    m.atAveragePrice += line.quantity * average;
  }
  for (const m of out.values()) m.ratio = m.atAveragePrice > 0 ? m.paid / m.atAveragePrice : 1;
  return out;
}

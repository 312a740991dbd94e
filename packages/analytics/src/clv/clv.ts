/**
 * Predicted customer lifetime value from the BG/NBD purchase model and the Gamma-Gamma spend
 * model, as in Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value curves for customer base
 * analysis", JMR 42(4) (CLV = margin × expected value per purchase × discounted expected
 * purchases; spend assumed independent of the purchase process), in the discrete form that
 * `lifetimes` uses (`_customer_lifetime_value`):
 *
 *   CLV = Σ_{i=1..n} margin · E[Z] · (E[Y(iL) | x, t_x, T] − E[Y((i−1)L) | x, t_x, T]) / (1 + d)^i
 *
 * with E[Y(t) | …] from BG/NBD eq. 10 (Fader, Hardie & Lee 2005, Marketing Science 24(2)), E[Z] the
 * Gamma-Gamma conditional mean spend (Fader & Hardie 2013 note, eq. 5), L the period length in the
 * models' time unit, n the horizon in periods and d the discount rate per period. Each period's
 * purchases are discounted at the period's end.
 */

import { expectedPurchasesConditional, type BgNbdParams } from './bgnbd.js';
import { expectedAverageValue, type GammaGammaParams } from './gamma-gamma.js';

export interface ClvOptions {
  /** Number of periods in the horizon, e.g. 12 (months). */
  periods: number;
  /** Length of one period in the time unit the models were fitted in (e.g. 52/12 weeks for a month). */
  periodLength: number;
  /** Discount rate per period, e.g. 0.01 a month. Default 0. */
  discountRate?: number;
  /** Share of a purchase's value that is margin, in [0, 1]. Default 1 (revenue, not margin). */
  margin?: number;
}

export interface CustomerHistory {
  x: number;
  tx: number;
  T: number;
  /** Mean value of the repeat purchases (0 when x = 0). */
  zbar: number;
}

export interface ClvPrediction {
  /** Expected number of purchases in each period. */
  purchasesPerPeriod: Float64Array;
  /** Σ purchasesPerPeriod: expected purchases over the horizon. */
  expectedPurchases: number;
  /** Gamma-Gamma expected value per purchase. */
  valuePerPurchase: number;
  /** margin · value · purchases of each period, discounted to today. */
  discountedValuePerPeriod: Float64Array;
  /** Margin over the horizon without discounting. */
  undiscountedValue: number;
  /** The predicted CLV: Σ discountedValuePerPeriod. */
  value: number;
}

export function predictClv(
  models: { bgnbd: BgNbdParams; gammaGamma: GammaGammaParams },
  customer: CustomerHistory,
  options: ClvOptions,
): ClvPrediction {
  const { periods, periodLength } = options;
  const discountRate = options.discountRate ?? 0;
  const margin = options.margin ?? 1;
  if (!(Number.isInteger(periods) && periods >= 0)) throw new RangeError('periods must be a non-negative integer');
  if (!(periodLength > 0)) throw new RangeError('periodLength must be positive');
  if (!(discountRate > -1)) throw new RangeError('discountRate must be > −1');

  const { x, tx, T, zbar } = customer;
  const valuePerPurchase = expectedAverageValue(models.gammaGamma, x, zbar);
  const purchasesPerPeriod = new Float64Array(periods);
  const discountedValuePerPeriod = new Float64Array(periods);
  let previous = 0;
  let expectedPurchases = 0;
  let value = 0;
  for (let i = 1; i <= periods; i++) {
    const cumulative = expectedPurchasesConditional(models.bgnbd, i * periodLength, x, tx, T);
    const purchases = cumulative - previous;
    previous = cumulative;
    purchasesPerPeriod[i - 1] = purchases;
    expectedPurchases += purchases;
    const discounted = (margin * valuePerPurchase * purchases) / Math.pow(1 + discountRate, i);
    discountedValuePerPeriod[i - 1] = discounted;
    value += discounted;
  }
  return {
    purchasesPerPeriod,
    expectedPurchases,
    valuePerPurchase,
    discountedValuePerPeriod,
    undiscountedValue: margin * valuePerPurchase * expectedPurchases,
    value,
  };
}

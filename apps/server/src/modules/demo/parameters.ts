import type { customerTypes } from '../accounts/schema.js';

export type CustomerType = (typeof customerTypes)[number];

export interface BgNbdTruth {
  /** Purchase rate while active, λ ~ Gamma(shape r, rate α), per week. Mean r/α. */
  r: number;
  alpha: number;
  /** Dropout after each repeat purchase with probability p ~ Beta(a, b). Mean a/(a+b). */
  a: number;
  b: number;
}

export interface SpendTruth {
  /** Order value z ~ Gamma(shape p, rate ν), ν ~ Gamma(shape q, rate γ): mean order value p/ν, population mean pγ/(q−1). */
  p: number;
  q: number;
  gamma: number;
}

/**
 * The demo company's generating process, in one place so analytics tests can check that the models
 * recover it (approximately: the sample is ~2,000 customers).
 *
 * Repeat buying (completed orders only) is exactly the BG/NBD process of Fader, Hardie & Lee 2005
 * ("Counting your customers the easy way", Marketing Science 24(2)), with its own parameters per
 * customer type, time unit = one week:
 *   - each customer's first purchase is the day they were acquired; acquisition times spread over
 *     the history (more customers later, as a growing company has) and end a week before `asOf`;
 *   - while active, purchases follow a Poisson process with rate λ ~ Gamma(r, α);
 *   - after each repeat purchase the customer drops out with probability p ~ Beta(a, b);
 *   - x, t_x and T are measured from the first purchase to `asOf` on the orders' timestamps.
 * A purchase is moved to shop opening hours of its day (< 1 day shift, negligible at weekly rates),
 * and several purchases of one customer can fall on the same day (orders, not days, are the events).
 *
 * Spend is the Gamma-Gamma model (Colombo & Jiang 1999; Fader, Hardie & Lee 2005, "RFM and CLV:
 * using iso-value curves", JMR 42(4)) per customer type: each completed order's value is a draw
 * z ~ Gamma(p, ν) with ν ~ Gamma(q, γ) per customer, independent of the purchase process. The basket
 * is then built to that value with whole quantities, so an order's total differs from z by rounding
 * (mean |total/z − 1| is a few per cent; very small z can be exceeded by the cheapest fitting item).
 *
 * Cancelled, returned (negative lines) and open orders are extra events outside the process: a model
 * of repeat buying and spend must use status = 'completed' orders only.
 *
 * What a fit can be held to (checked with packages/analytics on the default seed, asOf 2025-06-30,
 * per customer type, t in weeks from the orders' timestamps): BG/NBD r/α and a/(a+b) within ~15 %
 * (consumers: fit r 0.38, α 3.12, a 0.75, b 1.76; intermediaries: 1.10, 1.03, 0.39, 9.58). Gamma-Gamma's
 * mean order value pγ/(q−1) within ~10 %, but not p, q, γ one by one: with ~460 intermediaries the
 * likelihood is flat along p (the truth scores within 1–6 log-likelihood units of the maximum across
 * seeds, while the estimate of p ranges 2–6.4), so compare likelihoods or the mean, not each parameter.
 */
export const DEMO_PARAMETERS = {
  seed: 'relata-demo-2025',
  accounts: 2000,
  /** Weeks of order history before asOf (2.5 years). */
  historyWeeks: 130,
  /** Accounts that never bought (prospects, registered but no order yet). */
  prospectShare: 0.06,
  /** No new customer in the last week before asOf (so every buyer has T ≥ 1 week). */
  lastAcquisitionWeeksBeforeAsOf: 1,
  customerTypes: {
    // Home owners, DIY, landlords and a few offices: buy rarely, many buy once; CDNOW-like.
    consumer: {
      share: 0.63,
      bgnbd: { r: 0.4, alpha: 3.5, a: 0.9, b: 2.4 },
      spend: { p: 3, q: 4, gamma: 1500 },
    },
    // Contractors, decorators, hardware shops, tradespeople: buy often, in bulk, and stay.
    intermediary: {
      share: 0.25,
      bgnbd: { r: 1.2, alpha: 1.1, a: 0.4, b: 9 },
      spend: { p: 4, q: 3.5, gamma: 12_000 },
    },
    // Schools, hospitals, government offices: regular, medium-sized, tender-priced orders.
    public_interest: {
      share: 0.1,
      bgnbd: { r: 1.2, alpha: 4, a: 0.6, b: 6 },
      spend: { p: 3, q: 3, gamma: 8_000 },
    },
    // The company's own stores and departments.
    internal: {
      share: 0.02,
      bgnbd: { r: 3, alpha: 4, a: 0.5, b: 12 },
      spend: { p: 4, q: 5, gamma: 8_000 },
    },
  } satisfies Record<CustomerType, { share: number; bgnbd: BgNbdTruth; spend: SpendTruth }>,
  /** Extra events outside the repeat-buying process (shares of completed orders). */
  cancelledShare: 0.015,
  returnShare: 0.02,
} as const;

export type DemoParameters = typeof DEMO_PARAMETERS;

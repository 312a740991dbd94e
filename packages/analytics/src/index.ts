// @relata/analytics — pure models and measures of customer value (no I/O).

export * from './special/gamma.js';
export * from './special/hypergeometric.js';
export * from './special/log-add-exp.js';
export * from './optimize/nelder-mead.js';
export * from './calendar/day-number.js';
export type { Transaction } from './transaction.js';
export type { LocalizedText } from './localized-text.js';
export * from './summary.js';
export * from './clv/repeat-buying-data.js';
export * from './clv/bgnbd.js';
export * from './clv/gamma-gamma.js';
export * from './clv/clv.js';
export * from './clv/cltv-framework.js';
export * from './clv/cltv-description.js';
export * from './clv/holdout.js';
export * from './value/quintile-score.js';
export * from './value/rfm.js';
export * from './value/abc.js';
export * from './value/value-tiers.js';
export * from './value/lifecycle.js';
export * from './bundles/index.js';
export * from './offers/index.js';
export * from './segments/index.js';
export * from './propensity/index.js';
export * from './propensity-network/index.js';
export * from './relationship-value/index.js';

/**
 * Why a customer scores what they score: each feature's contribution to the log-odds, against the average
 * customer of the training data.
 *
 * For a linear model the contribution of feature j is βⱼ · (xⱼ − meanⱼ) = β̃ⱼ · zⱼ (β̃ per sd, z the standardised
 * value). These are exactly the SHAP values of a linear model with independent features (Lundberg & Lee 2017,
 * "A unified approach to interpreting model predictions", NeurIPS, Corollary 1), so they add up:
 * log-odds(x) = log-odds(average customer) + Σⱼ contributionⱼ — the reasons explain the whole score, nothing
 * hidden. Sorted by size, the first few are the customer's "top factors".
 *
 * The global factors rank features by |β̃ⱼ|: the change in log-odds for one standard deviation of the feature,
 * which compares features measured in different units.
 */
import type { LocalizedText } from '../localized-text.js';
import type { LogisticModel } from './logistic-regression.js';

export type Direction = 'raises' | 'lowers';

export const DIRECTION_TEXT: Readonly<Record<Direction, LocalizedText>> = Object.freeze({
  raises: { en: 'raises the probability', zh: '提高概率' },
  lowers: { en: 'lowers the probability', zh: '降低概率' },
});

export interface Factor {
  feature: string;
  /** column of X */
  index: number;
  /** change in log-odds against the average customer */
  contribution: number;
  direction: Direction;
  /** the customer's value of the feature, in original units */
  value: number;
}

type Scaled = Pick<LogisticModel, 'coefficients' | 'mean' | 'standardisedCoefficients'>;

/** Every feature's contribution for one row, in column order. */
export function contributions(model: Scaled, x: ArrayLike<number>): Float64Array {
  const d = model.coefficients.length;
  return Float64Array.from({ length: d }, (_, j) => model.coefficients[j] * (x[j] - model.mean[j]));
}

/** The `top` largest contributions by size (zero contributions are never reasons). */
export function rowFactors(model: Scaled, featureNames: readonly string[], x: ArrayLike<number>, top = 5): Factor[] {
  const c = contributions(model, x);
  return Array.from(c, (contribution, index) => ({ contribution, index }))
    .filter((f) => f.contribution !== 0)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.index - b.index)
    .slice(0, top)
    .map(({ contribution, index }) => ({
      feature: featureNames[index],
      index,
      contribution,
      direction: contribution > 0 ? 'raises' : 'lowers',
      value: x[index],
    }));
}

export interface GlobalFactor {
  feature: string;
  index: number;
  /** change in log-odds per standard deviation of the feature */
  standardisedCoefficient: number;
  /** change in log-odds per unit of the feature */
  coefficient: number;
  /** e^coefficient: the odds ratio per unit */
  oddsRatio: number;
  direction: Direction;
}

export function globalFactors(model: Scaled, featureNames: readonly string[], top = Infinity): GlobalFactor[] {
  return Array.from(model.standardisedCoefficients, (standardisedCoefficient, index) => ({ standardisedCoefficient, index }))
    .filter((f) => f.standardisedCoefficient !== 0)
    .sort((a, b) => Math.abs(b.standardisedCoefficient) - Math.abs(a.standardisedCoefficient) || a.index - b.index)
    .slice(0, top)
    .map(({ standardisedCoefficient, index }) => ({
      feature: featureNames[index],
      index,
      standardisedCoefficient,
      coefficient: model.coefficients[index],
      oddsRatio: Math.exp(model.coefficients[index]),
      direction: standardisedCoefficient > 0 ? 'raises' : 'lowers',
    }));
}

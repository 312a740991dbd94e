/**
 * The seed's "box": customers far outside the bulk of the data are left out of the final fit (the trend is fitted
 * on the valid data), counted, and handed back so the chart can grey them out.
 *
 * Two checks:
 * 1. On each measured attribute, the robust range median ± 3 · 1.4826 · MAD — the Hampel identifier; Leys,
 *    Ley, Klein, Bernard & Licata (2013, "Detecting outliers: Do not use standard deviation around the mean, use
 *    absolute deviation around the median", *J. Experimental Social Psychology* 49(4)) recommend it over mean ± k·sd,
 *    which the outliers themselves inflate, with 3 as the conservative choice. 1.4826 = 1/Φ⁻¹(¾) makes the MAD
 *    estimate the sd for normal data. Only attributes measured on a scale are checked (at least 10 distinct
 *    values): on counts and flags (number of products, has a card) a rare value is a real group, not an error,
 *    and when over half the rows share one value the MAD is 0 and there is no box to speak of (reported as
 *    skipped).
 * 2. On the fitted model, the deviance residual dᵢ = sign(yᵢ − pᵢ) · √(−2 log P(observed yᵢ)). For a yes/no
 *    outcome the residuals are two-humped, not near-normal (Hosmer, Lemeshow & Sturdivant 2013, *Applied Logistic
 *    Regression*, 3rd ed., §5.3), so a median/MAD box on them would flag most of the rarer class; instead a fixed
 *    cut |d| > 3, i.e. the model gave what happened a probability below e^{−4.5} ≈ 1.1 %.
 */
import type { LocalizedText } from '../localized-text.js';

export const MAD_TO_SD = 1.4826;
export const BOX_WIDTH = 3;
export const RESIDUAL_CUT = 3;
export const MIN_DISTINCT_FOR_BOX = 10;
export const MAX_OUTSIDE_SHARE = 0.1;

export interface RobustRange {
  median: number;
  mad: number;
  low: number;
  high: number;
}

function medianOfSorted(sorted: Float64Array): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** median ± width · 1.4826 · MAD */
export function robustRange(values: ArrayLike<number>, width = BOX_WIDTH): RobustRange {
  if (values.length === 0) throw new RangeError('no values');
  const sorted = Float64Array.from(values).sort();
  const median = medianOfSorted(sorted);
  const deviations = Float64Array.from(sorted, (v) => Math.abs(v - median)).sort();
  const mad = medianOfSorted(deviations);
  const half = width * MAD_TO_SD * mad;
  return { median, mad, low: median - half, high: median + half };
}

export function devianceResidual(y: number, p: number): number {
  const q = Math.min(1 - 1e-15, Math.max(1e-15, y === 1 ? p : 1 - p));
  return (y === 1 ? 1 : -1) * Math.sqrt(-2 * Math.log(q));
}

export interface AttributeBox extends RobustRange {
  /** the feature (column of X) and its name */
  feature: number;
  name: string;
  /** rows outside [low, high] */
  outside: number;
}

export interface SkippedAttribute {
  feature: number;
  name: string;
  reason: 'few-values' | 'no-spread' | 'not-outliers';
}

export interface AttributeOutliers {
  boxes: AttributeBox[];
  skipped: SkippedAttribute[];
  /** for each row, the names of the attributes it lies outside of (empty: inside every box) */
  outside: string[][];
}

/** Checks the given columns of X (rows as arrays) against their robust ranges. */
export function attributeOutliers(X: readonly ArrayLike<number>[], candidates: readonly { feature: number; name: string }[], width = BOX_WIDTH): AttributeOutliers {
  const boxes: AttributeBox[] = [];
  const skipped: SkippedAttribute[] = [];
  const outside: string[][] = X.map(() => []);
  for (const { feature, name } of candidates) {
    const values = Float64Array.from(X, (row) => row[feature]);
    if (new Set(values).size < MIN_DISTINCT_FOR_BOX) {
      skipped.push({ feature, name, reason: 'few-values' });
      continue;
    }
    const range = robustRange(values, width);
    if (!(range.mad > 0)) {
      skipped.push({ feature, name, reason: 'no-spread' });
      continue;
    }
    const beyond: number[] = [];
    values.forEach((v, i) => {
      if (v < range.low || v > range.high) beyond.push(i);
    });
    // A box that leaves out more than a tenth of the rows is describing a skewed or zero-inflated distribution
    // (a spend share that most customers have at 0), not isolated outliers: the attribute is not boxed.
    if (beyond.length > MAX_OUTSIDE_SHARE * values.length) {
      skipped.push({ feature, name, reason: 'not-outliers' });
      continue;
    }
    for (const i of beyond) outside[i].push(name);
    boxes.push({ feature, name, ...range, outside: beyond.length });
  }
  return { boxes, skipped, outside };
}

export type OutlierReason = 'attribute' | 'residual';

export interface OutlierRow {
  /** index among the encoded rows */
  row: number;
  /** the row's id (the id column, or its row number) */
  id: string;
  reasons: OutlierReason[];
  /** attributes outside their box */
  attributes: string[];
  /** the deviance residual, when that was the reason */
  residual: number | null;
}

export interface OutlierReport {
  rule: LocalizedText;
  boxes: AttributeBox[];
  skipped: SkippedAttribute[];
  residualCut: number;
  counts: { attribute: number; residual: number; total: number; byAttribute: Record<string, number> };
  /** the rows left out of the final fit */
  rows: OutlierRow[];
}

export const OUTLIER_RULE: LocalizedText = {
  en: `Left out of the final fit: values outside median ± ${BOX_WIDTH}·1.4826·MAD of a measured attribute (Hampel identifier), and customers the model fits very badly (deviance residual beyond ±${RESIDUAL_CUT}).`,
  zh: `最终拟合排除：某个度量属性超出 中位数 ± ${BOX_WIDTH}·1.4826·MAD 范围的值（Hampel 识别法），以及模型拟合极差的客户（偏差残差超出 ±${RESIDUAL_CUT}）。`,
};

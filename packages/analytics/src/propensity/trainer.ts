/**
 * The general propensity trainer: an analyst's table with a yes/no outcome in, a model with its cross-validated
 * quality, calibration, top factors and outliers out.
 *
 * 1. Encode the table (`table.ts`) and deal the rows into stratified folds (k = 5, fixed seed).
 * 2. Every candidate model family gives out-of-fold probabilities on the same folds; they are compared by mean
 *    fold AUC and the best is `chosen` (ties go to the earlier candidate: logistic regression comes first, being
 *    the simpler and the one whose reasons are exact). Logistic regression is always a candidate; others — the
 *    neural network of `propensity-network/`, adapted by `networkCandidate()` in network-candidate.ts — are
 *    passed in `options.candidates` as `CandidateTrainer`s.
 * 3. Platt scaling is fitted on logistic regression's out-of-fold log-odds; the reliability curve shows the
 *    calibrated out-of-fold probabilities (the same rows fit the two Platt parameters, a negligible optimism).
 * 4. The final logistic model is fitted on all rows except the outliers (`outliers.ts`: outside the robust box of
 *    a measured attribute, or residual beyond ±3 under a first fit without the attribute outliers). The
 *    cross-validated figures are those of the plain model on every row — what scikit-learn computes on the same
 *    folds, so `bench/propensity-vs-sklearn.ts` compares like with like.
 *
 * `model` is always the logistic model: when another candidate is chosen, its own code fits and keeps its final
 * model (the trainer only compares out-of-fold probabilities), and the logistic model still gives the reasons.
 */
import type { DenseMatrix } from '../segments/feature-matrix.js';
import { toDenseMatrix } from '../segments/feature-matrix.js';
import { globalFactors, rowFactors, type Factor, type GlobalFactor } from './attributions.js';
import { calibrateProbabilities, fitPlattScaling, logit, reliabilityCurve, applyPlatt, type PlattScaling, type ReliabilityBin } from './calibration.js';
import { brierScore, crossValidate, foldMetrics, logLoss, stratifiedFolds, type FoldMetrics } from './cross-validation.js';
import { PropensityInputError } from './input-error.js';
import { fitLogisticRegression, logOdds, predictProbabilities, type LogisticModel } from './logistic-regression.js';
import { attributeOutliers, devianceResidual, OUTLIER_RULE, RESIDUAL_CUT, type OutlierReport, type OutlierRow } from './outliers.js';
import { encodeRows, encodeTable, type EncodedColumn, type EncodedTable, type EncodingOptions, type EncodingReport, type ParsedTable } from './table.js';

export const DEFAULT_SEED = 1;
export const DEFAULT_FOLDS = 5;

/**
 * A model family the trainer compares with the others. `outOfFold` returns, for every row i, P(positive) from a
 * model fitted on the rows of the other folds (rows j with folds[j] ≠ folds[i]); X is row-major, not standardised.
 */
export interface CandidateTrainer {
  name: string;
  outOfFold(X: DenseMatrix, y: Uint8Array, folds: Int32Array, seed: number): ArrayLike<number> | Promise<ArrayLike<number>>;
}

export interface CandidateResult {
  name: string;
  /** means over the folds */
  auc: number;
  accuracy: number;
  logLoss: number;
  brier: number;
  folds: FoldMetrics[];
  outOfFold: Float64Array;
}

export interface TrainOptions extends EncodingOptions {
  seed?: number;
  /** folds of the cross-validation (default 5) */
  k?: number;
  /** logistic regression's inverse regularisation strength (default 1, as scikit-learn) */
  C?: number;
  /** leave outliers out of the final fit (default true) */
  excludeOutliers?: boolean;
  /** model families to compare with logistic regression */
  candidates?: readonly CandidateTrainer[];
}

/** What scores a customer: the encoding of raw rows, the logistic model and its calibration. */
export interface PropensityModel {
  featureNames: string[];
  columns: EncodedColumn[];
  logistic: LogisticModel;
  calibration: PlattScaling;
}

export interface PropensityTraining {
  candidates: CandidateResult[];
  chosen: string;
  model: PropensityModel;
  /** calibrated out-of-fold probabilities of logistic regression, ten bins */
  calibrationCurve: ReliabilityBin[];
  /** out-of-fold log-loss and Brier score before and after Platt scaling */
  calibrationEffect: { before: { logLoss: number; brier: number }; after: { logLoss: number; brier: number } };
  /** features by the size of their coefficient per standard deviation */
  topFactors: GlobalFactor[];
  outliers: OutlierReport;
  encodingReport: EncodingReport;
  folds: Int32Array;
  seed: number;
  /** the training rows: ids and labels, in the order of the folds and of the out-of-fold probabilities */
  rowIds: string[];
  y: Uint8Array;
}

export const logisticCandidate = (C = 1): CandidateTrainer => ({
  name: 'logistic',
  outOfFold: (X, y, folds) => crossValidate(y, folds, (train, test) => predictProbabilities(fitLogisticRegression(X, y, { C, rows: train }), X, test)).outOfFold,
});

function checkClasses(y: Uint8Array, k: number, report: EncodingReport): void {
  const { positives, negatives, positive, negative, column } = report.target;
  for (const [count, label] of [
    [positives, positive],
    [negatives, negative],
  ] as const) {
    if (count < k) {
      throw new PropensityInputError('target', {
        en: `Only ${count} rows of "${column}" = "${label}": cross-validation in ${k} folds needs at least ${k} of each outcome`,
        zh: `“${column}” = “${label}”的行只有 ${count} 行：${k} 折交叉验证需要每种结果至少 ${k} 行`,
      });
    }
  }
  if (y.length !== positives + negatives) throw new Error('labels and report disagree');
}

function findOutliers(
  X: DenseMatrix,
  rows: readonly Float64Array[],
  y: Uint8Array,
  columns: readonly EncodedColumn[],
  featureNames: readonly string[],
  rowIds: readonly string[],
  C: number,
): OutlierReport {
  const measured = columns.flatMap((c, feature) => (c.kind === 'number' ? [{ feature, name: featureNames[feature] }] : []));
  const attributes = attributeOutliers(rows, measured);
  const inside = [];
  for (let i = 0; i < y.length; i++) if (attributes.outside[i].length === 0) inside.push(i);
  const first = fitLogisticRegression(X, y, { C, rows: inside });
  const p = predictProbabilities(first, X);
  const outlierRows: OutlierRow[] = [];
  const byAttribute: Record<string, number> = {};
  let attributeCount = 0;
  let residualCount = 0;
  for (let i = 0; i < y.length; i++) {
    const residual = devianceResidual(y[i], p[i]);
    const reasons: OutlierRow['reasons'] = [];
    if (attributes.outside[i].length > 0) {
      reasons.push('attribute');
      attributeCount++;
      for (const name of attributes.outside[i]) byAttribute[name] = (byAttribute[name] ?? 0) + 1;
    }
    const badFit = Math.abs(residual) > RESIDUAL_CUT;
    if (badFit) {
      reasons.push('residual');
      residualCount++;
    }
    if (reasons.length) outlierRows.push({ row: i, id: rowIds[i], reasons, attributes: attributes.outside[i], residual: badFit ? residual : null });
  }
  return {
    rule: OUTLIER_RULE,
    boxes: attributes.boxes,
    skipped: attributes.skipped,
    residualCut: RESIDUAL_CUT,
    counts: { attribute: attributeCount, residual: residualCount, total: outlierRows.length, byAttribute },
    rows: outlierRows,
  };
}

export async function trainPropensityModel(table: ParsedTable, options: TrainOptions): Promise<PropensityTraining> {
  const k = options.k ?? DEFAULT_FOLDS;
  const encoded = encodeTable(table, options);
  const { featureNames, y, report } = encoded;
  if (featureNames.length === 0) {
    throw new PropensityInputError('table', {
      en: `No column can be used as a feature: ${report.dropped.map((d) => d.text.en).join('; ')}`,
      zh: `没有可用作特征的列：${report.dropped.map((d) => d.text.zh).join('；')}`,
    });
  }
  checkClasses(y, k, report);
  return { ...(await trainEncoded(encoded, options)), encodingReport: report };
}

/** What the trainer needs of a table: numeric rows, their labels and ids, and how each column was made. */
export type EncodedRows = Pick<EncodedTable, 'featureNames' | 'columns' | 'X' | 'y' | 'rowIds'>;

/**
 * Steps 1–4 above on rows that are already numbers (the analytics refresh builds them from orders and accounts;
 * every column of kind 'number' gets the outlier box). Both outcomes must occur at least k times.
 */
export async function trainEncoded(encoded: EncodedRows, options: Omit<TrainOptions, keyof EncodingOptions> = {}): Promise<Omit<PropensityTraining, 'encodingReport'>> {
  const seed = options.seed ?? DEFAULT_SEED;
  const k = options.k ?? DEFAULT_FOLDS;
  const C = options.C ?? 1;
  const { featureNames, y } = encoded;
  const X = toDenseMatrix(encoded.X);
  const folds = stratifiedFolds(y, k, seed);

  const candidates: CandidateResult[] = [];
  for (const trainer of [logisticCandidate(C), ...(options.candidates ?? [])]) {
    const outOfFold = Float64Array.from(await trainer.outOfFold(X, y, folds, seed));
    const cv = foldMetrics(y, outOfFold, folds);
    candidates.push({ name: trainer.name, auc: cv.auc, accuracy: cv.accuracy, logLoss: cv.logLoss, brier: cv.brier, folds: cv.folds, outOfFold });
  }
  const chosen = candidates.reduce((best, c) => (c.auc > best.auc ? c : best), candidates[0]).name;

  const logistic = candidates[0];
  const calibration = fitPlattScaling(Array.from(logistic.outOfFold, logit), y);
  const calibrated = calibrateProbabilities(calibration, logistic.outOfFold);

  let outliers = findOutliers(X, encoded.X, y, encoded.columns, featureNames, encoded.rowIds, C);
  const excluded = new Set(outliers.rows.map((r) => r.row));
  const kept: number[] = [];
  let keptPositives = 0;
  for (let i = 0; i < y.length; i++) {
    if (options.excludeOutliers === false || !excluded.has(i)) {
      kept.push(i);
      keptPositives += y[i];
    }
  }
  // never let the box remove an outcome altogether: then nothing is excluded
  const usable = keptPositives > 0 && keptPositives < kept.length;
  if (options.excludeOutliers === false || !usable) outliers = { ...outliers, rows: [], counts: { attribute: 0, residual: 0, total: 0, byAttribute: {} } };
  const final = fitLogisticRegression(X, y, { C, rows: usable ? kept : undefined });

  return {
    candidates,
    chosen,
    model: { featureNames, columns: encoded.columns, logistic: final, calibration },
    calibrationCurve: reliabilityCurve(y, calibrated),
    calibrationEffect: {
      before: { logLoss: logistic.logLoss, brier: logistic.brier },
      after: { logLoss: logLoss(y, calibrated), brier: brierScore(y, calibrated) },
    },
    topFactors: globalFactors(final, featureNames),
    outliers,
    folds,
    seed,
    rowIds: encoded.rowIds,
    y,
  };
}

export interface PropensityScore {
  /** calibrated P(positive) */
  probability: number;
  factors: Factor[];
}

/** Scores encoded rows: the calibrated probability and each row's top factors. */
export function scoreEncodedRows(model: PropensityModel, rows: readonly ArrayLike<number>[], topFactors = 5): PropensityScore[] {
  return rows.map((x) => ({
    probability: applyPlatt(model.calibration, logOdds(model.logistic, x)),
    factors: rowFactors(model.logistic, model.featureNames, x, topFactors),
  }));
}

/** Scores raw table rows (same column names as the training table; the target column need not be there). */
export function scoreTableRows(model: PropensityModel, header: readonly string[], rows: readonly (readonly string[])[], topFactors = 5): PropensityScore[] {
  return scoreEncodedRows(model, encodeRows(model.columns, header, rows), topFactors);
}

/**
 * Propensity and churn models of one analytics run (pure: runs in the predictive-model worker, after the groups).
 * Per target — any purchase, each of the largest product groups, churn — a model is trained on the customers as
 * they were one horizon ago with what they did since (logistic regression, and the small neural network when the
 * company is small enough to train it in seconds; the better cross-validated AUC is used), then every customer
 * is scored as of now. Each score is corrected by what the ledger learned from earlier predictions' errors in the
 * customer's group, and comes with its top factors.
 */
import {
  applyCorrection,
  applyPlatt,
  fitPlattScaling,
  learnCorrections,
  logOdds,
  networkCandidate,
  rowFactors,
  trainEncoded,
  trainNetwork,
  type LedgerPrediction,
  type LocalizedText,
} from '@relata/analytics';
import type { ValueParams } from '../analytics/customer-value.js';
import type { SegmentInputs } from '../segments/inputs.js';
import { scoresAt } from '../segments/scores-at.js';
import type { ContactDays } from './ledger.js';
import { featuresAt, outcomes, population, type FeatureRows, type Target } from './training-set.js';

export interface PropensityInput {
  inputs: SegmentInputs & { contacts: ContactDays };
  byAccountDay: Int32Array;
  asOfDay: number;
  horizonDays: number;
  valueParams: ValueParams;
  /** product groups of this run (product ids), largest first, and each customer's group */
  productGroups: { key: string; label: LocalizedText; products: number[] }[];
  segmentOf: Map<number, string>;
  /** resolved predictions of earlier runs, per target */
  ledger: Record<string, LedgerPrediction[]>;
}

export interface PropensityPrediction {
  accountId: number;
  segment: string;
  probability: number;
  corrected: number;
  factors: { feature: string; contribution: number; direction: string; value: number }[];
}

export interface PropensityTargetResult {
  target: string;
  productIds: number[];
  chosen: string;
  quality: Record<string, unknown>;
  predictions: PropensityPrediction[];
}

/** The network is tried when there are at most this many training rows (tfjs on the CPU: ~1 s per 1,000 rows). */
const NETWORK_ROWS = 3000;
const SEED = 20_260_101;

export async function computePropensity(input: PropensityInput, progress: (percent: number, stage: string) => void = () => {}): Promise<PropensityTargetResult[]> {
  const { inputs, byAccountDay, asOfDay, horizonDays } = input;
  const cutoff = asOfDay - horizonDays;
  const past = featuresAt(inputs, byAccountDay, cutoff, scoresAt(inputs.lines, byAccountDay, cutoff, input.valueParams));
  const now = featuresAt(inputs, byAccountDay, asOfDay, inputs.scores);
  const targets: (Target & { label: LocalizedText })[] = [
    { key: 'any', kind: 'buy', products: null, label: { en: 'Any purchase', zh: '任意购买' } },
    ...input.productGroups.map((g) => ({ key: g.key, kind: 'buy' as const, products: new Set(g.products), label: g.label })),
    { key: 'churn', kind: 'churn', label: { en: 'Churn', zh: '流失' } },
  ];
  const results: PropensityTargetResult[] = [];
  for (const [t, target] of targets.entries()) {
    progress((t / targets.length) * 100, `propensity:${target.key}`);
    const rows = population(past, target);
    const y = outcomes(inputs.lines, rows.map((i) => past.accountIds[i]), target, cutoff, asOfDay);
    const positives = y.reduce((s, v) => s + v, 0);
    // a target that (almost) never or always happens cannot be learned: no model rather than a misleading one
    if (positives < 10 || y.length - positives < 10) continue;
    results.push(await trainAndScore(input, target, past, rows, y, now));
  }
  return results;
}

async function trainAndScore(input: PropensityInput, target: Target & { label: LocalizedText }, past: FeatureRows, rows: number[], y: Uint8Array, now: FeatureRows): Promise<PropensityTargetResult> {
  const X = rows.map((i) => past.X[i]);
  const columns = past.names.map((name) => ({ kind: 'number' as const, source: name, median: 0 }));
  const useNetwork = X.length <= NETWORK_ROWS;
  const training = await trainEncoded(
    { featureNames: past.names, columns, X, y, rowIds: rows.map((i) => String(past.accountIds[i])) },
    { seed: SEED, candidates: useNetwork && (target.key === 'any' || target.key === 'churn') ? [networkCandidate({ epochs: 60 })] : [] },
  );
  const chosen = training.candidates.find((c) => c.name === training.chosen)!;
  const logistic = training.model.logistic;

  // the chosen model's probabilities now: logistic as fitted, or the network refitted on every training row
  const scored = population(now, target);
  let probability: (rowIndex: number) => number;
  if (training.chosen === 'network') {
    const network = await trainNetwork(X, y, { seed: SEED, epochs: 60 });
    const platt = fitPlattScaling(Array.from(chosen.outOfFold, logitOf), y);
    const p = network.predict(scored.map((i) => now.X[i]));
    const byRow = new Map(scored.map((i, k) => [i, applyPlatt(platt, logitOf(p[k]))]));
    probability = (i) => byRow.get(i)!;
  } else {
    probability = (i) => applyPlatt(training.model.calibration, logOdds(logistic, now.X[i]));
  }
  const corrections = input.ledger[target.key]?.length ? learnCorrections(input.ledger[target.key], { target: period(input.asOfDay, input.horizonDays) }) : null;
  const predictions = scored.map((i): PropensityPrediction => {
    const accountId = now.accountIds[i];
    const segment = input.segmentOf.get(accountId) ?? 'none';
    const p = probability(i);
    return {
      accountId,
      segment,
      probability: p,
      corrected: corrections ? applyCorrection(p, segment, corrections) : p,
      // reasons come from the logistic model (exact contributions to the log-odds), shown in the feature's own units
      factors: rowFactors(logistic, past.names, now.X[i], 3).map((f) => ({ feature: f.feature, contribution: round4(f.contribution), direction: f.direction, value: round4(now.raw[i][f.index]) })),
    };
  });

  const outlierRows = new Set(training.outliers.rows.map((r) => r.row));
  return {
    target: target.key,
    productIds: target.kind === 'buy' && target.products ? [...target.products] : [],
    chosen: training.chosen,
    quality: {
      label: target.label,
      rows: y.length,
      positives: y.reduce((s, v) => s + v, 0),
      cutoff: isoDay(input.asOfDay - input.horizonDays),
      candidates: training.candidates.map(({ name, auc, accuracy, logLoss, brier }) => ({ name, auc, accuracy, logLoss, brier })),
      roc: rocPoints(y, chosen.outOfFold),
      calibration: training.calibrationCurve,
      calibrationEffect: training.calibrationEffect,
      topFactors: training.topFactors.slice(0, 10),
      labels: past.labels,
      outliers: { rule: training.outliers.rule, counts: training.outliers.counts },
      // the seed's figure: an attribute against the predicted probability, outliers greyed — a sample of the rows
      trend: trendSample(training.topFactors.slice(0, 4).map((f) => f.feature), past, rows, chosen.outOfFold, outlierRows),
      correction: corrections ? { pooled: corrections.pooled, segments: Object.keys(corrections.segments).length, predictions: input.ledger[target.key].length } : null,
    },
    predictions,
  };
}

/** The period a prediction issued on `day` belongs to (horizon-long periods), for the ledger's decay. */
export const period = (day: number, horizonDays: number) => Math.floor(day / horizonDays);

const logitOf = (p: number) => Math.log(Math.min(1 - 1e-9, Math.max(1e-9, p)) / (1 - Math.min(1 - 1e-9, Math.max(1e-9, p))));
const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** The ROC curve of out-of-fold probabilities, at most ~60 points. */
function rocPoints(y: Uint8Array, p: Float64Array): [number, number][] {
  const order = Array.from(p.keys()).sort((a, b) => p[b] - p[a]);
  const positives = y.reduce((s, v) => s + v, 0);
  const negatives = y.length - positives;
  const step = Math.max(1, Math.floor(order.length / 60));
  const points: [number, number][] = [[0, 0]];
  let tp = 0;
  let fp = 0;
  order.forEach((i, k) => {
    if (y[i]) tp++;
    else fp++;
    if ((k + 1) % step === 0 || k === order.length - 1) points.push([round4(fp / negatives), round4(tp / positives)]);
  });
  return points;
}

function trendSample(features: string[], past: FeatureRows, rows: number[], p: Float64Array, outliers: Set<number>) {
  const columns = features.map((f) => past.names.indexOf(f));
  const step = Math.max(1, Math.floor(rows.length / 500));
  const points: { values: number[]; probability: number; outlier: boolean }[] = [];
  for (let k = 0; k < rows.length; k += step) {
    points.push({ values: columns.map((j) => round4(past.raw[rows[k]][j])), probability: round4(p[k]), outlier: outliers.has(k) });
  }
  return { features, points };
}


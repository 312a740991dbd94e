/**
 * The general propensity trainer on a file, without the database (`relata analytics train`): reads a CSV (or
 * .csv.gz) with the importer's reader, trains (packages/analytics/src/propensity/trainer.ts: logistic
 * regression and, unless `--models logistic`, the tfjs neural network of propensity-network/ as a second
 * candidate; stratified 5-fold cross-validation with a fixed seed, Platt calibration, the outlier box) and
 * returns the JSON the command prints: each candidate's cross-validated AUC and accuracy, the chosen one, the top
 * factors, the calibration and the encoding report. A table the trainer cannot use is a UsageProblem naming the
 * option to fix.
 */
import fs from 'node:fs';
import { networkCandidate, PropensityInputError, trainPropensityModel, type CandidateTrainer, type ParsedTable, type PropensityTraining } from '@relata/analytics';
import { UsageProblem } from '../imports/import-command.js';
import { FileProblem } from '../imports/file-source.js';
import { asStructureProblem, columnNames, CsvStructureProblem, isBlankRecord, readRecords } from '../imports/record-reader.js';

export interface TrainFileOptions {
  table: string;
  target: string;
  positive?: string;
  id?: string;
  /** how many factors to list (default 10) */
  top?: number | string;
  /** candidate models, comma-separated: logistic (always trained) and network (default: both) */
  models?: string;
}

export const MODEL_NAMES = ['logistic', 'network'] as const;

/** The candidates besides logistic regression, from `--models`. */
function extraCandidates(models: string | undefined): CandidateTrainer[] {
  const names = (models ?? MODEL_NAMES.join(',')).split(',').map((m) => m.trim()).filter(Boolean);
  const unknown = names.filter((m) => !(MODEL_NAMES as readonly string[]).includes(m));
  if (unknown.length || names.length === 0) throw new UsageProblem(`--models ${models}: choose from ${MODEL_NAMES.join(', ')}`);
  return names.includes('network') ? [networkCandidate()] : [];
}

const optionOf = { table: '--table', target: '--target', positive: '--positive', id: '--id' } as const;

/** The header (as the importer names columns) and the non-blank rows of a comma-separated file. */
export async function readTableFile(file: string): Promise<ParsedTable> {
  if (!fs.existsSync(file)) throw new UsageProblem(`No file ${file}`);
  let header: string[] | null = null;
  const rows: string[][] = [];
  try {
    for await (const cells of await readRecords(file, 'comma')) {
      if (header === null) header = columnNames(cells);
      else if (!isBlankRecord(cells)) rows.push(cells);
    }
  } catch (err) {
    const problem = asStructureProblem(err);
    if (problem instanceof CsvStructureProblem) throw new UsageProblem(`${file}, row ${problem.row}: ${problem.message}`);
    if (problem instanceof FileProblem) throw new UsageProblem(`${file}: ${problem.message}`);
    throw problem;
  }
  if (header === null) throw new UsageProblem(`${file} is empty`);
  return { header, rows };
}

const round = (v: number, digits = 4) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : null);

/** What the command prints (out-of-fold probabilities and per-row data left out). */
export function trainingSummary(result: PropensityTraining, top = 10) {
  return {
    rows: result.encodingReport.rows,
    target: result.encodingReport.target,
    validation: { method: 'stratified k-fold', folds: result.candidates[0].folds.length, seed: result.seed },
    candidates: result.candidates.map((c) => ({
      name: c.name,
      auc: round(c.auc),
      accuracy: round(c.accuracy),
      logLoss: round(c.logLoss),
      brier: round(c.brier),
      folds: c.folds.map((f) => ({ fold: f.fold, rows: f.rows, positives: f.positives, auc: round(f.auc), accuracy: round(f.accuracy) })),
    })),
    chosen: result.chosen,
    // the factors and the stored model are logistic regression's (exact reasons), whichever candidate won
    topFactorsFrom: 'logistic',
    topFactors: result.topFactors.slice(0, top).map((f) => ({
      feature: f.feature,
      direction: f.direction,
      perStandardDeviation: round(f.standardisedCoefficient),
      perUnit: round(f.coefficient, 8),
      oddsRatioPerUnit: round(f.oddsRatio, 6),
    })),
    model: {
      intercept: round(result.model.logistic.intercept, 8),
      C: result.model.logistic.C,
      trainingRows: result.model.logistic.trainingRows,
      calibration: { a: round(result.model.calibration.a), b: round(result.model.calibration.b) },
    },
    calibration: {
      before: { logLoss: round(result.calibrationEffect.before.logLoss), brier: round(result.calibrationEffect.before.brier) },
      after: { logLoss: round(result.calibrationEffect.after.logLoss), brier: round(result.calibrationEffect.after.brier) },
      curve: result.calibrationCurve.map((b) => ({
        bin: `${b.lower.toFixed(1)}–${b.upper.toFixed(1)}`,
        count: b.count,
        meanPredicted: b.meanPredicted === null ? null : round(b.meanPredicted),
        observedRate: b.observedRate === null ? null : round(b.observedRate),
      })),
    },
    outliers: {
      rule: result.outliers.rule.en,
      excluded: result.outliers.counts,
      boxes: result.outliers.boxes.map((b) => ({ attribute: b.name, low: round(b.low), high: round(b.high), outside: b.outside })),
      notChecked: result.outliers.skipped.map((s) => ({ attribute: s.name, reason: s.reason })),
    },
    encoding: {
      features: result.model.featureNames,
      rowsWithoutTarget: result.encodingReport.rowsWithoutTarget,
      id: result.encodingReport.id,
      numeric: result.encodingReport.numeric,
      categorical: result.encodingReport.categorical,
      dropped: result.encodingReport.dropped.map((d) => ({ column: d.column, reason: d.reason, why: d.text.en })),
    },
  };
}

export async function trainFromFile(o: TrainFileOptions) {
  if (!o.table) throw new UsageProblem('Give --table FILE.csv');
  if (!o.target) throw new UsageProblem('Give --target COLUMN (the yes/no outcome)');
  const top = o.top === undefined ? 10 : Number(o.top);
  if (!Number.isInteger(top) || top < 0) throw new UsageProblem(`--top ${o.top} is not a whole number`);
  const candidates = extraCandidates(o.models);
  const table = await readTableFile(o.table);
  const t0 = performance.now();
  try {
    const result = await trainPropensityModel(table, { target: o.target, positive: o.positive, id: o.id, candidates });
    return { ...trainingSummary(result, top), seconds: round((performance.now() - t0) / 1000, 3) };
  } catch (err) {
    if (err instanceof PropensityInputError) throw new UsageProblem(`${optionOf[err.field]}: ${err.message}`);
    throw err;
  }
}

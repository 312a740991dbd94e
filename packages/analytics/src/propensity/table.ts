/**
 * From an uploaded table (a header and rows of text, as a CSV reader gives them) to the numbers a propensity
 * model learns from: a 0/1 target and a design matrix with readable feature names.
 *
 * Real tables are messy, so every decision is made from the data and written into a report the analyst sees:
 * - the target's two labels are read as yes/no (1/0, yes/no, true/false, y/n, 是/否, churned/stayed, …,
 *   case-insensitive), or the caller names the positive label; rows with a blank target are left out and counted;
 * - a column whose every non-blank cell is a number is numeric; blanks (also NA, N/A, NaN, null, ?) get the
 *   column's median — robust to the skew of money columns — and, when there are any, a "(missing)" indicator
 *   column, so that being blank can itself predict (the "missing-indicator method", e.g. van Buuren 2018,
 *   *Flexible Imputation of Missing Data*, §1.3.7: biased for inference, sound for prediction);
 * - any other column is a category: one 0/1 column per level for the 20 most frequent levels and one "(other)"
 *   column for the rest; a two-level column becomes a single 0/1 column (its second column would only repeat it);
 * - dropped, and reported: the id column, empty and constant columns, a whole-number column that counts the rows
 *   (a row number) or is all distinct and named like an identifier, text columns with more than 50 levels or
 *   with a different value on every row (names, e-mails: nothing a model can generalise from).
 * The chosen encoding is returned as `columns`, so new rows (customers to score) are encoded the same way.
 */
import type { LocalizedText } from '../localized-text.js';
import { PropensityInputError } from './input-error.js';

/** A table as read from a file: the header and the data rows, cells as written. Short rows read as blanks. */
export interface ParsedTable {
  header: readonly string[];
  rows: readonly (readonly string[])[];
}

export interface EncodingOptions {
  /** the outcome column (yes/no) */
  target: string;
  /** the label of the outcome to predict (default: recognised from the labels, e.g. 1, yes, true, 是) */
  positive?: string;
  /** a column identifying the customer: not a feature, reported back with each row */
  id?: string;
}

/** How one model column is computed from a table row. */
export type EncodedColumn =
  /** the number; a blank reads as `median` */
  | { kind: 'number'; source: string; median: number }
  /** 1 when the cell is blank */
  | { kind: 'missing'; source: string }
  /** 1 when the (trimmed) cell is `level`; BLANK_LEVEL stands for a blank cell */
  | { kind: 'level'; source: string; level: string }
  /** 1 when the cell is none of the `levels` that have columns of their own */
  | { kind: 'other'; source: string; levels: string[] };

export type DropReason = 'id' | 'empty' | 'constant' | 'row-number' | 'identifier' | 'all-unique' | 'too-many-levels';

export interface DroppedColumn {
  column: string;
  reason: DropReason;
  text: LocalizedText;
}

export interface EncodingReport {
  /** rows used (a non-blank target) */
  rows: number;
  /** rows left out because their target cell is blank */
  rowsWithoutTarget: number;
  target: { column: string; positive: string; negative: string; positives: number; negatives: number };
  id: string | null;
  numeric: { column: string; missing: number; median: number; missingIndicator: boolean; distinct: number }[];
  categorical: { column: string; levels: number; encoded: string[]; other: boolean }[];
  dropped: DroppedColumn[];
}

export interface EncodedTable {
  /** readable, one per column of X: `Age`, `Age (missing)`, `Geography=Germany`, `Geography=(other)` */
  featureNames: string[];
  columns: EncodedColumn[];
  /** one row per used table row */
  X: Float64Array[];
  /** 1 = the positive label */
  y: Uint8Array;
  /** the id column's value, or the row's 1-based number among the data rows when there is no id column */
  rowIds: string[];
  /** the index in `table.rows` of each used row */
  sourceRows: Int32Array;
  report: EncodingReport;
}

export const MAX_LEVELS = 50;
export const ENCODED_LEVELS = 20;
export const BLANK_LEVEL = '(blank)';
/** row-number and all-unique checks need this many values before a column is judged by them */
const MIN_ROWS_FOR_UNIQUE_CHECKS = 20;

const BLANKS = new Set(['', 'na', 'n/a', '#n/a', 'nan', 'null', '?']);
const POSITIVE_LABELS = new Set(['1', 'yes', 'y', 'true', 't', '是', 'churned', 'churn', 'exited', 'left', 'bought', 'purchased', 'positive']);
const NEGATIVE_LABELS = new Set(['0', 'no', 'n', 'false', 'f', '否', 'stayed', 'retained', 'not churned', 'no churn', 'negative']);
// customer_id, "Account No", CustomerId, OrderNumber — but not Paid or Income
const identifierName = (name: string): boolean =>
  /(^|[_\s.-])(id|no|number|code|key|index)$/i.test(name) || /[a-z0-9](Id|ID|No|Number|Code|Key|Index)$/.test(name);

const isBlank = (cell: string | undefined): boolean => cell === undefined || BLANKS.has(cell.trim().toLowerCase());

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** The number a cell holds (1,234.5 with thousands separators too), or NaN. Assumes the cell is not blank. */
export function parseNumber(cell: string): number {
  const s = cell.trim();
  const v = PLAIN_NUMBER.test(s) ? Number(s) : GROUPED_NUMBER.test(s) ? Number(s.replaceAll(',', '')) : Number.NaN;
  // 1e999 reads as Infinity: not a number a model can use
  return Number.isFinite(v) ? v : Number.NaN;
}

/** A target label compared case-insensitively, numbers by value (so 1 and 1.0 are one label). */
function labelKey(cell: string): string {
  const n = parseNumber(cell);
  return Number.isNaN(n) ? cell.trim().toLowerCase() : String(n);
}

const levelOf = (cell: string | undefined): string => (isBlank(cell) ? BLANK_LEVEL : cell!.trim());

function median(values: Float64Array): number {
  const sorted = values.slice().sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function columnIndex(header: readonly string[], name: string, field: 'target' | 'id'): number {
  const i = header.indexOf(name);
  if (i >= 0) return i;
  const trimmed = header.findIndex((h) => h.trim().toLowerCase() === name.trim().toLowerCase());
  if (trimmed >= 0) return trimmed;
  const list = header.join(', ');
  throw new PropensityInputError(field, {
    en: `No column "${name}" in the table; it has: ${list}`,
    zh: `表中没有“${name}”列；现有的列：${list}`,
  });
}

interface TargetLabels {
  positiveKey: string;
  positive: string;
  negative: string;
}

function readTargetLabels(column: string, cells: (string | undefined)[], positive: string | undefined): TargetLabels {
  const labels = new Map<string, { raw: string; count: number }>();
  for (const cell of cells) {
    if (isBlank(cell)) continue;
    const key = labelKey(cell!);
    const entry = labels.get(key);
    if (entry) entry.count++;
    else labels.set(key, { raw: cell!.trim(), count: 1 });
  }
  const listed = [...labels.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, 10)
    .map((l) => `"${l.raw}" (${l.count})`)
    .join(', ');
  if (labels.size === 0) {
    throw new PropensityInputError('target', { en: `The target column "${column}" is blank on every row`, zh: `目标列“${column}”全部为空` });
  }
  if (labels.size === 1) {
    throw new PropensityInputError('target', {
      en: `The target column "${column}" has one class only: ${listed}; a model needs rows of both outcomes`,
      zh: `目标列“${column}”只有一个类别：${listed}；模型需要两种结果的行`,
    });
  }
  if (labels.size > 2) {
    throw new PropensityInputError('target', {
      en: `The target column "${column}" is not yes/no: it has ${labels.size} different values, e.g. ${listed}`,
      zh: `目标列“${column}”不是是/否二值：它有 ${labels.size} 种取值，例如 ${listed}`,
    });
  }
  const [a, b] = [...labels.keys()];
  let positiveKey: string;
  if (positive !== undefined) {
    const key = labelKey(positive);
    if (!labels.has(key)) {
      throw new PropensityInputError('positive', {
        en: `"${positive}" is not a value of the target column "${column}"; its values are ${listed}`,
        zh: `“${positive}”不是目标列“${column}”的取值；它的取值是 ${listed}`,
      });
    }
    positiveKey = key;
  } else if (POSITIVE_LABELS.has(a) !== POSITIVE_LABELS.has(b)) {
    positiveKey = POSITIVE_LABELS.has(a) ? a : b;
  } else if (NEGATIVE_LABELS.has(a) !== NEGATIVE_LABELS.has(b)) {
    positiveKey = NEGATIVE_LABELS.has(a) ? b : a;
  } else {
    throw new PropensityInputError('positive', {
      en: `Cannot tell which value of the target column "${column}" is the outcome to predict (${listed}); name the positive value`,
      zh: `无法判断目标列“${column}”的哪个取值是要预测的结果（${listed}）；请指定正类取值`,
    });
  }
  const negativeKey = positiveKey === a ? b : a;
  return { positiveKey, positive: labels.get(positiveKey)!.raw, negative: labels.get(negativeKey)!.raw };
}

const dropTexts: Record<DropReason, (column: string) => LocalizedText> = {
  id: (c) => ({ en: `${c}: the id column, not a feature`, zh: `${c}：标识列，不作为特征` }),
  empty: (c) => ({ en: `${c}: blank on every row`, zh: `${c}：每行都为空` }),
  constant: (c) => ({ en: `${c}: the same on every row`, zh: `${c}：每行取值相同` }),
  'row-number': (c) => ({ en: `${c}: consecutive whole numbers, a row number`, zh: `${c}：连续整数，是行号` }),
  identifier: (c) => ({ en: `${c}: a different whole number on every row, an identifier`, zh: `${c}：每行一个不同的整数，是标识符` }),
  'all-unique': (c) => ({ en: `${c}: a different text on every row (like a name)`, zh: `${c}：每行文本都不同（如姓名）` }),
  'too-many-levels': (c) => ({ en: `${c}: more than ${MAX_LEVELS} different texts`, zh: `${c}：超过 ${MAX_LEVELS} 种不同文本` }),
};

type Analysis =
  | { drop: DropReason }
  | { numeric: { median: number; missing: number; distinct: number } }
  | { categorical: { levels: Map<string, number> } };

function analyseColumn(name: string, cells: (string | undefined)[]): Analysis {
  const values: number[] = [];
  let missing = 0;
  let numeric = true;
  for (const cell of cells) {
    if (isBlank(cell)) {
      missing++;
      continue;
    }
    const v = parseNumber(cell!);
    if (Number.isNaN(v)) {
      numeric = false;
      break;
    }
    values.push(v);
  }
  if (numeric && values.length === 0) return { drop: 'empty' };
  if (numeric) {
    const distinct = new Set(values).size;
    if (distinct === 1 && missing === 0) return { drop: 'constant' };
    if (distinct === values.length && values.length >= MIN_ROWS_FOR_UNIQUE_CHECKS && values.every(Number.isInteger)) {
      let min = Infinity;
      let max = -Infinity;
      for (const v of values) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (max - min === values.length - 1) return { drop: 'row-number' };
      if (identifierName(name.trim())) return { drop: 'identifier' };
    }
    return { numeric: { median: median(Float64Array.from(values)), missing, distinct } };
  }
  const levels = new Map<string, number>();
  let nonBlank = 0;
  for (const cell of cells) {
    const level = levelOf(cell);
    if (level !== BLANK_LEVEL) nonBlank++;
    levels.set(level, (levels.get(level) ?? 0) + 1);
  }
  const distinctTexts = levels.size - (levels.has(BLANK_LEVEL) ? 1 : 0);
  if (levels.size === 1) return { drop: 'constant' };
  if (distinctTexts === nonBlank && nonBlank >= MIN_ROWS_FOR_UNIQUE_CHECKS) return { drop: 'all-unique' };
  if (distinctTexts > MAX_LEVELS) return { drop: 'too-many-levels' };
  return { categorical: { levels } };
}

/** Columns for a categorical column: the most frequent levels (ties by name), "(other)" for the rest. */
function levelColumns(source: string, levels: Map<string, number>): EncodedColumn[] {
  const byCount = [...levels.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([level]) => level);
  // two levels: one column, for the less frequent level (the other is 1 minus it)
  if (byCount.length === 2) return [{ kind: 'level', source, level: byCount[1] }];
  const kept = byCount.slice(0, ENCODED_LEVELS);
  const columns: EncodedColumn[] = kept.map((level) => ({ kind: 'level', source, level }));
  if (byCount.length > kept.length) columns.push({ kind: 'other', source, levels: kept });
  return columns;
}

export function featureName(column: EncodedColumn): string {
  switch (column.kind) {
    case 'number':
      return column.source;
    case 'missing':
      return `${column.source} (missing)`;
    case 'level':
      return `${column.source}=${column.level}`;
    case 'other':
      return `${column.source}=(other)`;
  }
}

/**
 * Encodes rows with a given encoding (from `encodeTable`), e.g. new customers to score. A source column missing
 * from `header` reads as blank everywhere.
 */
export function encodeRows(columns: readonly EncodedColumn[], header: readonly string[], rows: readonly (readonly string[])[]): Float64Array[] {
  const sourceIndex = columns.map((c) => header.indexOf(c.source));
  const otherSets = columns.map((c) => (c.kind === 'other' ? new Set(c.levels) : null));
  return rows.map((row) => {
    const x = new Float64Array(columns.length);
    for (let j = 0; j < columns.length; j++) {
      const column = columns[j];
      const cell = sourceIndex[j] < 0 ? undefined : row[sourceIndex[j]];
      switch (column.kind) {
        case 'number': {
          const v = isBlank(cell) ? Number.NaN : parseNumber(cell!);
          x[j] = Number.isNaN(v) ? column.median : v;
          break;
        }
        case 'missing':
          x[j] = isBlank(cell) ? 1 : 0;
          break;
        case 'level':
          x[j] = levelOf(cell) === column.level ? 1 : 0;
          break;
        case 'other':
          x[j] = otherSets[j]!.has(levelOf(cell)) ? 0 : 1;
          break;
      }
    }
    return x;
  });
}

export function encodeTable(table: ParsedTable, options: EncodingOptions): EncodedTable {
  const { header } = table;
  if (table.rows.length === 0) throw new PropensityInputError('table', { en: 'The table has no rows', zh: '表中没有数据行' });
  const targetIndex = columnIndex(header, options.target, 'target');
  const idIndex = options.id === undefined || options.id === '' ? -1 : columnIndex(header, options.id, 'id');
  if (idIndex === targetIndex) {
    throw new PropensityInputError('id', { en: 'The id column cannot be the target column', zh: '标识列不能是目标列' });
  }

  const used: number[] = [];
  table.rows.forEach((row, i) => {
    if (!isBlank(row[targetIndex])) used.push(i);
  });
  const rowsWithoutTarget = table.rows.length - used.length;
  const rows = used.map((i) => table.rows[i]);
  const targetName = header[targetIndex];
  const labels = readTargetLabels(targetName, rows.map((r) => r[targetIndex]), options.positive);
  const y = Uint8Array.from(rows, (r) => (labelKey(r[targetIndex]) === labels.positiveKey ? 1 : 0));
  const positives = y.reduce((s, v) => s + v, 0);

  const report: EncodingReport = {
    rows: rows.length,
    rowsWithoutTarget,
    target: { column: targetName, positive: labels.positive, negative: labels.negative, positives, negatives: rows.length - positives },
    id: idIndex >= 0 ? header[idIndex] : null,
    numeric: [],
    categorical: [],
    dropped: [],
  };
  const drop = (column: string, reason: DropReason) => report.dropped.push({ column, reason, text: dropTexts[reason](column) });

  const columns: EncodedColumn[] = [];
  header.forEach((name, c) => {
    if (c === targetIndex) return;
    if (c === idIndex) return drop(name, 'id');
    const analysis = analyseColumn(name, rows.map((r) => r[c]));
    if ('drop' in analysis) return drop(name, analysis.drop);
    if ('numeric' in analysis) {
      const { median, missing, distinct } = analysis.numeric;
      // a single value plus blanks: only "is it blank" carries information
      if (distinct > 1) columns.push({ kind: 'number', source: name, median });
      if (missing > 0) columns.push({ kind: 'missing', source: name });
      report.numeric.push({ column: name, missing, median, missingIndicator: missing > 0, distinct });
      return;
    }
    const encoded = levelColumns(name, analysis.categorical.levels);
    columns.push(...encoded);
    report.categorical.push({
      column: name,
      levels: analysis.categorical.levels.size,
      encoded: encoded.flatMap((e) => (e.kind === 'level' ? [e.level] : [])),
      other: encoded.some((e) => e.kind === 'other'),
    });
  });

  return {
    featureNames: columns.map(featureName),
    columns,
    X: encodeRows(columns, header, rows),
    y,
    rowIds: idIndex >= 0 ? rows.map((r) => (r[idIndex] ?? '').trim()) : used.map((i) => String(i + 1)),
    sourceRows: Int32Array.from(used),
    report,
  };
}

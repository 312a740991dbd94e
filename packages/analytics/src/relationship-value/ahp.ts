/**
 * The analytic hierarchy process (Saaty 1977, "A scaling method for priorities in hierarchical
 * structures", J. Math. Psychology 15; Saaty 1980, *The Analytic Hierarchy Process*): at each node of
 * the hierarchy the users compare its children two at a time on Saaty's 1–9 scale (1 equal, 3
 * moderately, 5 strongly, 7 very strongly, 9 extremely more important; 2, 4, 6, 8 between; the
 * reciprocal for the other way round), and the node's local weights are the principal eigenvector of
 * that pairwise-comparison matrix A, normalised to sum 1.
 *
 * For a perfectly consistent matrix (a_ij = w_i / w_j for all i, j) A·w = n·w exactly; any
 * inconsistency raises the principal eigenvalue above n, so Saaty measures it by the consistency index
 * CI = (λmax − n)/(n − 1) and compares it with the average CI of random reciprocal matrices of the
 * same size, the random index RI: CR = CI / RI. A CR of 0.1 or more means the judgements are closer to
 * random than to a coherent view and are refused (Saaty 1980, §1.4; 1990, EJOR 48, "How to make a
 * decision"). Matrices of order 1 and 2 are always consistent (RI = 0; CR is taken as 0).
 *
 * The eigenvector is found by power iteration: A is positive, so by Perron's theorem its principal
 * eigenvalue is simple and strictly dominant and the iteration converges from any positive start;
 * near-consistent matrices have all other eigenvalues near 0, so it converges in a few steps.
 *
 * When a matrix is refused, the explanation names the judgement that fits the others worst: the
 * entry with the largest ratio between what was said and what the weights imply, ε_ij = a_ij·w_j/w_i
 * (taken as max(ε, 1/ε), so too high and too low count alike) — Saaty's own way to find the most
 * inconsistent judgement (Saaty 2003, "Decision-making with the AHP: why is the principal eigenvector
 * necessary", EJOR 145). It suggests what the other judgements imply for that pair — the geometric mean
 * of the indirect comparisons a_ik·a_kj through every third item k, which is w_i/w_j when the rest is
 * consistent and, unlike the eigenvector's own w_i/w_j, is not pulled towards the faulty judgement —
 * rounded to the scale, with the CR the matrix would then have.
 */
import type { LocalizedText } from '../localized-text.js';
import { RELATIONSHIP_FACTOR_KEYS, RELATIONSHIP_HIERARCHY, type RelationshipNode } from './factors.js';

/** Rows of the matrix: a[i][j] says how much more important child i is than child j. */
export type PairwiseMatrix = readonly (readonly number[])[];

/** Saaty's random index for n = 1 … 10 (Saaty 1980; the values used in every AHP text since): index n − 1. */
export const SAATY_RANDOM_INDEX: readonly number[] = Object.freeze([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]);

/** Consistency ratios at or above this are refused. */
export const CONSISTENCY_LIMIT = 0.1;

/** The judgements of Saaty's scale, from 1/9 to 9. */
export const SAATY_SCALE: readonly number[] = Object.freeze([9, 8, 7, 6, 5, 4, 3, 2].map((k) => 1 / k).concat([1, 2, 3, 4, 5, 6, 7, 8, 9]));

export interface MatrixCell {
  /** 0-based row and column. */
  row: number;
  column: number;
}

/** A matrix that is not a pairwise-comparison matrix; `cell` names the offending entry. */
export class AhpMatrixError extends Error {
  override readonly name: string = 'AhpMatrixError';

  constructor(
    readonly text: LocalizedText,
    readonly cell?: MatrixCell,
    /** The hierarchy node whose matrix it is, when evaluating a hierarchy. */
    readonly node?: string,
  ) {
    super(text.en);
  }
}

/** A valid matrix whose CR ≥ 0.1. */
export class AhpInconsistentError extends AhpMatrixError {
  override readonly name = 'AhpInconsistentError';

  constructor(
    readonly result: AhpResult,
    node?: string,
  ) {
    super(result.explanation!, result.mostInconsistent ? { row: result.mostInconsistent.row, column: result.mostInconsistent.column } : undefined, node);
  }
}

export interface AhpOptions {
  /** The compared items' names, for messages; default "item 1", "item 2", … */
  names?: readonly LocalizedText[];
  /** Relative tolerance of the reciprocal and diagonal checks, so 0.333 passes for 1/3; default 0.01. */
  tolerance?: number;
}

function nameOf(names: readonly LocalizedText[] | undefined, i: number): LocalizedText {
  return names?.[i] ?? { en: `item ${i + 1}`, zh: `第 ${i + 1} 项` };
}

function cellText(names: readonly LocalizedText[] | undefined, i: number, j: number): LocalizedText {
  const r = nameOf(names, i);
  const c = nameOf(names, j);
  return { en: `row “${r.en}”, column “${c.en}” (${i + 1}, ${j + 1})`, zh: `第 ${i + 1} 行“${r.zh}”、第 ${j + 1} 列“${c.zh}”` };
}

/** Throws AhpMatrixError naming the first entry that breaks the rules of a pairwise-comparison matrix. */
export function validatePairwiseMatrix(a: PairwiseMatrix, options: AhpOptions = {}): void {
  const tolerance = options.tolerance ?? 0.01;
  const names = options.names;
  const n = a.length;
  if (n === 0) throw new AhpMatrixError({ en: 'The comparison matrix is empty.', zh: '判断矩阵为空。' });
  if (n > SAATY_RANDOM_INDEX.length)
    throw new AhpMatrixError({
      en: `A node can compare at most ${SAATY_RANDOM_INDEX.length} items (Saaty's random index ends there); this one has ${n}.`,
      zh: `一个节点最多比较 ${SAATY_RANDOM_INDEX.length} 项（Saaty 随机一致性指标只到此阶）；此处有 ${n} 项。`,
    });
  if (names && names.length !== n) throw new RangeError(`${names.length} names for a matrix of order ${n}`);
  a.forEach((row, i) => {
    if (row.length !== n)
      throw new AhpMatrixError({ en: `Row ${i + 1} has ${row.length} entries; the matrix must be ${n} × ${n}.`, zh: `第 ${i + 1} 行有 ${row.length} 个值；矩阵应为 ${n} × ${n}。` }, { row: i, column: 0 });
  });
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const v = a[i][j];
      const at = cellText(names, i, j);
      if (!Number.isFinite(v) || v <= 0)
        throw new AhpMatrixError({ en: `The judgement at ${at.en} is ${v}; judgements must be positive numbers.`, zh: `${at.zh}的判断值为 ${v}；判断值必须是正数。` }, { row: i, column: j });
    }
  for (let i = 0; i < n; i++)
    if (Math.abs(a[i][i] - 1) > tolerance) {
      const at = cellText(names, i, i);
      throw new AhpMatrixError({ en: `The diagonal at ${at.en} is ${a[i][i]}; an item compared with itself is 1.`, zh: `对角线${at.zh}的值为 ${a[i][i]}；一项与自身比较应为 1。` }, { row: i, column: i });
    }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const v = a[i][j];
      if (v < (1 / 9) * (1 - tolerance) || v > 9 * (1 + tolerance)) {
        const at = cellText(names, i, j);
        throw new AhpMatrixError(
          { en: `The judgement at ${at.en} is ${formatJudgement(v)}, outside Saaty's scale 1/9 … 9.`, zh: `${at.zh}的判断值为 ${formatJudgement(v)}，超出 Saaty 标度 1/9 … 9 的范围。` },
          { row: i, column: j },
        );
      }
    }
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (Math.abs(a[i][j] * a[j][i] - 1) > tolerance) {
        const at = cellText(names, j, i);
        throw new AhpMatrixError(
          {
            en: `The judgement at ${at.en} is ${formatJudgement(a[j][i])} but must be the reciprocal of the one at (${i + 1}, ${j + 1}), ${formatJudgement(a[i][j])}: it should be ${formatJudgement(1 / a[i][j])}.`,
            zh: `${at.zh}的判断值为 ${formatJudgement(a[j][i])}，但应为第 ${i + 1} 行第 ${j + 1} 列（${formatJudgement(a[i][j])}）的倒数，即 ${formatJudgement(1 / a[i][j])}。`,
          },
          { row: j, column: i },
        );
      }
}

export interface PrincipalEigen {
  /** The principal eigenvector, positive, summing to 1. */
  vector: Float64Array;
  lambdaMax: number;
  iterations: number;
  converged: boolean;
}

/** Power iteration w ← A·w / Σ(A·w) from the uniform vector until no weight moves by more than `tolerance`. */
export function principalEigenvector(a: PairwiseMatrix, { tolerance = 1e-13, maxIterations = 10_000 } = {}): PrincipalEigen {
  const n = a.length;
  let w = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  let lambdaMax = n;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += a[i][j] * w[j];
      next[i] = s;
      sum += s;
    }
    // with Σw = 1, Σ(A·w) is the Rayleigh-like estimate of λ that is exact at the eigenvector
    lambdaMax = sum;
    let change = 0;
    for (let i = 0; i < n; i++) {
      next[i] /= sum;
      change = Math.max(change, Math.abs(next[i] - w[i]));
    }
    [w, next] = [next, w];
    if (change <= tolerance) return { vector: w, lambdaMax, iterations: iteration, converged: true };
  }
  return { vector: w, lambdaMax, iterations: maxIterations, converged: false };
}

export interface InconsistentPair extends MatrixCell {
  /** The judgement given, a[row][column] (≥ 1: the pair is oriented so that it reads "row over column"). */
  value: number;
  /** What the other judgements imply: the geometric mean over k of a[row][k] · a[k][column]. */
  consistentValue: number;
  /** consistentValue rounded to the nearest judgement of Saaty's scale (on a log scale). */
  suggestedValue: number;
  /** max(ε, 1/ε), ε = value / consistentValue: 1 is perfectly consistent. */
  deviation: number;
  /** The matrix's CR with this judgement (and its reciprocal) set to suggestedValue. */
  crIfChanged: number;
}

export interface AhpResult {
  n: number;
  /** Local weights, the normalised principal eigenvector. */
  weights: Float64Array;
  lambdaMax: number;
  /** (λmax − n)/(n − 1); 0 for n ≤ 2. */
  ci: number;
  ri: number;
  /** CI / RI; 0 for n ≤ 2. */
  cr: number;
  consistent: boolean;
  iterations: number;
  /** The judgement that fits the others worst (null for n ≤ 2, where every matrix is consistent). */
  mostInconsistent: InconsistentPair | null;
  /** Why the matrix is refused, in both languages (only when not consistent). */
  explanation?: LocalizedText;
}

/** Weights and consistency of a pairwise-comparison matrix (validated first); never throws for inconsistency. */
export function ahpWeights(a: PairwiseMatrix, options: AhpOptions = {}): AhpResult {
  validatePairwiseMatrix(a, options);
  const core = weightsAndRatio(a);
  const n = a.length;
  const mostInconsistent = n <= 2 ? null : worstPair(a, core.weights);
  const result: AhpResult = { n, ...core, consistent: core.cr < CONSISTENCY_LIMIT, mostInconsistent };
  if (!result.consistent) result.explanation = explain(result, options.names);
  return result;
}

/** ahpWeights, refusing (AhpInconsistentError, with the explanation) a matrix whose CR ≥ 0.1. */
export function checkConsistency(a: PairwiseMatrix, options: AhpOptions = {}): AhpResult {
  const result = ahpWeights(a, options);
  if (!result.consistent) throw new AhpInconsistentError(result);
  return result;
}

function weightsAndRatio(a: PairwiseMatrix): Pick<AhpResult, 'weights' | 'lambdaMax' | 'ci' | 'ri' | 'cr' | 'iterations'> {
  const n = a.length;
  const eigen = principalEigenvector(a);
  if (!eigen.converged) throw new RangeError('power iteration did not converge');
  const ri = SAATY_RANDOM_INDEX[n - 1];
  // rounding can put λmax a hair below n for a consistent matrix: CI is never negative
  const ci = n <= 2 ? 0 : Math.max(0, (eigen.lambdaMax - n) / (n - 1));
  return { weights: eigen.vector, lambdaMax: eigen.lambdaMax, ci, ri, cr: n <= 2 ? 0 : ci / ri, iterations: eigen.iterations };
}

function worstPair(a: PairwiseMatrix, w: Float64Array): InconsistentPair {
  const n = a.length;
  let best = { row: 0, column: 1, deviation: -1 };
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const e = (a[i][j] * w[j]) / w[i];
      const deviation = Math.max(e, 1 / e);
      if (deviation > best.deviation) best = { row: i, column: j, deviation };
    }
  // read the pair the way round whose judgement is ≥ 1 ("row is … times as important as column")
  let { row, column } = best;
  if (a[row][column] < 1) [row, column] = [column, row];
  // what the other judgements say about the pair: the geometric mean of the indirect comparisons
  // a_rk · a_kc over every third item k (w_r / w_c for a consistent rest). The eigenvector's w_r / w_c is
  // itself pulled towards the faulty judgement, so it would suggest a half-way value.
  let logSum = 0;
  for (let k = 0; k < n; k++) if (k !== row && k !== column) logSum += Math.log(a[row][k] * a[k][column]);
  const consistentValue = Math.exp(logSum / (n - 2));
  const suggestedValue = nearestJudgement(consistentValue);
  const changed = a.map((r) => [...r]);
  changed[row][column] = suggestedValue;
  changed[column][row] = 1 / suggestedValue;
  return { row, column, value: a[row][column], consistentValue, suggestedValue, deviation: best.deviation, crIfChanged: weightsAndRatio(changed).cr };
}

/** The judgement of Saaty's scale nearest to v on a log scale. */
export function nearestJudgement(v: number): number {
  let best = 1;
  for (const s of SAATY_SCALE) if (Math.abs(Math.log(s / v)) < Math.abs(Math.log(best / v))) best = s;
  return best;
}

/** 3, 1/3, 2.5, 0.37: reciprocals of whole numbers as fractions, as users enter them. */
export function formatJudgement(v: number): string {
  if (!Number.isFinite(v) || v <= 0) return String(v);
  const whole = (x: number) => Math.abs(x - Math.round(x)) < 1e-6 * x;
  if (v >= 1) return whole(v) ? String(Math.round(v)) : v.toFixed(2);
  return whole(1 / v) ? `1/${Math.round(1 / v)}` : v.toFixed(2);
}

function explain(r: AhpResult, names: readonly LocalizedText[] | undefined): LocalizedText {
  const cr = r.cr.toFixed(3);
  const head = {
    en: `These judgements are not consistent enough to use: the consistency ratio is ${cr} (λmax ${r.lambdaMax.toFixed(3)}, CI ${r.ci.toFixed(3)}, RI ${r.ri}); it must be below ${CONSISTENCY_LIMIT}.`,
    zh: `这些判断的一致性不足，无法使用：一致性比率 CR = ${cr}（λmax = ${r.lambdaMax.toFixed(3)}，CI = ${r.ci.toFixed(3)}，RI = ${r.ri}），须小于 ${CONSISTENCY_LIMIT}。`,
  };
  const p = r.mostInconsistent;
  if (!p) return head;
  const a = nameOf(names, p.row);
  const b = nameOf(names, p.column);
  return {
    en: `${head.en} The judgement that fits the others worst is “${a.en}” against “${b.en}”: ${formatJudgement(p.value)}, while the other judgements imply about ${formatJudgement(p.consistentValue)}. Setting it to ${formatJudgement(p.suggestedValue)} would give a consistency ratio of ${p.crIfChanged.toFixed(3)}.`,
    zh: `${head.zh}与其他判断最不一致的是“${a.zh}”相对于“${b.zh}”：当前为 ${formatJudgement(p.value)}，而其他判断隐含的值约为 ${formatJudgement(p.consistentValue)}。改为 ${formatJudgement(p.suggestedValue)} 后一致性比率为 ${p.crIfChanged.toFixed(3)}。`,
  };
}

// ——— the hierarchy ———

/** One matrix per criterion node, keyed by the node's key, over its children in order. */
export type AhpMatrices = Readonly<Record<string, PairwiseMatrix>>;

/**
 * Default judgements, each consistent (CR < 0.1), for the relationship-value hierarchy:
 * - relationship value: current value moderately-to-equally more important than potential (2): exit
 *   management asks first whether the relationship pays today; potential can redeem it, not outweigh it.
 * - current: unit profit, quantity and service cost alike (1): the contribution is profit × quantity −
 *   cost, and each of the three moves it as much.
 * - potential: loyalty over development potential (2) and over elasticity (3), development over
 *   elasticity (2): observed behaviour first, then growth, then the indirect value (CR 0.008).
 * - loyalty: repeat purchases over the price premium (2): behaviour is measured, the premium inferred.
 * - development: value-added purchases over income growth (2): buying more is the customer's growth
 *   reaching us; income is a customer's figure that may not.
 * - elasticity: word of mouth over innovation (2): referrals bring revenue directly.
 */
export const DEFAULT_AHP_MATRICES: AhpMatrices = Object.freeze({
  relationshipValue: [
    [1, 2],
    [1 / 2, 1],
  ],
  current: [
    [1, 1, 1],
    [1, 1, 1],
    [1, 1, 1],
  ],
  potential: [
    [1, 2, 3],
    [1 / 2, 1, 2],
    [1 / 3, 1 / 2, 1],
  ],
  loyalty: [
    [1, 1 / 2],
    [2, 1],
  ],
  development: [
    [1, 1 / 2],
    [2, 1],
  ],
  elasticity: [
    [1, 2],
    [1 / 2, 1],
  ],
});

export interface NodeWeight {
  key: string;
  label: LocalizedText;
  /** The parent's key (null at the root). */
  parent: string | null;
  /** Weight among its siblings (1 at the root). */
  local: number;
  /** Product of the local weights from the root down: its share of the whole. */
  global: number;
  /** A criterion's own matrix result. */
  result?: AhpResult;
}

export interface HierarchyWeights {
  /** Every node, parents before children, children in order. */
  nodes: NodeWeight[];
  /** The leaves' keys, in order, and their global weights (summing to 1). */
  leafKeys: string[];
  leafWeights: Float64Array;
}

export interface HierarchyOptions {
  tolerance?: number;
  /** Throw AhpInconsistentError for a node with CR ≥ 0.1 (default true); false reports it in `result`. */
  refuseInconsistent?: boolean;
}

/** Global weights: the local weights of every criterion's matrix, multiplied down the tree. */
export function evaluateHierarchy(root: RelationshipNode, matrices: AhpMatrices, options: HierarchyOptions = {}): HierarchyWeights {
  const refuse = options.refuseInconsistent ?? true;
  const nodes: NodeWeight[] = [];
  const leafKeys: string[] = [];
  const leafWeights: number[] = [];
  const visit = (node: RelationshipNode, parent: string | null, local: number, global: number) => {
    const entry: NodeWeight = { key: node.key, label: node.label, parent, local, global };
    nodes.push(entry);
    const children = node.children ?? [];
    if (children.length === 0) {
      leafKeys.push(node.key);
      leafWeights.push(global);
      return;
    }
    const matrix = matrices[node.key];
    if (!matrix)
      throw new AhpMatrixError({ en: `No comparison matrix for “${node.label.en}”.`, zh: `“${node.label.zh}”缺少判断矩阵。` }, undefined, node.key);
    if (matrix.length !== children.length)
      throw new AhpMatrixError(
        { en: `The matrix for “${node.label.en}” is ${matrix.length} × ${matrix.length}; it has ${children.length} items to compare.`, zh: `“${node.label.zh}”的判断矩阵为 ${matrix.length} × ${matrix.length} 阶，但其下有 ${children.length} 项需比较。` },
        undefined,
        node.key,
      );
    let result: AhpResult;
    try {
      result = ahpWeights(matrix, { names: children.map((c) => c.label), tolerance: options.tolerance });
    } catch (error) {
      if (error instanceof AhpMatrixError) throw new AhpMatrixError(inNode(node, error.text), error.cell, node.key);
      throw error;
    }
    if (!result.consistent && refuse) {
      result.explanation = inNode(node, result.explanation!);
      throw new AhpInconsistentError(result, node.key);
    }
    entry.result = result;
    children.forEach((child, k) => visit(child, node.key, result.weights[k], global * result.weights[k]));
  };
  visit(root, null, 1, 1);
  return { nodes, leafKeys, leafWeights: Float64Array.from(leafWeights) };
}

function inNode(node: RelationshipNode, text: LocalizedText): LocalizedText {
  return { en: `${node.label.en}: ${text.en}`, zh: `${node.label.zh}：${text.zh}` };
}

/** The nine factors' global weights, in RELATIONSHIP_FACTORS order (default: the default judgements). */
export function relationshipFactorWeights(matrices: AhpMatrices = DEFAULT_AHP_MATRICES, options: HierarchyOptions = {}): Float64Array {
  const { leafKeys, leafWeights } = evaluateHierarchy(RELATIONSHIP_HIERARCHY, matrices, options);
  return Float64Array.from(RELATIONSHIP_FACTOR_KEYS, (key) => {
    const k = leafKeys.indexOf(key);
    if (k < 0) throw new RangeError(`the hierarchy has no factor ${key}`);
    return leafWeights[k];
  });
}

/** Σ global weight × normalised factor for each row (rows normalised to [0, 1], higher is better). */
export function ahpScores(normalisedRows: readonly ArrayLike<number>[], weights: ArrayLike<number>): Float64Array {
  return Float64Array.from(normalisedRows, (row, i) => {
    if (row.length !== weights.length) throw new RangeError(`row ${i} has ${row.length} factors, ${weights.length} weights`);
    let s = 0;
    for (let j = 0; j < weights.length; j++) s += weights[j] * row[j];
    return s;
  });
}

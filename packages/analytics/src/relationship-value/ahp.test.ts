import { describe, expect, it } from 'vitest';
import {
  ahpScores,
  ahpWeights,
  AhpInconsistentError,
  AhpMatrixError,
  checkConsistency,
  DEFAULT_AHP_MATRICES,
  evaluateHierarchy,
  formatJudgement,
  nearestJudgement,
  principalEigenvector,
  relationshipFactorWeights,
  SAATY_RANDOM_INDEX,
  validatePairwiseMatrix,
  type PairwiseMatrix,
} from './ahp.js';
import { RELATIONSHIP_FACTOR_KEYS, RELATIONSHIP_HIERARCHY } from './factors.js';

/** a_ij = w_i / w_j: perfectly consistent. */
const fromWeights = (w: number[]): number[][] => w.map((wi) => w.map((wj) => wi / wj));
const r = (v: number) => 1 / v;

// Published matrices with their published principal eigenvectors (3 decimals) and, where given, λmax and CR.
const textbook: { source: string; matrix: PairwiseMatrix; weights: number[]; lambdaMax?: number; ci?: number; cr?: number }[] = [
  {
    // Saaty 1977, J. Math. Psychology 15, and Saaty 1980, The Analytic Hierarchy Process, §2: relative wealth
    // of nations (US, USSR, China, France, UK, Japan, West Germany); λmax = 7.61
    source: 'Saaty 1980, wealth of nations',
    matrix: [
      [1, 4, 9, 6, 6, 5, 5],
      [r(4), 1, 7, 5, 5, 3, 4],
      [r(9), r(7), 1, r(5), r(5), r(7), r(5)],
      [r(6), r(5), 5, 1, 1, r(3), r(3)],
      [r(6), r(5), 5, 1, 1, r(3), r(3)],
      [r(5), r(3), 7, 3, 3, 1, 2],
      [r(5), r(4), 5, 3, 3, r(2), 1],
    ],
    weights: [0.427, 0.23, 0.021, 0.052, 0.052, 0.123, 0.094],
    lambdaMax: 7.61,
  },
  {
    // Saaty 1990, "How to make a decision: the analytic hierarchy process", EJOR 48, Table 2: criteria for
    // buying a house (size, transportation, neighbourhood, age, yard, modern facilities, general condition,
    // financing); λmax = 9.669, C.I. = 0.238, C.R. = 0.169
    source: 'Saaty 1990, buying a house',
    matrix: [
      [1, 5, 3, 7, 6, 6, r(3), r(4)],
      [r(5), 1, r(3), 5, 3, 3, r(5), r(7)],
      [r(3), 3, 1, 6, 3, 4, 6, r(5)],
      [r(7), r(5), r(6), 1, r(3), r(4), r(7), r(8)],
      [r(6), r(3), r(3), 3, 1, r(2), r(5), r(6)],
      [r(6), r(3), r(4), 4, 2, 1, r(5), r(6)],
      [3, 5, r(6), 7, 5, 5, 1, r(2)],
      [4, 7, 5, 8, 6, 6, 2, 1],
    ],
    weights: [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333],
    lambdaMax: 9.669,
    ci: 0.238,
    cr: 0.169,
  },
  {
    // Saaty 2008, "Decision making with the analytic hierarchy process", Int. J. Services Sciences 1(1),
    // Table 2: which drink is consumed more in the US (coffee, wine, tea, beer, sodas, milk, water)
    source: 'Saaty 2008, drink consumption',
    matrix: [
      [1, 9, 5, 2, 1, 1, r(2)],
      [r(9), 1, r(3), r(9), r(9), r(9), r(9)],
      [r(5), 3, 1, r(3), r(4), r(3), r(9)],
      [r(2), 9, 3, 1, r(2), 1, r(3)],
      [1, 9, 4, 2, 1, 2, r(2)],
      [1, 9, 3, 1, r(2), 1, r(3)],
      [2, 9, 9, 3, 2, 3, 1],
    ],
    weights: [0.177, 0.019, 0.042, 0.116, 0.19, 0.129, 0.327],
  },
];

/** det(A − λI) by Gaussian elimination with partial pivoting: written here, independent of the model. */
function characteristic(a: PairwiseMatrix, lambda: number): number {
  const n = a.length;
  const m = a.map((row, i) => row.map((v, j) => v - (i === j ? lambda : 0)));
  let det = 1;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(m[i][c]) > Math.abs(m[p][c])) p = i;
    if (m[p][c] === 0) return 0;
    if (p !== c) {
      [m[p], m[c]] = [m[c], m[p]];
      det = -det;
    }
    det *= m[c][c];
    for (let i = c + 1; i < n; i++) {
      const f = m[i][c] / m[c][c];
      for (let j = c; j < n; j++) m[i][j] -= f * m[c][j];
    }
  }
  return det;
}

describe('AHP weights on textbook matrices', () => {
  for (const t of textbook)
    it(`${t.source}: the published weights to 3 decimals${t.cr ? ', λmax, CI and CR' : ''}`, () => {
      const result = ahpWeights(t.matrix);
      console.log(`${t.source}: w = ${[...result.weights].map((w) => w.toFixed(3)).join(' ')}, λmax ${result.lambdaMax.toFixed(3)}, CI ${result.ci.toFixed(3)}, CR ${result.cr.toFixed(3)}`);
      t.weights.forEach((w, i) => expect(Math.abs(result.weights[i] - w)).toBeLessThanOrEqual(0.0005 + 1e-9));
      if (t.lambdaMax) expect(result.lambdaMax).toBeCloseTo(t.lambdaMax, t.lambdaMax.toString().split('.')[1].length);
      if (t.ci) expect(result.ci).toBeCloseTo(t.ci, 3);
      if (t.cr) expect(result.cr).toBeCloseTo(t.cr, 3);
      expect(result.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    });

  it('the eigenvector, checked by brute force: A·w = λmax·w, and λmax is the largest real root of det(A − λI)', () => {
    for (const t of textbook) {
      const { vector, lambdaMax } = principalEigenvector(t.matrix);
      const n = t.matrix.length;
      for (let i = 0; i < n; i++) {
        const aw = t.matrix[i].reduce((s, a, j) => s + a * vector[j], 0);
        expect(Math.abs(aw - lambdaMax * vector[i])).toBeLessThan(1e-12);
      }
      // det changes sign across λmax and not between λmax and n · 9 (no larger real eigenvalue)
      const scale = Math.abs(characteristic(t.matrix, lambdaMax + 1));
      expect(Math.sign(characteristic(t.matrix, lambdaMax - 1e-6)) * Math.sign(characteristic(t.matrix, lambdaMax + 1e-6))).toBe(-1);
      expect(Math.abs(characteristic(t.matrix, lambdaMax)) / scale).toBeLessThan(1e-8);
      const sign = Math.sign(characteristic(t.matrix, lambdaMax + 1e-3));
      for (let lambda = lambdaMax + 1e-3; lambda < 9 * n; lambda += 0.01) expect(Math.sign(characteristic(t.matrix, lambda))).toBe(sign);
    }
  });

  it('a perfectly consistent matrix built from known weights gives them back, λmax = n and CR = 0', () => {
    for (const w of [
      [0.5, 0.3, 0.2],
      [0.4, 0.3, 0.2, 0.1],
      [0.05, 0.15, 0.25, 0.35, 0.2],
    ]) {
      const result = checkConsistency(fromWeights(w));
      w.forEach((wi, i) => expect(result.weights[i]).toBeCloseTo(wi, 12));
      expect(result.lambdaMax).toBeCloseTo(w.length, 12);
      expect(result.ci).toBeLessThan(1e-12);
      expect(result.cr).toBeLessThan(1e-12);
      expect(result.consistent).toBe(true);
    }
  });

  it("uses Saaty's random index (n = 1 … 10) and calls orders 1 and 2 consistent", () => {
    expect(SAATY_RANDOM_INDEX).toEqual([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]);
    expect(ahpWeights([[1]]).weights[0]).toBe(1);
    const two = ahpWeights([
      [1, 3],
      [r(3), 1],
    ]);
    expect([...two.weights].map((w) => +w.toFixed(12))).toEqual([0.75, 0.25]);
    expect(two.cr).toBe(0);
    expect(two.mostInconsistent).toBeNull();
    // 3 × 3 textbook: CR = CI / 0.58
    const three = ahpWeights([
      [1, 3, 5],
      [r(3), 1, 3],
      [r(5), r(3), 1],
    ]);
    expect(three.cr).toBeCloseTo(three.ci / 0.58, 14);
    expect([...three.weights].map((w) => +w.toFixed(3))).toEqual([0.637, 0.258, 0.105]);
  });
});

describe('consistency check', () => {
  const names = ['Profit', 'Quantity', 'Cost', 'Loyalty'].map((en, i) => ({ en, zh: ['利润', '数量', '成本', '忠诚'][i] }));

  it('refuses CR ≥ 0.1, naming the most inconsistent pair and a consistent value for it, in both languages', () => {
    // consistent from (0.4, 0.3, 0.2, 0.1), then Profit vs Cost turned round: 2 → 1/5
    const a = fromWeights([0.4, 0.3, 0.2, 0.1]);
    a[0][2] = r(5);
    a[2][0] = 5;
    let error: unknown;
    try {
      checkConsistency(a, { names });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AhpInconsistentError);
    const e = error as AhpInconsistentError;
    const result = e.result;
    console.log(`reversed judgement: CR ${result.cr.toFixed(3)}; ${e.text.en}\n${e.text.zh}`);
    expect(result.cr).toBeGreaterThanOrEqual(0.1);
    // read as "Cost over Profit: 5"
    expect(result.mostInconsistent).toMatchObject({ row: 2, column: 0, value: 5 });
    expect(e.cell).toEqual({ row: 2, column: 0 });
    // the other judgements still say Profit = 2 × Cost, via Quantity (4/3 · 3/2) and via Loyalty (4 · 1/2):
    // Cost over Profit is 1/2, and setting it back makes the matrix consistent again
    expect(result.mostInconsistent!.consistentValue).toBeCloseTo(0.5, 12);
    expect(result.mostInconsistent!.suggestedValue).toBe(r(2));
    expect(result.mostInconsistent!.crIfChanged).toBeLessThan(1e-12);
    expect(e.text.en).toContain('imply about 1/2. Setting it to 1/2 would give a consistency ratio of 0.000');
    expect(result.mostInconsistent!.crIfChanged).toBeLessThan(0.1);
    expect(e.text.en).toContain('“Cost” against “Profit”');
    expect(e.text.zh).toContain('“成本”相对于“利润”');
    expect(e.text.en).toContain(result.cr.toFixed(3));
    // ahpWeights reports the same without throwing
    expect(ahpWeights(a, { names }).explanation).toEqual(e.text);
  });

  it('the Saaty 1990 house criteria (CR 0.169) are refused', () => {
    expect(() => checkConsistency(textbook[1].matrix)).toThrow(AhpInconsistentError);
  });

  it('validates the matrix and names the offending cell', () => {
    const good = fromWeights([0.5, 0.3, 0.2]).map((row) => row.map((v) => nearestJudgement(v)));
    const bad = (edit: (m: number[][]) => void) => {
      const m = good.map((row) => [...row]);
      edit(m);
      try {
        validatePairwiseMatrix(m, { names: names.slice(0, 3) });
      } catch (e) {
        return e as AhpMatrixError;
      }
      throw new Error('accepted');
    };
    const notReciprocal = bad((m) => (m[2][1] = 3));
    expect(notReciprocal).toBeInstanceOf(AhpMatrixError);
    expect(notReciprocal.cell).toEqual({ row: 2, column: 1 });
    expect(notReciprocal.text.en).toContain('row “Cost”, column “Quantity”');
    expect(notReciprocal.text.zh).toContain('第 3 行“成本”');
    expect(bad((m) => (m[0][1] = 0)).cell).toEqual({ row: 0, column: 1 });
    expect(bad((m) => (m[1][1] = 2)).cell).toEqual({ row: 1, column: 1 });
    expect(bad((m) => ((m[0][2] = 12), (m[2][0] = 1 / 12))).text.en).toContain('outside Saaty');
    expect(bad((m) => m[1].pop()).cell).toEqual({ row: 1, column: 0 });
    expect(() => validatePairwiseMatrix(Array.from({ length: 11 }, () => new Array(11).fill(1)))).toThrow(/at most 10/);
    // 0.333 for 1/3 is within the tolerance
    expect(() =>
      validatePairwiseMatrix([
        [1, 3],
        [0.333, 1],
      ]),
    ).not.toThrow();
  });

  it('formats and rounds judgements as users enter them', () => {
    expect([3, r(3), 2.5, 0.37].map(formatJudgement)).toEqual(['3', '1/3', '2.50', '0.37']);
    expect([0.47, 1.3, 2.9, 20].map(nearestJudgement)).toEqual([r(2), 1, 3, 9]);
  });
});

describe('the relationship-value hierarchy', () => {
  it('the default judgements are all consistent and the global weights are the products of the local ones', () => {
    const h = evaluateHierarchy(RELATIONSHIP_HIERARCHY, DEFAULT_AHP_MATRICES);
    for (const node of h.nodes) if (node.result) expect(node.result.cr).toBeLessThan(0.1);
    expect(h.leafKeys).toEqual(RELATIONSHIP_FACTOR_KEYS);
    expect(h.leafWeights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    const local = (key: string) => h.nodes.find((n) => n.key === key)!.local;
    for (const node of h.nodes) {
      let product = 1;
      for (let k: string | null = node.key; k !== null; k = h.nodes.find((n) => n.key === k)!.parent) product *= local(k);
      expect(node.global).toBeCloseTo(product, 14);
    }
    // by hand: current 2/3 shared equally by three factors; repeat purchases 1/3 · w_loyalty · 2/3
    const w = relationshipFactorWeights();
    expect(w[0]).toBeCloseTo(2 / 9, 12);
    expect(w[2]).toBeCloseTo(2 / 9, 12);
    expect(w[4]).toBeCloseTo((1 / 3) * local('loyalty') * (2 / 3), 12);
    expect(local('loyalty')).toBeCloseTo(0.54, 2);
    console.log(`default factor weights: ${RELATIONSHIP_FACTOR_KEYS.map((k, j) => `${k} ${w[j].toFixed(3)}`).join(', ')}`);
  });

  it('refuses an inconsistent node, naming it', () => {
    const matrices = {
      ...DEFAULT_AHP_MATRICES,
      potential: [
        [1, 9, r(9)],
        [r(9), 1, 9],
        [9, r(9), 1],
      ],
    };
    let error: unknown;
    try {
      evaluateHierarchy(RELATIONSHIP_HIERARCHY, matrices);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AhpInconsistentError);
    expect((error as AhpInconsistentError).node).toBe('potential');
    expect((error as AhpInconsistentError).text.en).toMatch(/^Potential value: /);
    expect((error as AhpInconsistentError).text.zh).toMatch(/^潜在价值：/);
    // reported, not thrown, on request
    const h = evaluateHierarchy(RELATIONSHIP_HIERARCHY, matrices, { refuseInconsistent: false });
    expect(h.nodes.find((n) => n.key === 'potential')!.result!.consistent).toBe(false);
    // a missing matrix or one of the wrong order
    const { loyalty: _, ...missing } = DEFAULT_AHP_MATRICES;
    expect(() => evaluateHierarchy(RELATIONSHIP_HIERARCHY, missing)).toThrow(/No comparison matrix for “Loyalty”/);
    expect(() => evaluateHierarchy(RELATIONSHIP_HIERARCHY, { ...DEFAULT_AHP_MATRICES, current: [[1]] })).toThrow(/1 × 1; it has 3/);
  });

  it('scores a customer as Σ global weight × normalised factor', () => {
    const w = relationshipFactorWeights();
    const best = new Array(9).fill(1);
    const worst = new Array(9).fill(0);
    const onlyCurrent = [1, 1, 1, 0, 0, 0, 0, 0, 0];
    expect([...ahpScores([best, worst, onlyCurrent], w)].map((s) => +s.toFixed(12))).toEqual([1, 0, +(2 / 3).toFixed(12)]);
  });
});

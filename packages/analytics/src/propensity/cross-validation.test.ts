import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../segments/test-helpers.js';
import { accuracy, brierScore, crossValidate, foldCount, logLoss, rocAuc, stratifiedFolds } from './cross-validation.js';

/** AUC by definition: over every (positive, negative) pair, 1 if the positive scores higher, ½ on a tie. */
function pairwiseAuc(y: number[], score: number[]): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 1) continue;
    for (let j = 0; j < y.length; j++) {
      if (y[j] !== 0) continue;
      pairs++;
      wins += score[i] > score[j] ? 1 : score[i] === score[j] ? 0.5 : 0;
    }
  }
  return wins / pairs;
}

describe('cross-validation measures', () => {
  it('AUC equals the brute-force pairwise count, with many ties', () => {
    const random = mulberry32(5);
    for (let trial = 0; trial < 20; trial++) {
      const n = 50 + trial * 10;
      const y = Array.from({ length: n }, () => (random() < 0.3 ? 1 : 0));
      // scores rounded to a few values: ties across and within classes
      const score = y.map((label) => Math.round((random() + 0.3 * label) * 6) / 6);
      expect(rocAuc(y, score)).toBeCloseTo(pairwiseAuc(y, score), 12);
    }
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4])).toBe(1);
    expect(rocAuc([0, 1], [0.5, 0.5])).toBe(0.5);
    expect(rocAuc([1, 1], [0.5, 0.2])).toBeNaN();
  });

  it('accuracy, log-loss and Brier score by hand', () => {
    const y = [1, 0, 1, 0];
    const p = [0.9, 0.2, 0.4, 0.6];
    expect(accuracy(y, p)).toBe(0.5);
    expect(logLoss(y, p)).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8) + Math.log(0.4) + Math.log(0.4)) / 4, 14);
    expect(brierScore(y, p)).toBeCloseTo((0.01 + 0.04 + 0.36 + 0.36) / 4, 14);
    expect(Number.isFinite(logLoss([1], [0]))).toBe(true);
  });

  it('stratified folds keep the class ratio in every fold, balance sizes, and repeat with the seed', () => {
    const random = mulberry32(9);
    const y = Array.from({ length: 1003 }, (): number => (random() < 0.2 ? 1 : 0));
    const positives = y.reduce((s, v) => s + v, 0);
    const folds = stratifiedFolds(y, 5, 42);
    expect(foldCount(folds)).toBe(5);
    const sizes = [0, 0, 0, 0, 0];
    const pos = [0, 0, 0, 0, 0];
    folds.forEach((f, i) => {
      sizes[f]++;
      pos[f] += y[i];
    });
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const p of pos) expect([Math.floor(positives / 5), Math.ceil(positives / 5)]).toContain(p);
    expect(stratifiedFolds(y, 5, 42)).toEqual(folds);
    expect(stratifiedFolds(y, 5, 43)).not.toEqual(folds);
    expect(() => stratifiedFolds([1, 1, 0, 0, 0, 0, 0], 5)).toThrow(/only 2 rows of class 1/);
  });

  it('out-of-fold predictions come from models that did not see the row', () => {
    const y = Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? 1 : 0));
    const folds = stratifiedFolds(y, 5, 1);
    const seen: number[] = [];
    const cv = crossValidate(y, folds, (train, test, fold) => {
      for (const i of test) expect(folds[i]).toBe(fold);
      for (const i of train) expect(folds[i]).not.toBe(fold);
      seen.push(...test);
      return Float64Array.from(test, (i) => (y[i] ? 0.8 : 0.3));
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(cv.auc).toBe(1);
    expect(cv.folds.map((f) => f.positives)).toEqual([2, 2, 2, 2, 2]);
    expect(cv.outOfFold[0]).toBe(0.8);
  });
});

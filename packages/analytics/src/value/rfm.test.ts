import { describe, expect, it } from 'vitest';
import { quintileScores } from './quintile-score.js';
import { RFM_SEGMENT_GRID, rfmAnalysis, rfmSegment, type RfmSegment } from './rfm.js';

describe('quintile scores (mid-rank tie rule)', () => {
  it('five distinct values score 1…5; ten score two per quintile', () => {
    expect(Array.from(quintileScores([10, 30, 20, 50, 40], 'higher-is-better'))).toEqual([1, 3, 2, 5, 4]);
    expect(Array.from(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'higher-is-better'))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('lower-is-better reverses the order (recency: fewer days is better)', () => {
    expect(Array.from(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'lower-is-better'))).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('ties share the score of their mid-rank', () => {
    // 2,2,2 hold ranks 2–4 → mid-rank 3 → 1 + ⌊5·2.5/10⌋ = 2
    expect(Array.from(quintileScores([1, 2, 2, 2, 3, 4, 5, 6, 7, 8], 'higher-is-better'))).toEqual([1, 2, 2, 2, 3, 3, 4, 4, 5, 5]);
    // two halves: mid-ranks 3 and 8 → 2 and 4
    expect(Array.from(quintileScores([0, 1, 0, 1, 0, 1, 0, 1, 0, 1], 'higher-is-better'))).toEqual([2, 4, 2, 4, 2, 4, 2, 4, 2, 4]);
  });

  it('a single customer, or everyone equal, scores 3; no customers, no scores', () => {
    expect(Array.from(quintileScores([42], 'higher-is-better'))).toEqual([3]);
    expect(Array.from(quintileScores([7, 7, 7, 7, 7, 7], 'lower-is-better'))).toEqual([3, 3, 3, 3, 3, 3]);
    expect(quintileScores([], 'higher-is-better')).toHaveLength(0);
  });

  it('does not depend on input order', () => {
    const values = [5, 3, 3, 9, 1, 3, 8, 8, 2, 7, 6, 6, 4];
    const scores = quintileScores(values, 'higher-is-better');
    const reversed = quintileScores([...values].reverse(), 'higher-is-better');
    expect(Array.from(reversed).reverse()).toEqual(Array.from(scores));
  });
});

describe('RFM segment grid', () => {
  it('assigns every one of the 25 R×FM cells to exactly one of the eleven segments', () => {
    const seen = new Set<RfmSegment>();
    for (let r = 1; r <= 5; r++) for (let fm = 1; fm <= 5; fm++) seen.add(rfmSegment(r, fm));
    expect(seen.size).toBe(11);
    expect(RFM_SEGMENT_GRID.flat()).toHaveLength(25);
  });

  it.each([
    [5, 5, 'champions'],
    [5, 4, 'champions'],
    [4, 5, 'loyal'],
    [3, 4, 'loyal'],
    [5, 3, 'potential-loyalists'],
    [5, 1, 'new-customers'],
    [4, 1, 'promising'],
    [3, 3, 'need-attention'],
    [3, 1, 'about-to-sleep'],
    [2, 4, 'at-risk'],
    [1, 5, 'cannot-lose-them'],
    [2, 2, 'hibernating'],
    [1, 1, 'lost'],
  ] as const)('R=%i, FM=%i → %s', (r, fm, segment) => {
    expect(rfmSegment(r, fm)).toBe(segment);
  });

  it('rejects scores outside 1–5', () => {
    expect(() => rfmSegment(0, 3)).toThrow(RangeError);
    expect(() => rfmSegment(3, 6)).toThrow(RangeError);
  });
});

describe('RFM analysis from transactions', () => {
  const tx = (customerId: string, date: string, amount: number) => ({ customerId, date, amount });

  it('scores five clearly ordered customers 1…5 on each axis', () => {
    const transactions = [
      ...['2024-03-26', '2024-03-27', '2024-03-28', '2024-03-29', '2024-03-30'].map((d) => tx('A', d, 100)),
      ...['2024-03-18', '2024-03-19', '2024-03-20', '2024-03-21'].map((d) => tx('B', d, 100)),
      ...['2024-02-28', '2024-02-29', '2024-03-01'].map((d) => tx('C', d, 100)),
      ...['2024-01-30', '2024-01-31'].map((d) => tx('D', d, 100)),
      tx('E', '2024-01-01', 100),
      tx('E', '2024-04-05', 1000), // after the reference date: ignored
    ];
    const result = rfmAnalysis(transactions, { referenceDate: '2024-03-31' });
    expect(result.map((c) => [c.customerId, c.recencyDays, c.frequency, c.monetary, c.r, c.f, c.m, c.segment])).toEqual([
      ['A', 1, 5, 500, 5, 5, 5, 'champions'],
      ['B', 10, 4, 400, 4, 4, 4, 'loyal'],
      ['C', 30, 3, 300, 3, 3, 3, 'need-attention'],
      ['D', 60, 2, 200, 2, 2, 2, 'hibernating'],
      ['E', 90, 1, 100, 1, 1, 1, 'lost'],
    ]);
  });

  it('handles ties (hand-computed)', () => {
    // recency [1, 1, 5, 9] → R [4, 4, 2, 1]; frequency [2, 2, 2, 1] → F [4, 4, 4, 1];
    // monetary [10, 20, 20, 30] → M [1, 3, 3, 5]; FM = ⌈(F+M)/2⌉ = [3, 4, 4, 3].
    const transactions = [
      tx('c1', '2024-03-01', 4),
      tx('c1', '2024-03-30', 6),
      tx('c2', '2024-02-15', 10),
      tx('c2', '2024-03-30', 10),
      tx('c3', '2024-01-10', 5),
      tx('c3', '2024-03-26', 15),
      tx('c4', '2024-03-22', 30),
    ];
    const result = rfmAnalysis(transactions, { referenceDate: '2024-03-31' });
    expect(result.map((c) => [c.customerId, c.recencyDays, c.r, c.f, c.m, c.fm, c.segment])).toEqual([
      ['c1', 1, 4, 4, 1, 3, 'potential-loyalists'],
      ['c2', 1, 4, 4, 3, 4, 'loyal'],
      ['c3', 5, 2, 4, 3, 4, 'at-risk'],
      ['c4', 9, 1, 1, 5, 3, 'at-risk'],
    ]);
  });

  it('a single customer, or identical customers, are in the middle: need attention', () => {
    const single = rfmAnalysis([tx('only', '2024-03-01', 50)], { referenceDate: '2024-03-31' });
    expect(single).toEqual([
      { customerId: 'only', recencyDays: 30, frequency: 1, monetary: 50, r: 3, f: 3, m: 3, fm: 3, segment: 'need-attention' },
    ]);
    const same = rfmAnalysis(['x', 'y', 'z'].map((id) => tx(id, '2024-03-01', 50)), { referenceDate: '2024-03-31' });
    expect(same.map((c) => c.segment)).toEqual(['need-attention', 'need-attention', 'need-attention']);
  });

  it('monetary can be the mean value per transaction', () => {
    const [c] = rfmAnalysis([tx('a', '2024-03-01', 10), tx('a', '2024-03-02', 30)], { referenceDate: '2024-03-31', monetary: 'mean' });
    expect(c.monetary).toBe(20);
  });
});

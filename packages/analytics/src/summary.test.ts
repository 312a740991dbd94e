import { describe, expect, it } from 'vitest';
import { summarizeRepeatBuying } from './summary.js';
import { missingSharedData, readCdnowSample, readCdnowSummary, readCdnowSummaryWithSpend } from '../test/shared-data.js';

describe('repeat-buying summary (lifetimes summary_data_from_transaction_data)', () => {
  const transactions = [
    { customerId: 'a', date: '2024-01-01', amount: 10 },
    { customerId: 'a', date: '2024-01-01T18:00', amount: 5 }, // same day: merged into one transaction of 15
    { customerId: 'a', date: '2024-01-08', amount: 20 },
    { customerId: 'a', date: '2024-01-15', amount: 40 },
    { customerId: 'a', date: '2024-02-01', amount: 99 }, // after the calibration end: ignored
    { customerId: 'b', date: '2024-01-20', amount: 7 },
    { customerId: 'c', date: '2024-01-31', amount: 3 }, // first purchase on the end day: T = 0
  ];

  it('counts distinct days, measures from the first purchase, excludes the first day from z̄', () => {
    const s = summarizeRepeatBuying(transactions, { calibrationEnd: '2024-01-31' });
    expect(s).toEqual([
      { customerId: 'a', x: 2, tx: 14, T: 30, zbar: 30, firstDayValue: 15, firstDay: 19723 },
      { customerId: 'b', x: 0, tx: 0, T: 11, zbar: 0, firstDayValue: 7, firstDay: 19742 },
      { customerId: 'c', x: 0, tx: 0, T: 0, zbar: 0, firstDayValue: 3, firstDay: 19753 },
    ]);
  });

  it('converts to weeks as days / 7', () => {
    const [a] = summarizeRepeatBuying(transactions, { calibrationEnd: '2024-01-31', unit: 'weeks' });
    expect(a.tx).toBeCloseTo(2, 14);
    expect(a.T).toBeCloseTo(30 / 7, 14);
  });

  it('takes Date objects at their UTC date', () => {
    const s = summarizeRepeatBuying(
      [
        { customerId: 1, date: new Date(Date.UTC(2024, 0, 1, 23, 59)), amount: 1 },
        { customerId: 1, date: new Date(Date.UTC(2024, 0, 2, 0, 1)), amount: 1 },
      ],
      { calibrationEnd: new Date(Date.UTC(2024, 0, 10)) },
    );
    expect(s[0]).toMatchObject({ x: 1, tx: 1, T: 9 });
  });
});

const missing = missingSharedData('cdnow/CDNOW_sample.txt', 'cdnow/cdnow_customers_summary.csv', 'cdnow/cdnow_customers_summary_with_transactions.csv');
describe.skipIf(missing !== undefined)(`summary of the raw CDNOW sample${missing ? ` — SKIPPED: ${missing}` : ''}`, () => {
  const summary = missing ? [] : summarizeRepeatBuying(readCdnowSample(), { calibrationEnd: '1997-09-30', unit: 'weeks' });
  const byId = new Map(summary.map((c) => [c.customerId, c]));
  const round2 = (v: number): number => Math.round(v * 100) / 100;

  it('reproduces frequency, recency and T (2 decimals) of cdnow_customers_summary.csv for all 2,357 customers', () => {
    const published = readCdnowSummary();
    expect(published).toHaveLength(2357);
    expect(summary).toHaveLength(2357);
    const mismatches = published.filter((p) => {
      const c = byId.get(p.id);
      return !c || c.x !== p.x || round2(c.tx) !== p.tx || round2(c.T) !== p.T;
    });
    expect(mismatches).toEqual([]);
  });

  it('reproduces z̄ of cdnow_customers_summary_with_transactions.csv to the cent', () => {
    // The CSV rounds half-cents up (18.135 → 18.14); binary floating point holds 18.135 as
    // 18.13499…, so compare within half a cent rather than re-rounding.
    const published = readCdnowSummaryWithSpend();
    const mismatches = published.filter((p) => Math.abs(byId.get(p.id)!.zbar - p.zbar) > 0.005 + 1e-9);
    expect(mismatches).toEqual([]);
  });
});

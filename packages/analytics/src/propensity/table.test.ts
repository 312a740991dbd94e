import { describe, expect, it } from 'vitest';
import { PropensityInputError } from './input-error.js';
import { encodeRows, encodeTable, type ParsedTable } from './table.js';

// a messy export: blanks and NA in numbers, a text category with a blank, thousands separators, a constant
// column, a name column, Chinese yes/no labels, one row without a label
const messy: ParsedTable = {
  header: ['客户', 'Income', 'Region', 'Plan', 'Country', 'Children', '购买'],
  rows: [
    ['张三', '52,000', 'North', 'basic', 'CN', '2', '是'],
    ['李四', '', 'South', 'premium', 'CN', '0', '否'],
    ['王五', '61000', ' North ', 'basic', 'CN', '1', '是'],
    ['赵六', 'NA', 'East', 'basic', 'CN', '3', '否'],
    ['钱七', '48000', '', 'premium', 'CN', '', ' 否 '],
    ['孙八', '75000', 'South', 'basic', 'CN', '2', ''],
    ['周九', '39000', 'West', 'premium', 'CN', '0', '是'],
  ],
};

describe('encoding a table for the propensity trainer', () => {
  it('turns a messy table into the expected columns', () => {
    const encoded = encodeTable(messy, { target: '购买', id: '客户' });
    expect(encoded.featureNames).toEqual([
      'Income',
      'Income (missing)',
      // by count: North 2, South 1, (blank) 1, East 1, West 1 → North, then ties by name ((blank) sorts first)
      'Region=North',
      'Region=(blank)',
      'Region=East',
      'Region=South',
      'Region=West',
      // two levels, one column: the rarer one
      'Plan=premium',
      'Children',
      'Children (missing)',
    ]);
    // the row without a label is left out
    expect(encoded.report.rows).toBe(6);
    expect(encoded.report.rowsWithoutTarget).toBe(1);
    expect(Array.from(encoded.y)).toEqual([1, 0, 1, 0, 0, 1]);
    expect(encoded.report.target).toEqual({ column: '购买', positive: '是', negative: '否', positives: 3, negatives: 3 });
    expect(encoded.rowIds).toEqual(['张三', '李四', '王五', '赵六', '钱七', '周九']);
    expect(Array.from(encoded.sourceRows)).toEqual([0, 1, 2, 3, 4, 6]);
    // Income: 52000, 61000, 48000, 39000 → median 50000 for the two blanks
    expect(encoded.X.map((x) => [x[0], x[1]])).toEqual([
      [52000, 0],
      [50000, 1],
      [61000, 0],
      [50000, 1],
      [48000, 0],
      [39000, 0],
    ]);
    // " North " is North; the blank region has its own column
    expect(encoded.X.map((x) => x[2])).toEqual([1, 0, 1, 0, 0, 0]);
    expect(encoded.X.map((x) => x[3])).toEqual([0, 0, 0, 0, 1, 0]);
    expect(encoded.X.map((x) => x[7])).toEqual([0, 1, 0, 0, 1, 1]);
    // Children 2, 0, 1, 3, 0 → median 1
    expect(encoded.X[4][8]).toBe(1);
    expect(encoded.report.dropped.map((d) => [d.column, d.reason])).toEqual([
      ['客户', 'id'],
      ['Country', 'constant'],
    ]);
    expect(encoded.report.numeric.find((n) => n.column === 'Income')).toMatchObject({ missing: 2, median: 50000, missingIndicator: true });
    expect(encoded.report.categorical.find((c) => c.column === 'Plan')).toEqual({ column: 'Plan', levels: 2, encoded: ['premium'], other: false });
    // new rows are encoded the same way (unknown region → no region column set, missing target is fine)
    const again = encodeRows(encoded.columns, ['Region', 'Income', 'Plan'], [['Mars', '1,000', 'premium']]);
    expect(Array.from(again[0])).toEqual([1000, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
  });

  it('reads the usual yes/no labels, a named positive, and keeps at most 20 levels plus "other"', () => {
    const labels = (pos: string, neg: string) => ({
      header: ['x', 'y'],
      rows: Array.from({ length: 6 }, (_, i) => [String(i), i % 2 ? pos : neg]),
    });
    for (const [pos, neg] of [
      ['1', '0'],
      ['Yes', 'no'],
      ['TRUE', 'false'],
      ['y', 'N'],
      ['Churned', 'Stayed'],
      ['是', '否'],
      ['1.0', '0'],
    ]) {
      expect(encodeTable(labels(pos, neg), { target: 'y' }).report.target.positive).toBe(pos);
      expect(encodeTable(labels(neg, pos), { target: 'y' }).report.target.positive).toBe(pos);
    }
    // a pair not recognised needs --positive, which may differ in case
    expect(() => encodeTable(labels('gold', 'silver'), { target: 'y' })).toThrow(/name the positive value/);
    expect(encodeTable(labels('gold', 'silver'), { target: 'y', positive: 'SILVER' }).report.target.positive).toBe('silver');

    const many: ParsedTable = {
      header: ['city', 'bought'],
      rows: Array.from({ length: 300 }, (_, i) => [`c${Math.min(i % 30, i % 45)}`, i % 3 ? 'no' : 'yes']),
    };
    const encoded = encodeTable(many, { target: 'bought' });
    expect(encoded.featureNames).toHaveLength(21);
    expect(encoded.featureNames[20]).toBe('city=(other)');
    expect(encoded.report.categorical[0]).toMatchObject({ levels: 30, other: true });
    const rowSum = encoded.X.map((x) => x.reduce((s, v) => s + v, 0));
    expect(new Set(rowSum)).toEqual(new Set([1]));
  });

  it('drops row numbers, identifiers, names and columns with too many levels, and says why', () => {
    const n = 120;
    const table: ParsedTable = {
      header: ['RowNumber', 'CustomerId', 'Surname', 'City', 'Paid', 'Score', 'Empty', 'Exited'],
      rows: Array.from({ length: n }, (_, i) => [
        String(i + 1),
        String(15_600_000 + i * 37),
        `Name${i}`,
        `City${i % 60}`,
        String(1000 + i * 13),
        String(i % 7),
        '',
        i % 4 ? '0' : '1',
      ]),
    };
    const encoded = encodeTable(table, { target: 'Exited' });
    expect(encoded.report.dropped.map((d) => [d.column, d.reason])).toEqual([
      ['RowNumber', 'row-number'],
      ['CustomerId', 'identifier'],
      ['Surname', 'all-unique'],
      ['City', 'too-many-levels'],
      ['Empty', 'empty'],
    ]);
    // "Paid" is all distinct whole numbers too, but not named like an identifier: kept
    expect(encoded.featureNames).toEqual(['Paid', 'Score']);
    expect(encoded.report.dropped[0].text.zh).toContain('行号');
  });

  it('errors name the field and the problem', () => {
    const err = (table: ParsedTable, options: Parameters<typeof encodeTable>[1]) => {
      try {
        encodeTable(table, options);
      } catch (e) {
        expect(e).toBeInstanceOf(PropensityInputError);
        return e as PropensityInputError;
      }
      throw new Error('no error');
    };
    expect(err({ header: ['a', 'y'], rows: [] }, { target: 'y' })).toMatchObject({ field: 'table', message: 'The table has no rows' });
    const t: ParsedTable = { header: ['a', 'y'], rows: [['1', 'yes'], ['2', 'yes'], ['3', 'maybe'], ['4', 'no']] };
    expect(err(t, { target: 'outcome' })).toMatchObject({ field: 'target', message: 'No column "outcome" in the table; it has: a, y' });
    const notBinary = err(t, { target: 'y' });
    expect(notBinary.field).toBe('target');
    expect(notBinary.message).toBe('The target column "y" is not yes/no: it has 3 different values, e.g. "yes" (2), "maybe" (1), "no" (1)');
    expect(notBinary.text.zh).toContain('不是是/否二值');
    expect(err({ header: ['a', 'y'], rows: [['1', 'yes'], ['2', 'YES'], ['3', '']] }, { target: 'y' })).toMatchObject({ field: 'target', message: expect.stringMatching(/one class only/) });
    expect(err({ header: ['a', 'y'], rows: [['1', 'yes'], ['2', 'no']] }, { target: 'y', positive: 'maybe' })).toMatchObject({ field: 'positive' });
    expect(err({ header: ['a', 'y'], rows: [['1', 'yes'], ['2', 'no']] }, { target: 'y', id: 'y' })).toMatchObject({ field: 'id' });
    expect(err({ header: ['a', 'y'], rows: [['1', 'yes'], ['2', 'no']] }, { target: 'y', id: 'key' })).toMatchObject({ field: 'id' });
  });
});

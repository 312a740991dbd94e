import { describe, expect, it } from 'vitest';
import { CellProblem } from './cell-problem.js';
import { booleanValue, choiceValue, decimalValue, integerValue, keyValue, roundCents, textValue, withinNumeric } from './cell-values.js';

const message = (v: unknown) => (v instanceof CellProblem ? v.message : v);

describe('cell values', () => {
  it('reads decimals with a point, and commas only as thousands separators', () => {
    expect(['6', '-6', '+2.55', '.5', '5.', ' 3.39 ', '1,234.50', '12,345,678', '-1,000'].map(decimalValue)).toEqual([
      6, -6, 2.55, 0.5, 5, 3.39, 1234.5, 12345678, -1000,
    ]);
    expect(message(decimalValue('1,5'))).toBe('"1,5" is not a number: use a point for decimals; commas may only group thousands (1,234.50)');
    expect(message(decimalValue('12,34'))).toMatch(/commas may only group thousands/);
    expect(message(decimalValue('1,234,5'))).toMatch(/commas may only group thousands/);
    for (const bad of ['abc', '1e5', '£3', '1.2.3', '--1', '', '0x10', 'NaN', 'Infinity']) {
      expect(decimalValue(bad), bad).toBeInstanceOf(CellProblem);
    }
  });

  it('reads whole numbers, yes/no and fixed choices', () => {
    expect(integerValue(' 12 ')).toBe(12);
    expect(message(integerValue('1.5'))).toBe('"1.5" is not a whole number');
    expect(['yes', 'NO', 'True', 'false', '1', '0'].map(booleanValue)).toEqual([true, false, true, false, true, false]);
    expect(message(booleanValue('maybe'))).toMatch(/is not yes\/no/);
    expect(choiceValue('Public Interest', ['consumer', 'public_interest'])).toBe('public_interest');
    expect(choiceValue('Organization', ['person', 'organisation'], { organization: 'organisation' })).toBe('organisation');
    expect(message(choiceValue('alien', ['person', 'organisation']))).toBe('"alien" is not one of: person, organisation');
  });

  it('trims identifiers but keeps free text exactly, blanks included', () => {
    expect(keyValue(' 17850 ')).toBe('17850');
    expect(keyValue(' A-1 ', true)).toBe(' A-1 '); // quoted: as written
    expect(keyValue('   ', true)).toBeNull();
    expect(keyValue('   ')).toBeNull();
    expect(keyValue(undefined)).toBeNull();
    expect(textValue('PACK OF 12 HEARTS DESIGN TISSUES ')).toBe('PACK OF 12 HEARTS DESIGN TISSUES ');
    expect(textValue('  ')).toBeNull();
  });

  it('refuses numbers a numeric column cannot hold', () => {
    expect(withinNumeric(99_999_999_999.999, 14, 3)).toBe(99_999_999_999.999);
    expect(message(withinNumeric(100_000_000_000, 14, 3))).toMatch(/too large/);
    expect(message(withinNumeric(99.999, 4, 2))).toMatch(/too large/); // rounds up to 100.00
  });

  it('rounds to cents half away from zero, as PostgreSQL does', () => {
    expect([0.125, -0.125, 0.1 + 0.2, 15.299999999999999, 2.675].map(roundCents)).toEqual([0.13, -0.13, 0.3, 15.3, 2.68]);
  });
});

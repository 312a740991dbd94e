import { describe, expect, it } from 'vitest';
import { CellProblem } from './cell-problem.js';
import { compileDateFormat, DateFormatError, suggestDateFormat, twoDigitYear } from './date-format.js';

const read = (format: string, text: string) => {
  const v = compileDateFormat(format).parse(text);
  return v instanceof CellProblem ? v.message : new Date(v).toISOString();
};

describe('date formats', () => {
  it('reads the spreadsheet format of the Online Retail extract as UTC', () => {
    expect(read('M/D/YY H:mm', '12/1/10 8:26')).toBe('2010-12-01T08:26:00.000Z');
    expect(read('M/D/YY H:mm', '12/13/10 14:16')).toBe('2010-12-13T14:16:00.000Z');
    expect(read('M/D/YY H:mm', ' 1/9/11 0:05 ')).toBe('2011-01-09T00:05:00.000Z');
  });

  it('reads fixed-width formats', () => {
    expect(read('YYYYMMDD', '19970101')).toBe('1997-01-01T00:00:00.000Z');
    expect(read('DD.MM.YYYY HH:mm:ss', '31.12.1999 23:59:58')).toBe('1999-12-31T23:59:58.000Z');
    expect(read('YYYY-MM-DDTHH:mm:ss.SSSZ', '2024-05-01T10:00:00.250+02:00')).toBe('2024-05-01T08:00:00.250Z');
    expect(read('YYYY-MM-DD HH:mm Z', '2024-05-01 10:00 -0130')).toBe('2024-05-01T11:30:00.000Z');
  });

  it('reads ISO 8601 with or without time and offset', () => {
    expect(read('ISO', '2010-12-01')).toBe('2010-12-01T00:00:00.000Z');
    expect(read('iso', '2010-12-01 08:26:00')).toBe('2010-12-01T08:26:00.000Z');
    expect(read('ISO', '2010-12-01T08:26')).toBe('2010-12-01T08:26:00.000Z');
    expect(read('ISO', '2010-12-01T08:26:00.123456Z')).toBe('2010-12-01T08:26:00.123Z');
    expect(read('ISO', '2010-12-01T08:26:00+05:30')).toBe('2010-12-01T02:56:00.000Z');
    expect(read('ISO', '12/1/10')).toMatch(/is not an ISO 8601 date/);
  });

  it('refuses impossible dates instead of rolling them over', () => {
    expect(read('M/D/YY', '2/30/11')).toBe('"2/30/11": February 2011 has no day 30 (it has 28 days)');
    expect(read('M/D/YYYY', '2/29/2000')).toBe('2000-02-29T00:00:00.000Z'); // divisible by 400: leap
    expect(read('M/D/YYYY', '2/29/1900')).toMatch(/February 1900 has no day 29/); // divisible by 100: not leap
    expect(read('M/D/YYYY', '13/1/2000')).toBe('"13/1/2000": there is no month 13');
    expect(read('M/D/YYYY', '4/31/2000')).toMatch(/April 2000 has no day 31 \(it has 30 days\)/);
    expect(read('M/D/YYYY H:mm', '4/30/2000 24:00')).toMatch(/hour 24 is out of range/);
    expect(read('M/D/YYYY H:mm', '4/30/2000 23:60')).toMatch(/minute 60 is out of range/);
    expect(read('YYYYMMDD', '00000101')).toMatch(/there is no year 0/);
  });

  it('refuses values that do not match, naming the format', () => {
    expect(read('M/D/YY H:mm', '2010-12-01 08:26')).toBe('"2010-12-01 08:26" does not match the date format M/D/YY H:mm');
    expect(read('MM/DD/YYYY', '1/02/2010')).toMatch(/does not match/); // MM needs two digits
    expect(read('YYYYMMDD', '1997010')).toMatch(/does not match/);
  });

  it('pivots two-digit years as POSIX strptime: 69–99 → 19xx, 00–68 → 20xx', () => {
    expect([twoDigitYear(0), twoDigitYear(68), twoDigitYear(69), twoDigitYear(99)]).toEqual([2000, 2068, 1969, 1999]);
    expect(read('D/M/YY', '1/1/69')).toBe('1969-01-01T00:00:00.000Z');
    expect(read('D/M/YY', '31/12/68')).toBe('2068-12-31T00:00:00.000Z');
  });

  it('keeps years below 100 as written with YYYY', () => {
    expect(read('YYYY-MM-DD', '0050-03-01')).toBe('0050-03-01T00:00:00.000Z');
  });

  it('refuses formats it cannot read unambiguously', () => {
    const refused = (format: string) => () => compileDateFormat(format);
    expect(refused('')).toThrow(DateFormatError);
    expect(refused('MM/DD/YYYY hh:mm')).toThrow(/Unknown token "hh".*use H or HH/);
    expect(refused('dd/mm/yyyy')).toThrow(/Unknown token "dd"/);
    expect(refused('HH:mm')).toThrow(/needs a year \(YYYY or YY\), a month \(M or MM\), a day \(D or DD\)/);
    expect(refused('YYYY-MM-DD YY')).toThrow(/twice/);
    expect(refused('D/M/YYYY mm')).toThrow(/minutes \(mm\) but no hour/);
  });

  it('suggests a format that reads every sample value, M/D before D/M when both do', () => {
    expect(suggestDateFormat(['12/1/10 8:26', '12/13/10 14:16'])).toBe('M/D/YY H:mm');
    expect(suggestDateFormat(['13/1/2010', '1/2/2010'])).toBe('D/M/YYYY');
    expect(suggestDateFormat(['19970101', '19980630'])).toBe('YYYYMMDD');
    expect(suggestDateFormat(['2010-12-01 08:26:00'])).toBe('ISO');
    expect(suggestDateFormat(['yesterday'])).toBeNull();
    expect(suggestDateFormat([])).toBeNull();
  });
});

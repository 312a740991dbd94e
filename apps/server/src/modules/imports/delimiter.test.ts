import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseDelimiter } from './delimiter.js';

describe('delimiters', () => {
  it('detects comma, semicolon, tab and whitespace layouts', () => {
    expect(detectDelimiter('InvoiceNo,StockCode,Description\n536365,85123A,"WHITE, HANGING"\n536365,71053,LANTERN\n')).toBe('comma');
    expect(detectDelimiter('name;price;city\nA;1,50;"Paris; France"\nB;2,00;Lyon\n')).toBe('semicolon');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('tab');
    expect(detectDelimiter(' customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n 00002 19970112  1   12.00\r\n')).toBe('whitespace');
    expect(detectDelimiter('email\na@b.c\n')).toBe('comma');
  });

  it('keeps a quoted line break inside its record', () => {
    const text = 'id;name;notes\r\n1;"A; B";"line one\r\nline two"\r\n2;C;D\r\n3;E;F\r\n';
    expect(detectDelimiter(text)).toBe('semicolon');
  });

  it('ignores a last record cut short by the end of the sample', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n4,5,6\n7,8', false)).toBe('comma');
  });

  it('accepts names and characters', () => {
    expect([',', 'comma', ';', 'SEMICOLON', 'tab', '\t', '\\t', 'whitespace', 'space'].map(parseDelimiter)).toEqual([
      'comma', 'comma', 'semicolon', 'semicolon', 'tab', 'tab', 'tab', 'whitespace', 'whitespace',
    ]);
    expect(parseDelimiter('|')).toBeNull();
  });
});

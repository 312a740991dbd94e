import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { mineRulesFromFile, readBasketFile } from './rules-files.js';

const repo = fileURLToPath(new URL('../../../../..', import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relata-rules-'));
afterAll(() => fs.rmSync(dir, { recursive: true }));

// 4 baskets; "tea " (with a trailing blank) and "tea" are different items.
const lines = ['milk,bread,tea ', 'milk,bread', 'tea,bread', 'milk,tea '];
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
const lf = write('baskets-lf.csv', lines.join('\n') + '\n');
const crlf = write('baskets-crlf.csv', lines.join('\r\n') + '\r\n');
const orders = write(
  'order-lines.csv',
  ['order,product,qty', ...lines.flatMap((l, i) => l.split(',').map((p) => `o${i + 1},"${p}",1`))].join('\r\n') + '\r\n',
);

describe('mining association rules from a file (relata analytics rules)', () => {
  it('reads one basket per line, labels untrimmed, LF or CRLF alike', () => {
    expect(readBasketFile(crlf)).toEqual(lines.map((l) => l.split(',')));
    expect(readBasketFile(crlf)[0][2]).toBe('tea ');
  });

  it('counts itemsets and rules at support 0.5, confidence 0.6 as worked out by hand', () => {
    // frequent (≥ 2 of 4): milk 3, bread 3, "tea " 2, {milk, bread} 2, {milk, "tea "} 2 — "tea" (1) is not;
    // rules: {} → milk, {} → bread (0.75), milk → bread, bread → milk, milk → "tea " (2/3), "tea " → milk (1)
    const result = mineRulesFromFile({ baskets: crlf, support: 0.5, confidence: 0.6 });
    expect(result).toMatchObject({ baskets: 4, items: 4, minCount: 2, frequentItemsets: 5, rules: 6 });
    expect(result.topRules[0]).toEqual({ lhs: ['tea '], rhs: ['milk'], support: 0.5, confidence: 1, lift: 4 / 3, count: 2 });
    expect(result.topRules[1].lhs).toEqual(['milk']);
    expect(result.topRules[1].rhs).toEqual(['tea ']);
    expect(result.topRules[1].lift).toBeCloseTo(4 / 3, 14);
    expect(result.topRules.slice(2, 4).map((r) => r.lhs)).toEqual([[], []]);
    expect(result.topRules.length).toBe(6);
    expect(mineRulesFromFile({ baskets: crlf, support: '0.5', confidence: '0.6', top: '2' }).topRules.length).toBe(2);
    const { seconds: _a, ...fromLf } = mineRulesFromFile({ baskets: lf, support: 0.5, confidence: 0.6 });
    const { seconds: _b, ...fromCrlf } = result;
    expect(fromLf).toEqual(fromCrlf);
  });

  it('groups order lines into baskets with --transactions --basket --item', () => {
    const { seconds: _a, ...fromLines } = mineRulesFromFile({ transactions: orders, basket: 'order', item: 'product', support: 0.5, confidence: 0.6 });
    const { seconds: _b, ...fromBaskets } = mineRulesFromFile({ baskets: lf, support: 0.5, confidence: 0.6 });
    expect(fromLines).toEqual(fromBaskets);
    expect(() => mineRulesFromFile({ transactions: orders, basket: 'order', item: 'sku', support: 0.5, confidence: 0.6 })).toThrow(/No column sku/);
    expect(() => mineRulesFromFile({ transactions: orders, support: 0.5, confidence: 0.6 })).toThrow(/--basket COL and --item COL/);
    expect(() => mineRulesFromFile({ baskets: lf, support: 1.5, confidence: 0.6 })).toThrow(/--support 1.5/);
    expect(() => mineRulesFromFile({ support: 0.5, confidence: 0.6 })).toThrow(/either --baskets/);
  });

  it('answers through `npx relata analytics rules` with JSON', () => {
    const out = execFileSync('npx', ['relata', 'analytics', 'rules', '--baskets', crlf, '--support', '0.5', '--confidence', '0.6', '--top', '1'], {
      cwd: repo,
      encoding: 'utf8',
    });
    const json = JSON.parse(out);
    expect(json).toMatchObject({ baskets: 4, items: 4, frequentItemsets: 5, rules: 6 });
    expect(json.topRules).toEqual([{ lhs: ['tea '], rhs: ['milk'], support: 0.5, confidence: 1, lift: 4 / 3, count: 2 }]);
  });
});

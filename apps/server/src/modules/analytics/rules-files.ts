/**
 * Association rules from a file, without the database (`relata analytics rules`): frequent itemsets by FP-growth
 * and single-consequent rules as R arules' apriori generates them by default (including {} → {y} when support(y)
 * reaches the minimum confidence; see packages/analytics/src/bundles/rules.ts).
 *
 * - `--baskets FILE`: one basket per line, items separated by commas (as Groceries and other market-basket data
 *   sets are published). Labels are taken exactly as written — not trimmed, a trailing blank is part of the label;
 *   CRLF or LF line ends; empty lines and empty labels (",,", a trailing comma) are skipped; repeats within a line count once.
 * - `--transactions FILE --basket COL --item COL`: a CSV with a header, one row per order line, grouped into one
 *   basket per distinct value of COL (rows with an empty item are skipped).
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { associationRules, encodeBaskets, fpGrowth, topRulesByLift } from '@relata/analytics';
import { UsageProblem } from '../imports/import-command.js';

export interface RulesFileOptions {
  baskets?: string;
  transactions?: string;
  basket?: string;
  item?: string;
  support: number | string;
  confidence: number | string;
  top?: number | string;
}

function fraction(value: number | string, option: string): number {
  const v = typeof value === 'number' ? value : Number(value);
  if (typeof value === 'string' && value.trim() === '') throw new UsageProblem(`${option} needs a number in [0, 1]`);
  if (!Number.isFinite(v) || v < 0 || v > 1) throw new UsageProblem(`${option} ${value} is not a number in [0, 1]`);
  return v;
}

function readFile(file: string): string {
  if (!fs.existsSync(file)) throw new UsageProblem(`No file ${file}`);
  return fs.readFileSync(file, 'utf8');
}

export function readBasketFile(file: string): string[][] {
  const text = readFile(file).replace(/^\uFEFF/, '');
  const baskets: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.length === 0) continue;
    const items = line.split(',').filter((item) => item.length > 0);
    if (items.length > 0) baskets.push(items);
  }
  return baskets;
}

export function readTransactionFile(file: string, basketColumn: string, itemColumn: string): string[][] {
  const rows = parse(readFile(file), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  if (!rows.length) throw new UsageProblem(`${file} has no rows`);
  const columns = Object.keys(rows[0]);
  for (const c of [basketColumn, itemColumn]) {
    if (!columns.includes(c)) throw new UsageProblem(`No column ${c} in ${file}; it has: ${columns.join(', ')}`);
  }
  const byBasket = new Map<string, string[]>();
  for (const row of rows) {
    const item = row[itemColumn];
    if (item === undefined || item === '') continue;
    const key = row[basketColumn];
    const basket = byBasket.get(key);
    if (basket) basket.push(item);
    else byBasket.set(key, [item]);
  }
  return [...byBasket.values()];
}

export function mineRulesFromFile(o: RulesFileOptions) {
  if (!o.baskets === !o.transactions) throw new UsageProblem('Give either --baskets FILE or --transactions FILE --basket COL --item COL');
  if (o.transactions && (!o.basket || !o.item)) throw new UsageProblem('--transactions needs --basket COL and --item COL');
  const support = fraction(o.support, '--support');
  const confidence = fraction(o.confidence, '--confidence');
  const top = o.top === undefined ? 20 : Number(o.top);
  if (!Number.isInteger(top) || top < 0) throw new UsageProblem(`--top ${o.top} is not a whole number`);
  const lists = o.baskets ? readBasketFile(o.baskets) : readTransactionFile(o.transactions!, o.basket!, o.item!);
  if (!lists.length) throw new UsageProblem('No baskets in the file');
  const t0 = performance.now();
  const { data, labels } = encodeBaskets(lists);
  const frequent = fpGrowth(data, { minSupport: support });
  const rules = associationRules(frequent, { minConfidence: confidence });
  const seconds = Number(((performance.now() - t0) / 1000).toFixed(4));
  const named = (ids: number[]) => ids.map((id) => labels[id]);
  return {
    baskets: data.basketCount,
    items: data.itemCount,
    support,
    confidence,
    minCount: frequent.minCount,
    frequentItemsets: frequent.itemsets.length,
    rules: rules.length,
    topRules: topRulesByLift(rules, top).map((r) => ({ lhs: named(r.lhs), rhs: named(r.rhs), support: r.support, confidence: r.confidence, lift: r.lift, count: r.count })),
    seconds,
  };
}

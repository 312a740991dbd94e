import { describe, expect, it } from 'vitest';
import { CATALOGUE, CATEGORIES, MISSIONS, NEW_ITEM_DAYS } from './catalogue.js';
import { apportion } from './customers.js';
import { generateDemoCompany, startOfUtcDay } from './generate.js';
import { DEMO_PARAMETERS, type CustomerType } from './parameters.js';
import { purchaseWeeks, weekToInstant } from './purchases.js';
import { Random } from './random.js';
import { COSTLY_SHARE } from './relationship.js';

const DAY = 86400_000;
const WEEK = 7 * DAY;
const asOf = new Date('2025-06-30T15:30:00Z');
const company = generateDemoCompany({ asOf });

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
function correlation(xs: number[], ys: number[]) {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i] - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

describe('catalogue', () => {
  it('has ~150 items in 10 categories, with varied margins, value-added and new items', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(140);
    expect(CATALOGUE.length).toBeLessThanOrEqual(170);
    expect(new Set(CATALOGUE.map((i) => i.category))).toEqual(new Set(CATEGORIES));
    expect(new Set(CATALOGUE.map((i) => i.sku)).size).toBe(CATALOGUE.length);
    const margins = CATALOGUE.map((i) => 1 - i.unitCost / i.listPrice);
    expect(Math.min(...margins)).toBeGreaterThan(0.1);
    expect(Math.min(...margins)).toBeLessThan(0.35);
    expect(Math.max(...margins)).toBeGreaterThan(0.6);
    expect(CATALOGUE.filter((i) => i.valueAdded).length).toBeGreaterThanOrEqual(10);
    const recent = CATALOGUE.filter((i) => i.launchedDaysAgo !== null && i.launchedDaysAgo <= NEW_ITEM_DAYS);
    expect(recent.length).toBeGreaterThanOrEqual(5);
    expect(CATALOGUE.filter((i) => i.kind === 'service').length).toBeGreaterThanOrEqual(10);
  });

  it('has an item for every slot a mission asks for', () => {
    const slots = new Set(CATALOGUE.map((i) => i.slot));
    for (const m of MISSIONS) for (const s of m.slots) expect(slots.has(s.slot), `${m.key}/${s.slot}`).toBe(true);
  });
});

describe('generateDemoCompany (in memory)', () => {
  it('is deterministic for a seed and asOf, and differs for another seed', () => {
    const again = generateDemoCompany({ asOf });
    expect(again.orders.map((o) => `${o.orderNo}:${o.totalCents}`)).toEqual(company.orders.map((o) => `${o.orderNo}:${o.totalCents}`));
    expect(again.accounts.map((a) => a.name)).toEqual(company.accounts.map((a) => a.name));
    expect(again.activities.map((a) => a.subject)).toEqual(company.activities.map((a) => a.subject));
    const other = generateDemoCompany({ asOf, seed: 'another seed' });
    expect(other.orders.map((o) => o.totalCents)).not.toEqual(company.orders.map((o) => o.totalCents));
  });

  it('ends the history at the start of asOf (UTC) and begins it the configured weeks before', () => {
    expect(company.asOf).toBe(startOfUtcDay(asOf));
    expect(company.historyStart).toBe(company.asOf - DEMO_PARAMETERS.historyWeeks * WEEK);
    expect(company.orders.filter((o) => o.orderedAt < company.historyStart || o.orderedAt >= company.asOf)).toEqual([]);
    expect(company.activities.filter((a) => a.type !== 'task' && a.occurredAt >= company.asOf)).toEqual([]);
  });

  it('splits the accounts by type in the stated shares', () => {
    const types = Object.keys(DEMO_PARAMETERS.customerTypes) as CustomerType[];
    const expected = apportion(DEMO_PARAMETERS.accounts, types.map((t) => DEMO_PARAMETERS.customerTypes[t].share));
    types.forEach((t, i) => expect(company.accounts.filter((a) => a.customerType === t).length).toBe(expected[i]));
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });

  it('draws the hidden process from the stated distributions', () => {
    for (const [type, truth] of Object.entries(DEMO_PARAMETERS.customerTypes)) {
      const latent = company.accounts.filter((a) => a.customerType === type).map((a) => a.latent);
      if (latent.length < 100) continue;
      const { r, alpha, a, b } = truth.bgnbd;
      // sample means of n draws: within ~4 standard errors
      const n = latent.length;
      expect(Math.abs(mean(latent.map((l) => l.lambda)) - r / alpha)).toBeLessThan((4 * Math.sqrt(r)) / alpha / Math.sqrt(n));
      const pMean = a / (a + b);
      const pSd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
      expect(Math.abs(mean(latent.map((l) => l.dropout)) - pMean)).toBeLessThan((4 * pSd) / Math.sqrt(n));
      const { q, gamma } = truth.spend;
      expect(Math.abs(mean(latent.map((l) => l.nu)) - q / gamma)).toBeLessThan((4 * Math.sqrt(q)) / gamma / Math.sqrt(n));
    }
  });

  it('simulates BG/NBD repeat buying: observed rates follow the hidden λ, dropouts stop', () => {
    const completed = new Map<number, number[]>();
    for (const o of company.orders) if (o.status === 'completed') completed.set(o.account, [...(completed.get(o.account) ?? []), o.orderedAt]);
    const rows = company.accounts
      .map((a, i) => ({ a, times: completed.get(i) ?? [] }))
      .filter(({ times }) => times.length > 0)
      .map(({ a, times }) => ({ a, x: times.length - 1, T: (company.asOf - times[0]) / WEEK, last: times[times.length - 1] }));
    const longObserved = rows.filter((r) => r.T > 52 && !r.a.latent.droppedOut);
    expect(correlation(longObserved.map((r) => r.a.latent.lambda), longObserved.map((r) => r.x / r.T))).toBeGreaterThan(0.9);
    // customers who dropped out bought less recently than those still active
    const recency = (rs: typeof rows) => mean(rs.map((r) => (company.asOf - r.last) / WEEK));
    expect(recency(rows.filter((r) => r.a.latent.droppedOut))).toBeGreaterThan(2 * recency(rows.filter((r) => !r.a.latent.droppedOut && r.x > 0)));
    // prospects never buy
    expect(company.accounts.filter((a, i) => a.latent.firstPurchaseWeek === null && completed.has(i))).toEqual([]);
  });

  it('builds baskets to the Gamma-Gamma order value within rounding', () => {
    const ratios = company.orders.filter((o) => o.targetSpend !== null).map((o) => o.totalCents / 100 / o.targetSpend!);
    ratios.sort((x, y) => x - y);
    expect(ratios[Math.floor(ratios.length / 2)]).toBeCloseTo(1, 2);
    expect(mean(ratios.map((x) => Math.abs(x - 1)))).toBeLessThan(0.06);
    expect(ratios[Math.floor(ratios.length * 0.1)]).toBeGreaterThan(0.95);
    expect(ratios[Math.floor(ratios.length * 0.9)]).toBeLessThan(1.1);
  });

  it('keeps totals in whole cents equal to the lines, returns negative, new items only after launch', () => {
    const problems: string[] = [];
    for (const o of company.orders) {
      if (o.lines.length === 0) problems.push(`${o.orderNo}: no lines`);
      if (o.totalCents !== o.lines.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0)) problems.push(`${o.orderNo}: total`);
      for (const l of o.lines) {
        if (!Number.isInteger(l.quantity) || l.quantity === 0) problems.push(`${o.orderNo}: quantity ${l.quantity}`);
        if (company.products[l.product].launchedAt > o.orderedAt) problems.push(`${o.orderNo}: ${company.products[l.product].sku} before launch`);
        if (l.quantity < 0 !== (o.status === 'returned')) problems.push(`${o.orderNo}: sign of ${l.quantity} on a ${o.status} order`);
      }
      if (o.status === 'returned') {
        const original = o.returnOf;
        if (!original || original.orderedAt >= o.orderedAt || !o.notes?.includes(original.orderNo)) problems.push(`${o.orderNo}: original order`);
        for (const l of o.lines) {
          const bought = original?.lines.find((x) => x.product === l.product);
          if (!bought || -l.quantity > bought.quantity) problems.push(`${o.orderNo}: returns more than bought`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('places purchases in opening hours without reordering them', () => {
    const r = new Random('weeks');
    const { weeks } = purchaseWeeks(r, 3.2, 2, 0.05, 130);
    const instants = weeks.map((w) => weekToInstant(0, w));
    expect([...instants].sort((a, b) => a - b)).toEqual(instants);
    for (const t of instants) {
      const hour = (t % DAY) / 3600_000;
      expect(hour).toBeGreaterThanOrEqual(1);
      expect(hour).toBeLessThanOrEqual(13);
    }
    expect(purchaseWeeks(new Random('x'), 10, 1e-9, 0.5, 130)).toEqual({ weeks: [10], droppedOut: false });
  });
});

describe('relationship data (tickets, referrals, suggestions, income)', () => {
  const n = company.accounts.length;
  const margin = new Array<number>(n).fill(0);
  const completed = new Array<number>(n).fill(0);
  const firstPurchase = new Array<number>(n).fill(Infinity);
  for (const o of company.orders) {
    if (o.status !== 'completed' && o.status !== 'returned') continue;
    for (const l of o.lines) margin[o.account] += (l.quantity * (l.unitPriceCents - l.unitCostCents)) / 100;
    if (o.status === 'completed') {
      completed[o.account]++;
      firstPurchase[o.account] = Math.min(firstPurchase[o.account], o.orderedAt);
    }
  }
  const serviceCost = new Array<number>(n).fill(0);
  for (const t of company.tickets) serviceCost[t.account] += t.costCents / 100;

  it('is deterministic for a seed and asOf', () => {
    const again = generateDemoCompany({ asOf });
    expect(again.tickets).toEqual(company.tickets);
    expect(again.referrals).toEqual(company.referrals);
    expect(again.suggestions).toEqual(company.suggestions);
    expect(again.incomes).toEqual(company.incomes);
  });

  it('has a costly group whose service cost exceeds its gross margin, paying below the average price', () => {
    const costly = company.accounts.map((a, i) => i).filter((i) => company.accounts[i].latent.costly);
    const buyers = completed.filter((c) => c > 0).length;
    expect(costly.length).toBe(Math.round(COSTLY_SHARE * buyers));
    for (const i of costly) expect(serviceCost[i], company.accounts[i].externalId).toBeGreaterThan(1.15 * margin[i]);
    const ticketsOf = (xs: number[]) => mean(xs.map((i) => company.tickets.filter((t) => t.account === i).length));
    const others = company.accounts.map((a, i) => i).filter((i) => !company.accounts[i].latent.costly && completed[i] > 0);
    expect(ticketsOf(costly)).toBeGreaterThan(5 * ticketsOf(others));
    for (const t of company.tickets) {
      expect(t.openedAt).toBeLessThan(company.asOf);
      if (t.resolvedAt !== null) expect(t.resolvedAt).toBeGreaterThanOrEqual(t.openedAt);
      expect(t.costCents).toBeGreaterThan(0);
    }
  });

  it('credits referrals to existing buyers of referred accounts; suggestions come from innovative customers', () => {
    expect(company.referrals.length).toBeGreaterThan(250);
    const referred = new Set<number>();
    for (const r of company.referrals) {
      expect(company.accounts[r.referred].attributes.acquisitionChannel).toBe('referral');
      expect(firstPurchase[r.referrer]).toBeLessThan(r.referredAt);
      expect(r.referredAt).toBeLessThan(company.accounts[r.referred].createdAt);
      expect(referred.has(r.referred)).toBe(false);
      referred.add(r.referred);
    }
    const referrers = new Set(company.referrals.map((r) => r.referrer));
    const dropout = (pick: (i: number) => boolean) => mean(company.accounts.map((a, i) => i).filter((i) => completed[i] > 0 && pick(i)).map((i) => company.accounts[i].latent.dropout));
    expect(dropout((i) => referrers.has(i))).toBeLessThan(0.6 * dropout((i) => !referrers.has(i)));
    const suggesters = new Set(company.suggestions.map((s) => s.account));
    const innovation = (pick: (i: number) => boolean) => mean(company.accounts.map((a, i) => i).filter((i) => completed[i] > 0 && pick(i)).map((i) => company.accounts[i].latent.innovation));
    expect(innovation((i) => suggesters.has(i))).toBeGreaterThan(1.3 * innovation((i) => !suggesters.has(i)));
  });

  it('ends each income history last year at the account attribute', () => {
    const lastYear = new Date(company.asOf).getUTCFullYear() - 1;
    const byAccount = new Map<number, { year: number; income: number }[]>();
    for (const x of company.incomes) byAccount.set(x.account, [...(byAccount.get(x.account) ?? []), x]);
    for (const [i, xs] of byAccount) {
      const a = company.accounts[i].attributes;
      const anchor = (a.annualRevenue ?? a.annualBudget ?? a.annualIncome) as number;
      const last = xs[xs.length - 1];
      expect(last.year).toBe(lastYear);
      expect(Math.abs(last.income - anchor) / anchor).toBeLessThan(0.05);
      expect(xs.map((x) => x.year)).toEqual(xs.map((_, k) => lastYear - xs.length + 1 + k));
    }
  });
});


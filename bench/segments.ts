/**
 * The predictive model's computation (customer features, k chosen by silhouette, fuzzy c-means, product groups,
 * CG × PSG association, rules on order baskets, next-best offers for every customer, and the offers' holdout
 * evaluation) on a generated company of 100,000 customers and about 1,000,000 order lines — the worker's work,
 * without the database (bench/analytics.ts times a whole refresh, reads and writes included).
 *
 *   npx tsx bench/segments.ts [--customers 100000] [--groups auto|6]
 *
 * The customers come from 6 latent groups (buying as BG/NBD assumes, so the holdout's CLV refit behaves as on real data) with their own category tastes and spending levels, and products are
 * bought in pairs (p and its neighbour), so there are groups and rules to find; the adjusted Rand index of the
 * found groups against the latent ones is printed as a sanity check.
 */
import { Random } from '../apps/server/src/modules/demo/random.js';
import { defaultValueParams } from '../apps/server/src/modules/analytics/customer-value.js';
import { computeSegments } from '../apps/server/src/modules/segments/compute.js';
import type { SegmentInputs } from '../apps/server/src/modules/segments/inputs.js';
import { defaultSegmentParams } from '../apps/server/src/modules/segments/params.js';

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const customers = Number(arg('--customers') ?? 100_000);
const groupsArg = arg('--groups') ?? 'auto';
const LATENT = 6;
const CATEGORIES = 20;
const PRODUCTS = 2000;
const DAYS = 730;
const AS_OF_DAY = 20_600;

function generate(): { inputs: SegmentInputs; latent: Int32Array } {
  const rnd = new Random('bench-segments');
  const tastes = Array.from({ length: LATENT }, () => rnd.dirichlet(Array(CATEGORIES).fill(0.3)));
  const spend = Array.from({ length: LATENT }, (_, g) => 20 * Math.exp(g * 0.35));
  const rate = Array.from({ length: LATENT }, (_, g) => 0.004 + 0.003 * ((g * 7) % LATENT));
  const perCategory = PRODUCTS / CATEGORIES;
  const cols = { order: [] as number[], account: [] as number[], day: [] as number[], product: [] as number[], quantity: [] as number[], revenue: [] as number[], margin: [] as number[] };
  const latent = new Int32Array(customers);
  let order = 0;
  for (let c = 0; c < customers; c++) {
    const g = rnd.int(0, LATENT - 1);
    latent[c] = g;
    let day = AS_OF_DAY - DAYS + rnd.int(0, DAYS - 30);
    const lambda = rate[g] * rnd.gamma(2, 2);
    // BG/NBD-like: after each purchase the customer may leave for good (as the customer-value models assume)
    const dropout = rnd.beta(0.8, 4);
    while (day < AS_OF_DAY) {
      const lines = 1 + rnd.poisson(1.2);
      for (let k = 0; k < lines; k++) {
        const category = rnd.weightedIndex(tastes[g]);
        // Zipf-like popularity inside the category; even products pull their neighbour into the basket
        const p = category * perCategory + Math.min(perCategory - 1, Math.floor(rnd.exponential(1 / 12)));
        const items = p % 2 === 0 && rnd.chance(0.5) ? [p, p + 1] : [p];
        for (const item of items) {
          const q = 1 + rnd.poisson(0.5);
          const price = spend[g] * (0.5 + (item % 17) / 10);
          cols.order.push(order);
          cols.account.push(c + 1);
          cols.day.push(day);
          cols.product.push(item + 1);
          cols.quantity.push(q);
          cols.revenue.push(q * price);
          cols.margin.push(q * price * 0.3);
        }
      }
      order++;
      if (rnd.chance(dropout)) break;
      day += Math.ceil(rnd.exponential(lambda));
    }
  }
  const ids = Float64Array.from({ length: customers }, (_, i) => i + 1);
  return {
    latent,
    inputs: {
      lines: {
        order: Int32Array.from(cols.order),
        account: Float64Array.from(cols.account),
        day: Int32Array.from(cols.day),
        product: Float64Array.from(cols.product),
        quantity: Float64Array.from(cols.quantity),
        revenue: Float64Array.from(cols.revenue),
        margin: Float64Array.from(cols.margin),
      },
      products: {
        ids: Float64Array.from({ length: PRODUCTS }, (_, i) => i + 1),
        category: Int32Array.from({ length: PRODUCTS }, (_, i) => Math.floor(i / perCategory)),
        categories: Array.from({ length: CATEGORIES }, (_, i) => `category-${String(i).padStart(2, '0')}`),
        names: Array.from({ length: PRODUCTS }, (_, i) => `Product ${i + 1}`),
      },
      // CLV-like scores: spend level with noise (the real refresh takes them from the customer-value step)
      scores: { ids, clv: Float64Array.from(latent, (g) => spend[g] * 10 * rnd.gamma(2, 2)), pAlive: Float64Array.from(ids, () => rnd.uniform(0, 1)) },
      attributes: { ids, names: ['income'], values: [Float64Array.from(latent, (g) => 100_000 + 20_000 * g + rnd.normal(0, 15_000))] },
    },
  };
}

/** Adjusted Rand index (Hubert & Arabie 1985) between two labelings. */
function adjustedRand(a: ArrayLike<number>, b: ArrayLike<number>) {
  const table = new Map<string, number>();
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    table.set(`${a[i]}|${b[i]}`, (table.get(`${a[i]}|${b[i]}`) ?? 0) + 1);
    rows.set(a[i], (rows.get(a[i]) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  }
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const sum = (m: Map<unknown, number>) => [...m.values()].reduce((s, n) => s + pairs(n), 0);
  const index = sum(table);
  const expected = (sum(rows) * sum(cols)) / pairs(a.length);
  return (index - expected) / ((sum(rows) + sum(cols)) / 2 - expected);
}

const t0 = performance.now();
const { inputs, latent } = generate();
console.log(`generated ${customers.toLocaleString('en')} customers, ${inputs.lines.day.length.toLocaleString('en')} order lines in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const t1 = performance.now();
const result = computeSegments({
  inputs,
  asOfDay: AS_OF_DAY,
  params: { ...defaultSegmentParams, groups: groupsArg === 'auto' ? 'auto' : Number(groupsArg) },
  valueParams: defaultValueParams,
});
const total = (performance.now() - t1) / 1000;
const s = result.summary as Record<string, any>;
const found = result.members.memberships.map((u) => u.indexOf(Math.max(...u)));
const latentOf = result.members.accountIds.map((id) => latent[id - 1]);
console.log(`stages (ms): ${JSON.stringify(s.timingsMs)}`);
console.log(`k = ${s.k} (${s.kSelection ? 'by silhouette: ' + s.kSelection.map((p: any) => `${p.k}:${p.silhouette.toFixed(3)}`).join(' ') : 'fixed'}), adjusted Rand vs latent groups ${adjustedRand(found, latentOf).toFixed(3)}`);
console.log(`product groups ${s.productGroups}; rules: ${s.rules.itemsets} itemsets, ${s.rules.rules} rules on ${s.rules.baskets.toLocaleString('en')} baskets; offers ${result.offers.length.toLocaleString('en')}`);
console.log(`offer holdout: ${JSON.stringify(s.evaluation)}`);
const clustering = (s.timingsMs.features ?? 0) + s.timingsMs.groups;
console.log(`clustering ${(clustering / 1000).toFixed(2)} s + rules ${(s.timingsMs.rules / 1000).toFixed(2)} s = ${((clustering + s.timingsMs.rules) / 1000).toFixed(2)} s (target < 10 s); whole computation ${total.toFixed(2)} s`);

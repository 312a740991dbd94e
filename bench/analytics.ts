/**
 * A full analytics refresh — customer value (RFM, ABC, tiers, BG/NBD, Gamma-Gamma, lifecycle, CLTV, holdout check,
 * snapshot write) and the predictive model (groups, product groups, rules, offers, their holdout; see
 * bench/segments.ts for the computation alone) — over a generated company of 100,000 customers and about 1,000,000 order lines, and over the demo company,
 * on PGlite and on PostgreSQL. Prints seconds per stage and the process's peak memory (the worker thread included).
 *
 *   npx tsx bench/analytics.ts [--customers 100000] [--skip pglite|postgres]
 *
 * The generated purchases follow BG/NBD (Fader, Hardie & Lee 2005) with known parameters, so the fitted ones are
 * printed beside them as a sanity check. PostgreSQL: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test)
 * names a server where a throwaway database is created and dropped.
 */
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../apps/server/src/db/connection.js';
import { migrateDatabase } from '../apps/server/src/db/migrate.js';
import { openScratchPostgres } from '../apps/server/test/scratch-database.js';
import { defaultValueParams } from '../apps/server/src/modules/analytics/customer-value.js';
import { executeRefresh } from '../apps/server/src/modules/analytics/refresh.js';
import { analyticsRuns } from '../apps/server/src/modules/analytics/schema.js';
import { loadDemoCompany } from '../apps/server/src/modules/demo/service.js';
import { Random } from '../apps/server/src/modules/demo/random.js';

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const customers = Number(arg('--customers') ?? 100_000);
const skip = arg('--skip');
const TRUE = { r: 0.6, alpha: 12, a: 0.8, b: 4 }; // BG/NBD in weeks
const WEEKS = 104;
const AS_OF = new Date('2026-06-30T00:00:00Z');

let peakRss = 0;
setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20).unref();

/** Purchases from BG/NBD: rate λ ~ Gamma(r, α); after each repeat purchase the customer drops out with p ~ Beta(a, b). */
async function generateCompany(database: Database) {
  const rnd = new Random('bench-analytics');
  const products = 300;
  await database.pool.query(
    `INSERT INTO products (sku, name, category, list_price, unit_cost)
     SELECT 'B-' || g, 'Bench product ' || g, 'cat-' || (g % 12), 5 + (g % 50) * 3, (5 + (g % 50) * 3) * 0.6 FROM generate_series(1, $1) g`,
    [products],
  );
  await database.pool.query(`INSERT INTO accounts (external_id, name, source) SELECT 'B' || g, 'Bench customer ' || g, 'bench' FROM generate_series(1, $1) g`, [customers]);
  const { rows } = await database.pool.query<{ min: number }>('SELECT min(id)::int AS min FROM accounts');
  const firstAccount = rows[0].min;
  const start = AS_OF.getTime() - WEEKS * 7 * 86400_000;
  let orderNo = 0;
  let lines = 0;
  let batch = { no: [] as string[], account: [] as number[], at: [] as Date[] };
  let lineBatch = { no: [] as string[], line: [] as number[], product: [] as number[], q: [] as number[], price: [] as number[] };
  const flush = async () => {
    if (!batch.no.length) return;
    await database.pool.query(`INSERT INTO orders (order_no, account_id, ordered_at) SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[])`, [batch.no, batch.account, batch.at]);
    await database.pool.query(
      `INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price)
       SELECT o.id, x.line, x.product, x.q, x.price FROM unnest($1::text[], $2::int[], $3::bigint[], $4::numeric[], $5::numeric[]) AS x(no, line, product, q, price)
       JOIN orders o ON o.order_no = x.no`,
      [lineBatch.no, lineBatch.line, lineBatch.product, lineBatch.q, lineBatch.price],
    );
    batch = { no: [], account: [], at: [] };
    lineBatch = { no: [], line: [], product: [], q: [], price: [] };
  };
  const { rows: productRows } = await database.pool.query<{ id: number; price: number }>('SELECT id::int, list_price::float8 AS price FROM products ORDER BY id');
  for (let c = 0; c < customers; c++) {
    const lambda = rnd.gamma(TRUE.r, TRUE.alpha);
    const p = rnd.beta(TRUE.a, TRUE.b);
    const spend = rnd.gamma(3, 1); // customer-level price multiplier
    let week = rnd.uniform(0, WEEKS * 0.9); // acquisition
    const firstOrderOfCustomer = orderNo + 1;
    for (;;) {
      const no = `BO-${++orderNo}`;
      batch.no.push(no);
      batch.account.push(firstAccount + c);
      batch.at.push(new Date(start + week * 7 * 86400_000));
      const n = 1 + rnd.poisson(2);
      for (let l = 1; l <= n; l++) {
        const product = productRows[rnd.int(0, productRows.length - 1)];
        lineBatch.no.push(no);
        lineBatch.line.push(l);
        lineBatch.product.push(product.id);
        lineBatch.q.push(1 + rnd.poisson(1));
        lineBatch.price.push(Math.round(product.price * (0.7 + 0.2 * spend)) / 1);
        lines++;
      }
      if (batch.no.length >= 20_000) await flush();
      // dropout only after a repeat purchase: BG/NBD has everyone alive at the first one (x = 0 contributes e^(−λT))
      if (orderNo > firstOrderOfCustomer && rnd.chance(p)) break;
      week += rnd.exponential(lambda);
      if (week >= WEEKS) break;
    }
  }
  await flush();
  return { customers, orders: orderNo, lines };
}

async function refresh(database: Database) {
  const [run] = await database.db.insert(analyticsRuns).values({ kind: 'customer-value', asOf: AS_OF, params: { ...defaultValueParams } }).returning();
  peakRss = process.memoryUsage().rss;
  const t0 = performance.now();
  await executeRefresh(database, run.id, AS_OF, defaultValueParams);
  const seconds = (performance.now() - t0) / 1000;
  const [done] = await database.db.select().from(analyticsRuns).where(eq(analyticsRuns.id, run.id));
  const s = done.summary as { customers: number; purchaseDays: number; timingsMs: Record<string, number>; bgnbd: { params: Record<string, number> }; segments: { timingsMs: Record<string, number> } | null; relationship: { timingsMs: Record<string, number> } | null };
  return { seconds, customers: s.customers, purchaseDays: s.purchaseDays, timingsMs: s.timingsMs, segmentTimingsMs: s.segments?.timingsMs ?? {}, relationshipTimingsMs: s.relationship?.timingsMs ?? {}, bgnbd: s.bgnbd.params, peakRssMb: Math.round(peakRss / 1048576) };
}

const freshPostgres = () => openScratchPostgres(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test', 'relata_bench_analytics');

const fmt = (ms: Record<string, number>) => Object.entries(ms).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(', ');

for (const kind of ['pglite', 'postgres'] as const) {
  if (skip === kind) continue;
  for (const company of ['generated', 'demo'] as const) {
    const database = kind === 'pglite' ? await openDatabase({ dataDir: 'memory://' }) : await freshPostgres();
    try {
      await migrateDatabase(database);
      const t0 = performance.now();
      const size = company === 'demo' ? await loadDemoCompany(database.db, { asOf: AS_OF }) : await generateCompany(database);
      const loadSeconds = (performance.now() - t0) / 1000;
      const { rows } = await database.pool.query<{ lines: number }>('SELECT count(*)::int AS lines FROM order_lines');
      const r = await refresh(database);
      console.log(`\n${kind} · ${company} company: ${r.customers.toLocaleString()} customers, ${rows[0].lines.toLocaleString()} order lines, ${r.purchaseDays.toLocaleString()} customer-days (data written in ${loadSeconds.toFixed(1)} s)`);
      console.log(`  full refresh ${r.seconds.toFixed(2)} s — customer value: ${fmt(r.timingsMs)}; predictive model: ${fmt(r.segmentTimingsMs)}; relationship value: ${fmt(r.relationshipTimingsMs)}; peak RSS ${r.peakRssMb} MB`);
      const fitted = Object.entries(r.bgnbd).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ');
      console.log(`  BG/NBD fitted: ${fitted}${company === 'generated' ? ` (generated with r ${TRUE.r}, alpha ${TRUE.alpha}, a ${TRUE.a}, b ${TRUE.b}; acquisition spread over the period)` : ''}`);
      void size;
    } finally {
      await database.close();
    }
  }
}
process.exit(0);

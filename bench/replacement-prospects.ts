/**
 * The exit case page's replacement prospects at scale: 100,000 classified customers and 20,000 open leads on a
 * scratch PostgreSQL database, then the time `replacementProspects` takes for one exiting customer (the case page
 * computes it on every read). The good customers' traits are drawn with a known lean (intermediaries, two
 * industries), so the top of the list is checked to lean the same way.
 *   npx tsx bench/replacement-prospects.ts [--customers 100000] [--leads 20000] [--reads 7]
 * PostgreSQL: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) names a server where a throwaway
 * database is created and dropped.
 */
import { migrateDatabase } from '../apps/server/src/db/migrate.js';
import { replacementProspects } from '../apps/server/src/modules/relationship/replacement-prospects.js';
import { openScratchPostgres } from '../apps/server/test/scratch-database.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const customers = arg('--customers', 100_000);
const leads = arg('--leads', 20_000);
const reads = arg('--reads', 7);

const database = await openScratchPostgres(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test', 'relata_bench_prospects');
try {
  await migrateDatabase(database);
  const q = (text: string, values: unknown[] = []) => database.pool.query(text, values);
  const t0 = performance.now();
  // setseed makes random() repeatable; traits cycle through fixed lists
  await q(`SELECT setseed(0.42)`);
  await q(
    `INSERT INTO accounts (name, customer_type, industry, region, city)
     SELECT 'Customer ' || i,
            (ARRAY['consumer','intermediary','public_interest','internal'])[1 + floor(random() * 4)::int]::customer_type,
            'industry ' || (1 + floor(random() * 12)::int), 'region ' || (1 + floor(random() * 8)::int), 'city ' || (1 + floor(random() * 60)::int)
     FROM generate_series(1, $1) i`,
    [customers],
  );
  const run = await q(`INSERT INTO analytics_runs (kind, status, as_of) VALUES ('refresh', 'done', now()) RETURNING id`);
  // good is likelier for intermediaries and industries 1–2: the lean the model must find
  await q(
    `INSERT INTO relationship_scores (run_id, account_id, factors, ahp_score, class, probabilities, contributions)
     SELECT $1, a.id, array_fill(0::real, ARRAY[9]), random(),
            CASE WHEN random() < 0.15 + CASE WHEN a.customer_type = 'intermediary' THEN 0.3 ELSE 0 END
                                 + CASE WHEN a.industry IN ('industry 1', 'industry 2') THEN 0.2 ELSE 0 END THEN 'good'
                 WHEN random() < 0.5 THEN 'medium' ELSE 'bad' END,
            ARRAY[0.3, 0.4, 0.3]::real[], array_fill(0::real, ARRAY[9])
     FROM accounts a`,
    [run.rows[0].id],
  );
  await q(
    `INSERT INTO leads (name, company, status, attributes)
     SELECT 'Lead ' || i, 'Prospect Co ' || i, 'new',
            jsonb_build_object('customerType', (ARRAY['consumer','intermediary','public_interest','internal'])[1 + floor(random() * 4)::int],
                               'industry', 'industry ' || (1 + floor(random() * 12)::int), 'region', 'region ' || (1 + floor(random() * 8)::int),
                               'city', 'city ' || (1 + floor(random() * 60)::int))
     FROM generate_series(1, $1) i`,
    [leads],
  );
  await q('ANALYZE');
  console.log(`${customers.toLocaleString('en')} classified customers and ${leads.toLocaleString('en')} leads written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const exiting = { id: 1, industry: 'industry 3', region: 'region 1' };
  const times: number[] = [];
  let list: Awaited<ReturnType<typeof replacementProspects>> | null = null;
  for (let i = 0; i < reads; i++) {
    const started = performance.now();
    list = await replacementProspects(database.db, exiting);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`replacementProspects, ${reads} reads: median ${times[Math.floor(times.length / 2)].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms`);
  const top = list!.items;
  const leaning = top.filter((p) => p.customerType === 'intermediary' && ['industry 1', 'industry 2'].includes(p.industry ?? '')).length;
  console.log(`base rate ${(list!.baseRate! * 100).toFixed(1)} %; top ${top.length}: ${leaning} are intermediaries in industry 1 or 2 (the generated lean); best ${(top[0].resemblance * 100).toFixed(1)} %`);
} finally {
  await database.close();
}
process.exit(0);

import { desc, inArray } from 'drizzle-orm';
import type { Database } from '../../db/connection.js';
import { analyticsRuns } from './schema.js';
import { startRefresh } from './service.js';

const CHECK_EVERY_MS = 10 * 60_000;

/**
 * Keeps the customer-value snapshot fresh: when the newest run (done or failed) is older than `everyHours`,
 * or there is none, a refresh starts. The check runs at start and every 10 minutes; the run itself is
 * in a worker thread, so the API is not held up. Returns a function that stops the schedule.
 */
export function scheduleRefreshes(database: Database, everyHours: number, log: (message: string) => void = console.log): () => void {
  if (!(everyHours > 0)) return () => {};
  const check = async () => {
    const [latest] = await database.db
      .select({ createdAt: analyticsRuns.createdAt, status: analyticsRuns.status })
      .from(analyticsRuns)
      .where(inArray(analyticsRuns.status, ['done', 'failed', 'running', 'queued']))
      .orderBy(desc(analyticsRuns.id))
      .limit(1);
    if (latest && (latest.status === 'running' || latest.status === 'queued')) return;
    if (latest && Date.now() - latest.createdAt.getTime() < everyHours * 3600_000) return;
    const { run } = await startRefresh(database, null);
    log(`Scheduled analytics refresh started (run ${run.id}).`);
  };
  const safeCheck = () => check().catch((err) => log(`Scheduled analytics refresh not started: ${(err as Error).message}`));
  void safeCheck();
  const timer = setInterval(safeCheck, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

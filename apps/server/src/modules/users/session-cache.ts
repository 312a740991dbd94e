import type { CurrentUser } from './service.js';

/**
 * Who a session token (or API token) belongs to, remembered for a few seconds. Every request resolves its
 * caller; on the embedded database that lookup would otherwise wait behind a long write (an import holds its
 * only connection), and the import's own progress could not be polled. Sign-out and deactivation forget the
 * entries at once in this process; another server process on the same PostgreSQL sees them after at most TTL.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
const entries = new Map<string, { user: CurrentUser; until: number }>();

export function cachedCaller(key: string): CurrentUser | undefined {
  const hit = entries.get(key);
  if (!hit) return undefined;
  if (hit.until < Date.now()) {
    entries.delete(key);
    return undefined;
  }
  return hit.user;
}

export function rememberCaller(key: string, user: CurrentUser) {
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, { user, until: Date.now() + TTL_MS });
}

export function forgetCaller(key: string) {
  entries.delete(key);
}

export function forgetUser(userId: number) {
  for (const [key, entry] of entries) if (entry.user.id === userId) entries.delete(key);
}

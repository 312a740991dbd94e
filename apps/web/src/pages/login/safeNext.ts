/** Where to go after signing in: only a path inside this app, never another site (open-redirect guard). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

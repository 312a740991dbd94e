import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (OWASP-recommended memory and time cost).
export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false);

/**
 * Slow-down after failed sign-ins: the first 3 failures are free, then each wait doubles from 1 s up to 5 minutes.
 * Returns the seconds still to wait, 0 when a new attempt is allowed.
 */
export function secondsUntilNextAttempt(failedLogins: number, lastFailedAt: Date | null, now = new Date()): number {
  if (failedLogins < 3 || !lastFailedAt) return 0;
  const wait = Math.min(2 ** (failedLogins - 3), 300);
  const elapsed = (now.getTime() - lastFailedAt.getTime()) / 1000;
  return Math.max(0, Math.ceil(wait - elapsed));
}

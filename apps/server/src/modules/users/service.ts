import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { badRequest, conflict, HttpError, notFound, unauthenticated } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { hashPassword, secondsUntilNextAttempt, verifyPassword } from './passwords.js';
import { apiTokens, sessions, users, type Role } from './schema.js';
import { newSecret, sha256 } from './tokens.js';
import { forgetCaller, forgetUser } from './session-cache.js';

export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: string;
}

/** The language to write a record's text in for this user: the screen's when it says, else their profile's. */
export const writingLanguage = (user: CurrentUser, requested?: 'zh' | 'en'): 'zh' | 'en' => requested ?? (user.locale.startsWith('en') ? 'en' : 'zh');

const SESSION_DAYS = 14;
const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  locale: users.locale,
  active: users.active,
  createdAt: users.createdAt,
};

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function signIn(db: Db, email: string, password: string) {
  const [user] = await db.select().from(users).where(eq(users.email, normaliseEmail(email)));
  const invalid = new HttpError(401, 'invalid_credentials', 'Wrong email or password');
  if (!user) {
    // Spend the same time as a real check so response time does not reveal which emails exist.
    await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG', password);
    throw invalid;
  }
  const wait = secondsUntilNextAttempt(user.failedLogins, user.lastFailedLoginAt);
  if (wait > 0) {
    throw new HttpError(429, 'too_many_attempts', `Too many failed sign-ins. Try again in ${wait} s.`, { retryAfterSeconds: wait });
  }
  if (!user.active || !(await verifyPassword(user.passwordHash, password))) {
    await db
      .update(users)
      .set({ failedLogins: sql`${users.failedLogins} + 1`, lastFailedLoginAt: new Date() })
      .where(eq(users.id, user.id));
    throw invalid;
  }
  await db.update(users).set({ failedLogins: 0, lastFailedLoginAt: null }).where(eq(users.id, user.id));
  const token = newSecret();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86400_000);
  await db.insert(sessions).values({ tokenHash: sha256(token), userId: user.id, expiresAt });
  return { token, expiresAt, user: toCurrentUser(user) };
}

export async function signOut(db: Db, token: string) {
  forgetCaller(`session:${token}`);
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export async function userForSession(db: Db, token: string): Promise<CurrentUser | null> {
  const [row] = await db
    .select(publicColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, new Date()), eq(users.active, true)));
  return row ? toCurrentUser(row) : null;
}

export async function userForApiToken(db: Db, token: string): Promise<CurrentUser | null> {
  const [row] = await db
    .select({ ...publicColumns, tokenId: apiTokens.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt), eq(users.active, true)));
  if (!row) return null;
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  return toCurrentUser(row);
}

export async function changePassword(db: Db, userId: number, currentPassword: string, newPassword: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw unauthenticated();
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw badRequest('The current password is wrong', [{ path: 'currentPassword', message: 'wrong password' }]);
  }
  await db.update(users).set({ passwordHash: await hashPassword(newPassword), updatedAt: new Date() }).where(eq(users.id, userId));
  await recordAudit(db, { userId, entityType: 'user', entityId: userId, action: 'update', changes: { password: ['***', '***'] } });
}

export async function createApiToken(db: Db, userId: number, name: string) {
  const secret = newSecret();
  const token = `rl_${secret}`;
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name, tokenHash: sha256(token), prefix: token.slice(0, 8) })
    .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt });
  return { ...row, token };
}

export const listApiTokens = (db: Db, userId: number) =>
  db
    .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(asc(apiTokens.id));

export async function revokeApiToken(db: Db, userId: number, tokenId: number) {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (rows.length === 0) throw notFound('API token');
  forgetUser(userId); // the revoked token's cache entry is keyed by the secret, which we do not keep
}

export const listUsers = (db: Db) => db.select(publicColumns).from(users).orderBy(asc(users.id));

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
  locale?: string;
}

export async function createUser(db: Db, input: NewUser, actorId: number | null) {
  const email = normaliseEmail(input.email);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw conflict(`A user with email ${email} already exists`, { field: 'email' });
  const [row] = await db
    .insert(users)
    .values({ email, name: input.name, role: input.role, locale: input.locale ?? 'zh-CN', passwordHash: await hashPassword(input.password) })
    .returning(publicColumns);
  await recordAudit(db, { userId: actorId, entityType: 'user', entityId: row.id, action: 'create', changes: { email: [null, email], role: [null, input.role] } });
  return row;
}

export async function updateUser(
  db: Db,
  id: number,
  patch: { name?: string; role?: Role; active?: boolean; password?: string; locale?: string },
  actorId: number,
) {
  const [before] = await db.select(publicColumns).from(users).where(eq(users.id, id));
  if (!before) throw notFound('User');
  const { password, ...fields } = patch;
  const values: Partial<typeof users.$inferInsert> = { ...fields, updatedAt: new Date() };
  if (password) values.passwordHash = await hashPassword(password);
  const [after] = await db.update(users).set(values).where(eq(users.id, id)).returning(publicColumns);
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
    if (before[key] !== after[key]) changes[key] = [before[key], after[key]];
  }
  if (password) changes.password = ['***', '***'];
  forgetUser(id); // a new role or a deactivation applies to the next request
  if (!after.active) await db.delete(sessions).where(eq(sessions.userId, id));
  await recordAudit(db, { userId: actorId, entityType: 'user', entityId: id, action: 'update', changes });
  return after;
}

/** The first admin: from RELATA_ADMIN_EMAIL/RELATA_ADMIN_PASSWORD, created only when no user exists yet. */
export async function ensureFirstAdmin(db: Db, email: string, password: string, name = 'Administrator') {
  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  if (count > 0) return null;
  return createUser(db, { email, password, name, role: 'admin' }, null);
}

function toCurrentUser(u: { id: number; email: string; name: string; role: Role; locale: string }): CurrentUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role, locale: u.locale };
}

import { forbidden } from '../../http/errors.js';
import type { CurrentUser } from './service.js';

/**
 * Who may do what. Sales users see and edit only the accounts they own (and what hangs off them);
 * everyone else sees all accounts. Analysts read but do not change operational records.
 */
export const seesAllAccounts = (user: CurrentUser) => user.role !== 'sales';

export type RecordArea = 'accounts' | 'contacts' | 'orders' | 'activities' | 'products' | 'imports';

const writers: Record<RecordArea, CurrentUser['role'][]> = {
  accounts: ['admin', 'manager', 'sales', 'service'],
  contacts: ['admin', 'manager', 'sales', 'service'],
  orders: ['admin', 'manager', 'sales'],
  activities: ['admin', 'manager', 'sales', 'service'],
  products: ['admin', 'manager'],
  imports: ['admin', 'manager'],
};

export function assertCanWrite(user: CurrentUser, area: RecordArea) {
  if (!writers[area].includes(user.role)) throw forbidden(`Your role (${user.role}) cannot change ${area}`);
}

export function assertRole(user: CurrentUser, ...roles: CurrentUser['role'][]) {
  if (!roles.includes(user.role)) throw forbidden(`This needs one of the roles: ${roles.join(', ')}`);
}

import { useCurrentUser } from './auth';
import type { Role } from './enums';

/** The areas of records a role may change, as apps/server/src/modules/users/access.ts has them (campaigns: campaigns/service.ts). */
export type RecordArea = 'accounts' | 'contacts' | 'orders' | 'activities' | 'products' | 'imports' | 'campaigns';

const writers: Record<RecordArea, readonly Role[]> = {
  accounts: ['admin', 'manager', 'sales', 'service'],
  contacts: ['admin', 'manager', 'sales', 'service'],
  orders: ['admin', 'manager', 'sales'],
  activities: ['admin', 'manager', 'sales', 'service'],
  products: ['admin', 'manager'],
  imports: ['admin', 'manager'],
  campaigns: ['admin', 'manager', 'sales'],
};

export const canWrite = (role: Role | undefined, area: RecordArea) => role !== undefined && writers[area].includes(role);

/**
 * Whether the signed-in user may change (edit, delete) records of an area. Only hides what the server
 * would refuse anyway: it still checks every request (and a sales user's reach to their own accounts).
 */
export function useCanWrite(area: RecordArea): boolean {
  return canWrite(useCurrentUser().data?.role, area);
}

/** Administrators see the recycle bin and restore from it. */
export function useIsAdmin(): boolean {
  return useCurrentUser().data?.role === 'admin';
}

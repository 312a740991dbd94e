import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { AuditAction } from './enums';

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  userName: string | null;
  action: AuditAction;
  /** field -> [before, after] */
  changes: Record<string, [unknown, unknown]> | null;
}

export function useAuditLog(entityType: string, entityId: number) {
  return useQuery({
    queryKey: ['audit', entityType, entityId],
    queryFn: ({ signal }) => api<{ items: AuditEntry[] }>('/audit', { query: { entityType, entityId }, signal }),
  });
}

import { useMemo } from 'react';
import { useUsers } from './users';

/** id → name of every user, for showing who an id in an audit entry is. */
export function useUserNames(): Map<number, string> {
  const users = useUsers();
  return useMemo(() => new Map((users.data?.items ?? []).map((user) => [user.id, user.name])), [users.data]);
}

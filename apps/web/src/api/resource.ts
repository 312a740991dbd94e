import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { ListParams, ListResult } from './list';

/**
 * The hooks every REST collection of docs/api.md gets: list, one record, create, update (with `version`),
 * soft delete. Each domain file wraps these with its own types and path.
 */
export function resourceHooks<T, Create, Update>(domain: string, path: string) {
  const keys = {
    all: [domain] as const,
    list: (params: ListParams) => [domain, 'list', params] as const,
    detail: (id: number) => [domain, 'detail', id] as const,
  };

  function useList(params: ListParams, options: { enabled?: boolean } = {}) {
    return useQuery({
      queryKey: keys.list(params),
      queryFn: ({ signal }) => api<ListResult<T>>(path, { query: params, signal }),
      placeholderData: keepPreviousData,
      enabled: options.enabled,
    });
  }

  function useOne(id: number | undefined) {
    return useQuery({
      queryKey: keys.detail(id ?? 0),
      queryFn: ({ signal }) => api<T>(`${path}/${id}`, { signal }),
      enabled: id !== undefined && Number.isFinite(id),
    });
  }

  function useCreate() {
    const client = useQueryClient();
    return useMutation({
      mutationFn: (body: Create) => api<T>(path, { method: 'POST', body }),
      onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
    });
  }

  function useUpdate() {
    const client = useQueryClient();
    return useMutation({
      mutationFn: ({ id, ...body }: Update & { id: number; version: number }) =>
        api<T>(`${path}/${id}`, { method: 'PATCH', body }),
      onSuccess: (record, { id }) => {
        // Merge: the PATCH answer may lack what only GET sends (names of related records, stats).
        client.setQueryData<T>(keys.detail(id), (old) => (old ? { ...old, ...record } : record));
        return client.invalidateQueries({ queryKey: keys.all });
      },
    });
  }

  function useRemove() {
    const client = useQueryClient();
    return useMutation({
      mutationFn: (id: number) => api<void>(`${path}/${id}`, { method: 'DELETE' }),
      onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
    });
  }

  return { keys, useList, useOne, useCreate, useUpdate, useRemove };
}

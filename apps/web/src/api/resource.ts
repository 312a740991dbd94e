import { keepPreviousData, useMutation, useQuery, useQueryClient, type Query } from '@tanstack/react-query';
import { api, isApiError } from './client';
import type { ListParams, ListResult } from './list';

interface ResourceOptions {
  /**
   * Other query roots a delete or restore here changes (the dashboard's counts, an account's stats and
   * timeline, the header search): they are refreshed too.
   */
  related?: readonly string[];
  /**
   * Other query roots a create or an update here changes too (a new order changes its account's revenue and
   * the dashboard): refreshed after each save. None by default.
   */
  savedAlsoChanges?: readonly string[];
}

/**
 * The hooks every REST collection of docs/api.md gets: list, one record, create, update (with `version`),
 * soft delete and restore (admin). Each domain file wraps these with its own types and path.
 */
export function resourceHooks<T, Create, Update>(domain: string, path: string, options: ResourceOptions = {}) {
  const keys = {
    all: [domain] as const,
    list: (params: ListParams) => [domain, 'list', params] as const,
    detail: (id: number) => [domain, 'detail', id] as const,
  };
  const related = options.related ?? [];
  const savedAlsoChanges = options.savedAlsoChanges ?? [];
  const refreshAfterSave = (client: ReturnType<typeof useQueryClient>) =>
    Promise.all([
      client.invalidateQueries({ queryKey: keys.all }),
      ...savedAlsoChanges.map((root) => client.invalidateQueries({ queryKey: [root] })),
    ]);

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
      onSuccess: () => refreshAfterSave(client),
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
        return refreshAfterSave(client);
      },
    });
  }

  /** Refreshes this collection and the related roots; `quiet` queries are only marked stale. */
  const refresh = (client: ReturnType<typeof useQueryClient>, quiet?: (query: Query) => boolean) =>
    Promise.all([
      client.invalidateQueries({ queryKey: keys.all, predicate: quiet ? (query) => !quiet(query) : undefined }),
      quiet ? client.invalidateQueries({ queryKey: keys.all, predicate: quiet, refetchType: 'none' }) : undefined,
      ...related.map((root) => client.invalidateQueries({ queryKey: [root] })),
    ]);

  /** Soft delete: the record goes to the recycle bin. */
  function useRemove() {
    const client = useQueryClient();
    return useMutation({
      mutationFn: (id: number) => api<void>(`${path}/${id}`, { method: 'DELETE' }),
      // The deleted record's own queries (its page, its timeline) are not refetched while its page is
      // still open: the caller leaves it, and a refetch would only flash a "not found".
      onSuccess: (_data, id) => refresh(client, (query) => query.queryKey[2] === id),
      // Gone already (someone else deleted it) or out of reach: what is shown is out of date.
      onError: (error) => {
        if (isApiError(error, 404)) void refresh(client);
      },
    });
  }

  /** Admin: brings a record back from the recycle bin. */
  function useRestore() {
    const client = useQueryClient();
    return useMutation({
      mutationFn: (id: number) => api<T>(`${path}/${id}/restore`, { method: 'POST' }),
      onSuccess: (record, id) => {
        // A page of the record seen while it was deleted must not show it deleted until the refetch is back.
        client.setQueryData<T>(keys.detail(id), (old) => (old ? { ...old, ...record } : old));
        return refresh(client);
      },
      onError: (error) => {
        if (isApiError(error, 404)) void refresh(client);
      },
    });
  }

  return { keys, useList, useOne, useCreate, useUpdate, useRemove, useRestore };
}

/** What the delete and restore buttons need of a collection. */
export type RecycleResource = Pick<ReturnType<typeof resourceHooks<unknown, unknown, unknown>>, 'useRemove' | 'useRestore'>;

import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { TablePaginationConfig } from 'antd';
import type { FilterValue, SorterResult, SortOrder } from 'antd/es/table/interface';
import type { ListParams } from '../../api/list';

const defaultPageSize = 20;

/**
 * The state of a server-side list (page, size, sort, search, filters) kept in the URL,
 * so a list survives reload, back/forward and can be linked to.
 */
export function useListParams(filterNames: readonly string[] = [], defaults: { sort?: string; order?: 'asc' | 'desc' } = {}) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filterKey = filterNames.join(',');

  const params = useMemo<ListParams>(() => {
    const result: ListParams = {
      page: Number(searchParams.get('page')) || 1,
      pageSize: Number(searchParams.get('pageSize')) || defaultPageSize,
      sort: searchParams.get('sort') ?? defaults.sort,
      order: (searchParams.get('order') as 'asc' | 'desc' | null) ?? defaults.order,
      q: searchParams.get('q') ?? undefined,
    };
    for (const name of filterKey ? filterKey.split(',') : []) {
      const value = searchParams.get(name);
      if (value) result[name] = value;
    }
    return result;
  }, [searchParams, filterKey, defaults.sort, defaults.order]);

  const update = useCallback(
    (changes: Record<string, string | number | null | undefined>, resetPage = true) => {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (resetPage && !('page' in changes)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );

  /** Adapter for antd Table's onChange: paging and sorting go to the URL. */
  const onTableChange = useCallback(
    <T,>(pagination: TablePaginationConfig, _filters: Record<string, FilterValue | null>, sorter: SorterResult<T> | SorterResult<T>[]) => {
      const single = Array.isArray(sorter) ? sorter[0] : sorter;
      const field = single?.order ? String(single.columnKey ?? single.field ?? '') : '';
      update(
        {
          page: pagination.current ?? 1,
          pageSize: pagination.pageSize ?? defaultPageSize,
          sort: field || null,
          order: field ? (single?.order === 'ascend' ? 'asc' : 'desc') : null,
        },
        false,
      );
    },
    [update],
  );

  /** The `sortOrder` a column should show for the current URL state. */
  const sortOrderOf = useCallback(
    (column: string): SortOrder => (params.sort === column ? (params.order === 'asc' ? 'ascend' : 'descend') : null),
    [params.sort, params.order],
  );

  return { params, update, onTableChange, sortOrderOf };
}

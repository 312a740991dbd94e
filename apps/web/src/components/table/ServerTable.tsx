import { Empty, Table, type TableProps } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ListParams, ListResult } from '../../api/list';
import { ErrorResult } from '../feedback/ErrorResult';
import { usePagination } from './usePagination';
import type { useListParams } from './useListParams';

interface Props<T> extends Omit<TableProps<T>, 'dataSource' | 'pagination' | 'onChange' | 'loading'> {
  query: UseQueryResult<ListResult<T>>;
  list: Pick<ReturnType<typeof useListParams>, 'onTableChange'> & { params: ListParams };
  emptyText: string;
  /**
   * Width below which the table scrolls sideways. Give every column a width except the main name column:
   * it takes the rest and ellipsizes, so a long name never stretches the table. By default the columns'
   * widths plus 200 px for the name column (at least 960): an added column never squeezes the name away.
   */
  minWidth?: number;
}

/** The default minWidth: the fixed widths, and room for the one column without a width. */
const flexibleColumnMin = 200;
function defaultMinWidth(columns: readonly { width?: string | number }[] | undefined): number {
  const widths = (columns ?? []).map((column) => Number(column.width) || 0);
  const flexible = widths.some((width) => width === 0) ? flexibleColumnMin : 0;
  return Math.max(960, widths.reduce((sum, width) => sum + width, 0) + flexible);
}

/** A Table over a paged list endpoint: server-side paging and sorting, skeleton-free loading, error and empty states. */
export function ServerTable<T extends { id: number | string }>({ query, list, emptyText, minWidth, ...table }: Props<T>) {
  const pagination = usePagination(list.params, query.data?.total);
  if (query.isError && !query.data) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      tableLayout="fixed"
      scroll={{ x: minWidth ?? defaultMinWidth(table.columns) }}
      {...table}
      dataSource={query.data?.items}
      loading={query.isFetching}
      pagination={pagination}
      onChange={list.onTableChange}
      locale={{ emptyText: query.isPending ? <div style={{ height: 160 }} /> : <Empty description={emptyText} /> }}
    />
  );
}

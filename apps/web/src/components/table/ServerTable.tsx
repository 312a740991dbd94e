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
   * it takes the rest and ellipsizes, so a long name never stretches the table.
   */
  minWidth?: number;
}

/** A Table over a paged list endpoint: server-side paging and sorting, skeleton-free loading, error and empty states. */
export function ServerTable<T extends { id: number | string }>({ query, list, emptyText, minWidth = 960, ...table }: Props<T>) {
  const pagination = usePagination(list.params, query.data?.total);
  if (query.isError && !query.data) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      tableLayout="fixed"
      scroll={{ x: minWidth }}
      {...table}
      dataSource={query.data?.items}
      loading={query.isFetching}
      pagination={pagination}
      onChange={list.onTableChange}
      locale={{ emptyText: query.isPending ? <div style={{ height: 160 }} /> : <Empty description={emptyText} /> }}
    />
  );
}

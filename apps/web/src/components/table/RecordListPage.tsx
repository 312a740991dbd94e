import type { ReactNode } from 'react';
import { Button, Flex, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { RecordMeta } from '../../api/list';
import { PageHeader } from '../layout/PageHeader';
import { RecycleBinHint, RecycleBinSwitch } from './RecycleBinSwitch';
import { ServerTable } from './ServerTable';
import type { useListParams } from './useListParams';
import type { RecordList } from './useRecordList';
import './record-list.css';

interface Props<T extends RecordMeta> {
  /** The list's state (useRecordList). */
  records: RecordList<T>;
  title: string;
  titleTestId: string;
  /** The user may add records: the New button. */
  canWrite: boolean;
  newRecord: { label: string; testId: string };
  search: { placeholder: string; width: number; testId?: string };
  /** The toolbar's filters, after the search box (wrap a picker in ListFilter to give it a width). */
  filters: ReactNode;
  /** Centre the toolbar's controls vertically (a checkbox among the filters). */
  alignFilters?: boolean;
  columns: ColumnsType<T>;
  /** What the table says when the list (not the recycle bin) is empty. */
  emptyText: string;
  tableTestId: string;
  /** The record's form drawer, driven by `records.drawer`. */
  drawer: ReactNode;
}

/**
 * A page listing records of one kind: the title with the recycle-bin switch (admins) and New (those who may write),
 * a toolbar of search and filters, the server-paged table, and the drawer a record opens in.
 */
export function RecordListPage<T extends RecordMeta>({ records, title, titleTestId, canWrite, newRecord, search, filters, alignFilters, columns, emptyText, tableTestId, drawer }: Props<T>) {
  const { t } = useTranslation();
  const { list, bin } = records;
  return (
    <>
      <PageHeader
        title={title}
        testId={titleTestId}
        extra={
          bin.allowed || canWrite ? (
            <>
              <RecycleBinSwitch bin={bin} />
              {canWrite ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => records.edit('new')} data-testid={newRecord.testId}>
                  {newRecord.label}
                </Button>
              ) : null}
            </>
          ) : undefined
        }
      />
      <Flex gap={12} wrap align={alignFilters ? 'center' : undefined} className="toolbar">
        <Input.Search
          key={list.params.q ?? ''}
          allowClear
          placeholder={search.placeholder}
          defaultValue={list.params.q}
          onSearch={(q) => list.update({ q })}
          style={{ width: search.width }}
          data-testid={search.testId}
        />
        {filters}
      </Flex>
      <RecycleBinHint bin={bin} />
      <ServerTable<T> query={records.query} list={list} columns={columns} emptyText={bin.active ? t('recycleBin.empty') : emptyText} data-testid={tableTestId} />
      {drawer}
    </>
  );
}

/** A picker among a list's filters, as wide as given. */
export function ListFilter({ width, children }: { width: number; children: ReactNode }) {
  return (
    <div className="list-filter" style={{ width }}>
      {children}
    </div>
  );
}

/** A choice among a list's filters, kept in the URL parameter `name` (cleared: any). */
export function ListSelectFilter({
  list,
  name,
  placeholder,
  options,
  width,
  testId,
}: {
  list: Pick<ReturnType<typeof useListParams>, 'params' | 'update'>;
  name: string;
  placeholder: string;
  options: { value: string; label: string }[];
  width: number;
  testId?: string;
}) {
  return (
    <Select
      allowClear
      placeholder={placeholder}
      options={options}
      value={list.params[name] as string | undefined}
      onChange={(value?: string) => list.update({ [name]: value })}
      style={{ width }}
      data-testid={testId}
    />
  );
}

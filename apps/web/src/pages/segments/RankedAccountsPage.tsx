import type { ReactNode } from 'react';
import { Card, Descriptions, Empty, Modal, Select, Table, Typography, type ButtonProps, type DescriptionsProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth';
import type { ListResult } from '../../api/list';
import { useUsers } from '../../api/users';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { PageHeader } from '../../components/layout/PageHeader';
import { usePagination } from '../../components/table/usePagination';
import { SnapshotInfo } from './shared';
import type { useModelRefresh } from './useModelRefresh';

/** A page of a ranked list from the latest model run, and the run it comes from (null before the first). */
type RankedList<T> = ListResult<T> & { run: { asOf: string } | null };

/** The list's paging, kept by the page with its other filters. */
interface Paging {
  page: number;
  pageSize: number;
}

interface Props<T extends { accountId: number }> {
  title: string;
  titleTestId: string;
  /** The card holding the list. */
  testId: string;
  list: UseQueryResult<RankedList<T>>;
  paging: Paging;
  onPaging: (paging: Paging) => void;
  /** The model refresh the page follows (its progress shows above the list). */
  refresh: ReturnType<typeof useModelRefresh>;
  /** Before the first model run: what the list is, and how to get one. */
  empty: ReactNode;
  /** One paragraph above the list: what it ranks by, and whose customers it shows. */
  help: string;
  /** The filters above the table. */
  toolbar: ReactNode;
  columns: ColumnsType<T>;
  /** What the table says when no customer passes the filters. */
  emptyText: string;
  /** A dialog a row opens (a call to log, a task to write). */
  children?: ReactNode;
}

/**
 * A model page that ranks customers to act on (whom to call, whom to keep): the snapshot's date in the header, the
 * refresh's progress, and the ranked table, paged on the server — or the empty state before the first model run.
 */
export function RankedAccountsPage<T extends { accountId: number }>({ title, titleTestId, testId, list, paging, onPaging, refresh, empty, help, toolbar, columns, emptyText, children }: Props<T>) {
  const pagination = usePagination({ page: paging.page, pageSize: paging.pageSize }, list.data?.total);
  const run = list.data?.run ?? null;

  let body;
  if (list.isPending) body = <Card loading />;
  else if (list.isError) body = <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  else if (!run) body = empty;
  else {
    body = (
      <Card data-testid={testId} styles={{ body: { paddingTop: 16 } }}>
        <Typography.Paragraph type="secondary" className="panel-help">
          {help}
        </Typography.Paragraph>
        {toolbar}
        <Table<T>
          rowKey="accountId"
          size="middle"
          tableLayout="fixed"
          loading={list.isFetching}
          dataSource={list.data.items}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
          pagination={{ ...pagination, onChange: (page, pageSize) => onPaging({ page, pageSize }) }}
          columns={columns}
        />
      </Card>
    );
  }

  return (
    <>
      <PageHeader title={title} testId={titleTestId} extra={<SnapshotInfo asOf={run?.asOf} />} />
      {refresh.progress}
      {body}
      {children}
    </>
  );
}

/** Whether the signed-in user sees every owner's customers in a ranked list (a sales user sees their own). */
export function useSeesAllOwners(): boolean {
  return useCurrentUser().data?.role !== 'sales';
}

/** Picks one owner's customers in a ranked list (any owner when cleared). */
export function OwnerFilter({ value, onChange, testId }: { value: number | undefined; onChange: (ownerId: number | undefined) => void; testId: string }) {
  const { t } = useTranslation();
  const users = useUsers();
  return (
    <Select<number>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('segments.priority.allOwners')}
      value={value}
      onChange={(ownerId) => onChange(ownerId ?? undefined)}
      options={(users.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
      loading={users.isFetching}
      style={{ width: 220 }}
      aria-label={t('segments.priority.owner')}
      data-testid={testId}
    />
  );
}

/** The owner column of a ranked list, for those who see every owner's customers. */
export function useOwnerColumn<T extends { ownerName: string | null }>(): ColumnsType<T> {
  const { t } = useTranslation();
  const seesAll = useSeesAllOwners();
  return seesAll ? [{ key: 'owner', dataIndex: 'ownerName', title: t('segments.priority.owner'), width: 112, ellipsis: true, render: (v: string | null) => v ?? '—' }] : [];
}

interface ModalProps {
  open: boolean;
  title: string;
  /** What the OK button does ("Log the call", "Create the task"), and its test id. */
  okText: string;
  okTestId: string;
  submitting: boolean;
  /** Submits the dialog's form. */
  onOk: () => void;
  onClose: () => void;
  width: number;
  /** What the user should have in view: the customer's facts from the list. */
  facts: DescriptionsProps['items'];
  /** The form. */
  children: ReactNode;
}

/** The dialog a ranked list's row opens to act on the customer: the facts from the list above a short form. */
export function RankedAccountModal({ open, title, okText, okTestId, submitting, onOk, onClose, width, facts, children }: ModalProps) {
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={onOk}
      okText={okText}
      confirmLoading={submitting}
      destroyOnHidden
      width={width}
      okButtonProps={{ 'data-testid': okTestId } as ButtonProps}
    >
      {open ? <Descriptions size="small" column={1} style={{ marginBottom: 16 }} items={facts} /> : null}
      {children}
    </Modal>
  );
}

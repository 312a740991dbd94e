import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Popconfirm, Segmented, Table, Typography, type ButtonProps } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useCanWrite, useIsAdmin } from '../../api/access';
import { isApiError } from '../../api/client';
import { useDeleteIncome, useIncome, useRestoreIncome, type IncomePeriod } from '../../api/income';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useActionErrorText } from '../../components/feedback/useActionErrorText';
import { useFormatters } from '../../components/format/useFormatters';
import { ServiceEnumTag } from '../tickets/serviceEnums';
import { AccountIncomeChart } from './AccountIncomeChart';
import { AccountIncomeForm } from './AccountIncomeForm';

/** A growth figure with its direction: green up, red down. */
function Growth({ value }: { value: number | null }) {
  const format = useFormatters();
  if (value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const up = value >= 0;
  return (
    <Typography.Text type={up ? 'success' : 'danger'} data-testid="income-growth" data-growth={value}>
      {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {format.percent(Math.abs(value))}
    </Typography.Text>
  );
}

/**
 * The customer's own income per period on the account page: a chart of the income and its growth, the
 * periods as a table; those who may change accounts add, change and delete periods, admins restore them.
 */
export function AccountIncomeCard({ accountId, live = true }: { accountId: number; live?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormatters();
  const canWrite = useCanWrite('accounts') && live;
  const isAdmin = useIsAdmin();
  const [showDeleted, setShowDeleted] = useState(false);
  const income = useIncome(accountId, { deleted: showDeleted });
  const remove = useDeleteIncome(accountId);
  const restore = useRestoreIncome(accountId);
  const errorText = useActionErrorText();
  const [editing, setEditing] = useState<IncomePeriod | 'new' | null>(null);

  const labelOf = (p: IncomePeriod) => {
    const [year, month] = p.periodStart.split('-').map(Number);
    if (p.periodType === 'year') return t('service.income.year', { year });
    if (p.periodType === 'quarter') return t('service.income.quarter', { year, q: Math.floor((month - 1) / 3) + 1 });
    return p.periodStart.slice(0, 7);
  };
  const periods = income.data?.items ?? [];
  const latest = [...periods].reverse().find((p) => p.growth !== null);

  const deletePeriod = async (p: IncomePeriod) => {
    try {
      await remove.mutateAsync(p.periodStart);
      void message.success(t('service.income.deleted', { period: labelOf(p) }));
    } catch (error) {
      void message.error({ content: errorText('delete', error), duration: 6 });
    }
  };
  const restorePeriod = async (p: IncomePeriod) => {
    try {
      await restore.mutateAsync(p.periodStart);
      void message.success(t('service.income.restored', { period: labelOf(p) }));
    } catch (error) {
      void message.error({ content: isApiError(error, 409) ? t('service.income.restoreTaken') : errorText('restore', error), duration: 6 });
    }
  };

  const columns: ColumnsType<IncomePeriod> = [
    { key: 'period', title: t('service.income.period'), width: 130, render: (_v, p) => <span data-testid="income-period-label">{labelOf(p)}</span> },
    { key: 'type', dataIndex: 'periodType', title: t('service.income.periodType'), width: 100, render: (v: string) => <ServiceEnumTag name="periodType" value={v} /> },
    { key: 'income', dataIndex: 'income', title: t('service.income.income'), width: 150, align: 'right', render: (v: number) => format.money(v) },
    ...(showDeleted ? [] : [{ key: 'growth', dataIndex: 'growth', title: t('service.income.growth'), width: 110, align: 'right' as const, render: (v: number | null) => <Growth value={v} /> }]),
    { key: 'source', dataIndex: 'source', title: t('service.income.source'), ellipsis: true, render: (v: string | null) => v || <Typography.Text type="secondary">—</Typography.Text> },
  ];
  if (showDeleted && isAdmin) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      render: (_v, p) => (
        <Button type="link" size="small" style={{ paddingInline: 0 }} loading={restore.isPending && restore.variables === p.periodStart} onClick={() => void restorePeriod(p)} data-testid="income-restore">
          {t('recycleBin.restore')}
        </Button>
      ),
    });
  } else if (canWrite) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      render: (_v, p) => (
        <Flex gap={12}>
          <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setEditing(p)} data-testid="income-edit">
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('service.income.deleteConfirm', { period: labelOf(p) })}
            description={t('recycleBin.deleteHint')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'delete-confirm' } as ButtonProps}
            placement="bottomRight"
            onConfirm={() => deletePeriod(p)}
          >
            <Button type="link" size="small" danger style={{ paddingInline: 0 }} data-testid="income-delete">
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    });
  }

  return (
    <Card
      title={t('service.income.title')}
      extra={
        <Flex gap={8}>
          {isAdmin ? (
            <Segmented<'live' | 'deleted'>
              size="small"
              value={showDeleted ? 'deleted' : 'live'}
              onChange={(v) => setShowDeleted(v === 'deleted')}
              options={[
                { value: 'live', label: t('recycleBin.active') },
                { value: 'deleted', label: t('service.income.showDeleted') },
              ]}
            />
          ) : null}
          {canWrite && !showDeleted ? (
            <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="income-add">
              {t('service.income.add')}
            </Button>
          ) : null}
        </Flex>
      }
      data-testid="account-income"
    >
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="baseline" gap={16} wrap>
          <Typography.Text type="secondary" style={{ flex: 1, minWidth: 240 }}>
            {t('service.income.intro')}
          </Typography.Text>
          {!showDeleted && latest ? (
            <span data-testid="income-latest-growth">
              <Typography.Text type="secondary">{t('service.income.latestGrowth', { period: labelOf(latest) })} </Typography.Text>
              <Growth value={latest.growth} />
            </span>
          ) : null}
        </Flex>
        {income.isError ? (
          <ErrorResult error={income.error} onRetry={() => void income.refetch()} />
        ) : !income.isPending && periods.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              showDeleted ? (
                t('service.income.deletedEmpty')
              ) : (
                <Flex vertical gap={4} align="center">
                  <span>{t('service.income.empty')}</span>
                  <Typography.Text type="secondary">{t('service.income.emptyHint')}</Typography.Text>
                </Flex>
              )
            }
          />
        ) : (
          <>
            {!showDeleted && periods.length > 0 ? <AccountIncomeChart periods={periods} labelOf={labelOf} /> : null}
            <Table<IncomePeriod>
              rowKey="id"
              size="small"
              tableLayout="fixed"
              columns={columns}
              dataSource={[...periods].reverse()}
              loading={income.isFetching}
              pagination={{ pageSize: 6, hideOnSinglePage: true, size: 'small' }}
              data-testid="income-table"
            />
          </>
        )}
      </Flex>
      {canWrite ? <AccountIncomeForm open={editing !== null} period={editing === 'new' ? null : editing} accountId={accountId} labelOf={labelOf} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}

import { useState } from 'react';
import { Button, Card, Empty, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useCanWrite } from '../../api/access';
import { referralsApi, useAccountReferrals, type Referral, type ReferralDirection } from '../../api/referrals';
import { AccountLink } from '../../components/AccountLink';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useFormatters } from '../../components/format/useFormatters';
import { DeleteButton } from '../../components/table/RecordActions';
import { AccountReferralsForm } from './AccountReferralsForm';

/** The other side of a referral: an account (a link), a lead, or an account the user may not see. */
function Party({ accountId, leadId, name }: { accountId: number | null; leadId: number | null; name: string | null | undefined }) {
  const { t } = useTranslation();
  if (accountId !== null && name) return <AccountLink id={accountId} name={name} />;
  if (accountId !== null) return <Typography.Text type="secondary">{t('service.referrals.hidden')}</Typography.Text>;
  return (
    <Flex gap={6} align="center" style={{ minWidth: 0 }}>
      <Tag style={{ marginInlineEnd: 0 }}>{t('service.referrals.lead')}</Tag>
      <span className="ellipsis-link" title={name ?? undefined}>
        {name ?? `#${leadId}`}
      </span>
    </Flex>
  );
}

/**
 * Word of mouth on the account page: the customers this account brought (with their value) and who brought it.
 * Those who may change accounts add, edit and delete referrals.
 */
export function AccountReferralsCard({ accountId, live = true }: { accountId: number; live?: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const canWrite = useCanWrite('accounts') && live;
  const [direction, setDirection] = useState<Exclude<ReferralDirection, 'all'>>('made');
  const made = useAccountReferrals(accountId, 'made', { page: 1, pageSize: 200 });
  const received = useAccountReferrals(accountId, 'received', { page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Referral | 'new' | null>(null);
  const query = direction === 'made' ? made : received;
  const madeValue = (made.data?.items ?? []).reduce((sum, r) => sum + (r.value ?? 0), 0);

  const columns: ColumnsType<Referral> = [
    direction === 'made'
      ? {
          key: 'referred',
          title: t('service.referrals.referred'),
          ellipsis: true,
          render: (_v, r) => <Party accountId={r.referredAccountId} leadId={r.referredLeadId} name={r.referredName} />,
        }
      : {
          key: 'referrer',
          title: t('service.referrals.referrer'),
          ellipsis: true,
          render: (_v, r) => <Party accountId={r.referrerAccountId} leadId={null} name={r.referrerName} />,
        },
    { key: 'referredAt', dataIndex: 'referredAt', title: t('service.referrals.referredAt'), width: 110, render: (v: string) => format.date(v) },
    { key: 'value', dataIndex: 'value', title: t('service.referrals.value'), width: 120, align: 'right', render: (v: number | null) => format.money(v) },
    {
      key: 'notes',
      dataIndex: 'notes',
      title: t('service.referrals.notes'),
      width: 180,
      ellipsis: { showTitle: true },
      render: (v: string | null) => v || <Typography.Text type="secondary">—</Typography.Text>,
    },
  ];
  // Only the referrals this account made are changed here; one it received belongs to its referrer's page.
  if (canWrite && direction === 'made') {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      render: (_v, r) => (
        <Flex gap={12}>
          <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setEditing(r)} data-testid="referral-edit">
            {t('common.edit')}
          </Button>
          <DeleteButton
            resource={referralsApi}
            id={r.id}
            name={r.referredName ?? ''}
            confirmTitle={() => t('service.referrals.deleteConfirm')}
            successText={() => t('service.referrals.deleted')}
            testId="referral-delete"
          />
        </Flex>
      ),
    });
  }

  return (
    <Card
      title={t('service.referrals.title')}
      extra={
        canWrite ? (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="referral-add">
            {t('service.referrals.add')}
          </Button>
        ) : null
      }
      data-testid="account-referrals"
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('service.referrals.intro')}</Typography.Text>
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Segmented<Exclude<ReferralDirection, 'all'>>
            value={direction}
            onChange={setDirection}
            options={[
              { value: 'made', label: `${t('service.referrals.made')} (${made.data?.total ?? 0})` },
              { value: 'received', label: `${t('service.referrals.received')} (${received.data?.total ?? 0})` },
            ]}
            data-testid="referral-direction"
          />
          {direction === 'made' && (made.data?.total ?? 0) > 0 ? (
            <Typography.Text data-testid="referral-summary">
              {t('service.referrals.madeSummary', { count: made.data?.total ?? 0, value: format.money(madeValue) })}
            </Typography.Text>
          ) : null}
        </Flex>
        {query.isError ? (
          <ErrorResult error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<Referral>
            rowKey="id"
            size="small"
            tableLayout="fixed"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small' }}
            locale={{
              emptyText: query.isPending ? ' ' : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={direction === 'made' ? t('service.referrals.emptyMade') : t('service.referrals.emptyReceived')} />
              ),
            }}
            data-testid="referral-table"
          />
        )}
      </Flex>
      {canWrite ? <AccountReferralsForm open={editing !== null} referral={editing === 'new' ? null : editing} accountId={accountId} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}

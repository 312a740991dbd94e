import { useState } from 'react';
import { Button, Card, Col, Descriptions, Flex, Row, Statistic, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCanWrite } from '../../api/access';
import { accountsApi, type Account } from '../../api/accounts';
import { EnumTag, useEnumLabel } from '../../components/enums/EnumTag';
import { useFormatters } from '../../components/format/useFormatters';
import { DeleteButton } from '../../components/table/RecordActions';
import { AccountEditDrawer } from './AccountEditDrawer';

const text = (value: string | null | undefined) => value || '—';

export function AccountProfileCard({ account }: { account: Account }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useEnumLabel();
  const navigate = useNavigate();
  const canWrite = useCanWrite('accounts');
  const [editing, setEditing] = useState(false);
  const stats = account.stats;
  // A deleted account (only an admin can open one) is restored first, not edited.
  const live = !account.deletedAt;

  return (
    <Card
      title={t('account.profile')}
      extra={
        live ? (
          <Flex gap={8}>
            {canWrite ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="account-edit">
                {t('common.edit')}
              </Button>
            ) : null}
            {canWrite ? (
              <DeleteButton
                resource={accountsApi}
                id={account.id}
                name={account.name}
                variant="default"
                testId="account-delete"
                confirmTitle={(name) => t('account.deleteConfirm', { name })}
                description={t('account.deleteHint')}
                successText={(name) => t('account.deleted', { name })}
                onDeleted={() => navigate('/accounts')}
              />
            ) : null}
          </Flex>
        ) : null
      }
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={6}>
          <Row gutter={[16, 16]}>
            <Col span={12} xl={24}>
              <Statistic title={t('account.stats.revenue')} value={format.money(stats?.revenue ?? 0)} />
            </Col>
            <Col span={6} xl={12}>
              <Statistic title={t('account.stats.orders')} value={format.number(stats?.orders ?? 0)} />
            </Col>
            <Col span={6} xl={12}>
              <Statistic title={t('account.stats.lastOrderAt')} value={format.date(stats?.lastOrderAt)} />
            </Col>
          </Row>
        </Col>
        <Col xs={24} xl={18}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              { key: 'externalId', label: t('fields.account.externalId'), children: text(account.externalId) },
              { key: 'kind', label: t('fields.account.kind'), children: <EnumTag name="kind" value={account.kind} /> },
              { key: 'owner', label: t('fields.account.owner'), children: text(account.ownerName) },
              { key: 'email', label: t('fields.account.email'), children: account.email ? <a href={`mailto:${account.email}`}>{account.email}</a> : '—' },
              { key: 'phone', label: t('fields.account.phone'), children: text(account.phone) },
              { key: 'industry', label: t('fields.account.industry'), children: account.industry ? label('industry', account.industry) : '—' },
              {
                key: 'location',
                label: t('fields.account.city'),
                children: text([account.city, account.region, account.country].filter(Boolean).join(' · ')),
              },
              { key: 'address', label: t('fields.account.address'), children: text(account.address) },
              {
                key: 'website',
                label: t('fields.account.website'),
                children: account.website ? (
                  <Typography.Link href={account.website} target="_blank" rel="noreferrer" ellipsis>
                    {account.website}
                  </Typography.Link>
                ) : (
                  '—'
                ),
              },
              { key: 'source', label: t('fields.account.source'), children: label('accountSource', account.source) },
              { key: 'createdAt', label: t('fields.account.createdAt'), children: format.dateTime(account.createdAt) },
              { key: 'updatedAt', label: t('fields.account.updatedAt'), children: format.dateTime(account.updatedAt) },
              ...Object.entries(account.attributes ?? {}).map(([name, value]) => ({
                key: `attr:${name}`,
                label: name,
                children: typeof value === 'boolean' ? t(value ? 'common.yes' : 'common.no') : typeof value === 'number' ? format.number(value) : text(value),
              })),
              {
                key: 'notes',
                label: t('fields.account.notes'),
                span: 'filled',
                children: <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0 }}>{text(account.notes)}</Typography.Paragraph>,
              },
            ]}
          />
        </Col>
      </Row>
      <AccountEditDrawer account={account} open={editing} onClose={() => setEditing(false)} />
    </Card>
  );
}

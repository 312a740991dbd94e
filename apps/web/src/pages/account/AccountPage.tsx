import { Card, Flex, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { accountsApi, useAccount } from '../../api/accounts';
import { EnumTag } from '../../components/enums/EnumTag';
import { DeletedBanner } from '../../components/feedback/DeletedBanner';
import { QueryState } from '../../components/feedback/QueryState';
import { NotFoundPage } from '../NotFoundPage';
import { AccountProfileCard } from './AccountProfileCard';
import { AccountContactsTab } from './AccountContactsTab';
import { AccountOrdersTab } from './AccountOrdersTab';
import { AccountActivitiesTab } from './AccountActivitiesTab';
import { AccountTimelineTab } from './AccountTimelineTab';
import { AccountHistoryTab } from './AccountHistoryTab';
import { AccountValueTab } from './AccountValueTab';
import { AccountSegmentsTab } from './AccountSegmentsTab';
import { AccountPropensityTab } from './AccountPropensityTab';
import { AccountTicketsTab } from './AccountTicketsTab';
import { AccountReferralsTab } from './AccountReferralsTab';
import { AccountRelationshipTab } from '../relationship/AccountRelationshipTab';

const tabKeys = ['contacts', 'orders', 'service', 'value', 'referrals', 'segments', 'propensity', 'relationship', 'activities', 'timeline', 'history'] as const;
type TabKey = (typeof tabKeys)[number];

/** One customer's archive: profile, contacts, orders, customer value, groups and offers, propensity, activities, timeline and change history. */
export default function AccountPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const account = useAccount(id);
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = (tabKeys as readonly string[]).includes(searchParams.get('tab') ?? '') ? (searchParams.get('tab') as TabKey) : 'contacts';

  const tabs = [
    { key: 'contacts', label: t('account.tabs.contacts'), children: <AccountContactsTab accountId={id} /> },
    { key: 'orders', label: t('account.tabs.orders'), children: <AccountOrdersTab accountId={id} accountName={account.data?.name} live={!account.data?.deletedAt} /> },
    {
      key: 'service',
      label: <span data-testid="account-service-tab">{t('service.account.tab')}</span>,
      children: <AccountTicketsTab accountId={id} accountName={account.data?.name} live={!account.data?.deletedAt} />,
    },
    { key: 'value', label: <span data-testid="account-value-tab">{t('account.tabs.value')}</span>, children: <AccountValueTab accountId={id} /> },
    {
      key: 'referrals',
      label: <span data-testid="account-referrals-tab">{t('service.account.tabReferrals')}</span>,
      children: <AccountReferralsTab accountId={id} live={!account.data?.deletedAt} />,
    },
    {
      key: 'segments',
      label: <span data-testid="account-segments-tab">{t('segments.account.tab')}</span>,
      children: <AccountSegmentsTab accountId={id} />,
    },
    {
      key: 'propensity',
      label: <span data-testid="account-propensity-tab">{t('propensity.account.tab')}</span>,
      children: <AccountPropensityTab accountId={id} />,
    },
    {
      key: 'relationship',
      label: <span data-testid="account-relationship-tab">{t('relationship.account.tab')}</span>,
      children: <AccountRelationshipTab accountId={id} />,
    },
    { key: 'activities', label: <span data-testid="account-activities-tab">{t('account.tabs.activities')}</span>, children: <AccountActivitiesTab accountId={id} /> },
    { key: 'timeline', label: t('account.tabs.timeline'), children: <AccountTimelineTab accountId={id} /> },
    { key: 'history', label: t('account.tabs.history'), children: <AccountHistoryTab accountId={id} /> },
  ];

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return (
    <QueryState query={account} loading={<Skeleton active paragraph={{ rows: 10 }} />}>
      {(data) => (
        <Flex vertical gap={16}>
          <Flex align="center" gap={12} style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0, minWidth: 0 }} ellipsis={{ tooltip: data.name }} data-testid="account-name">
              {data.name}
            </Typography.Title>
            <Space size={4} wrap={false}>
              <EnumTag name="customerType" value={data.customerType} />
              <EnumTag name="relationshipLevel" value={data.relationshipLevel} />
              {data.tags.slice(0, 4).map((tag) => (
                <Tag key={tag}>{tag}</Tag>
              ))}
            </Space>
          </Flex>
          <DeletedBanner resource={accountsApi} id={data.id} name={data.name} deletedAt={data.deletedAt} />
          <AccountProfileCard account={data} />
          <Card className="account-tabs" styles={{ body: { paddingTop: 4 } }}>
            <Tabs
              activeKey={tab}
              onChange={(key) => setSearchParams({ tab: key }, { replace: true })}
              items={tabs}
              destroyOnHidden
            />
          </Card>
        </Flex>
      )}
    </QueryState>
  );
}

import { Card, Col, Empty, Flex, Progress, Row, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../api/auth';
import { hasRole, segmentRoles, useAccountSegments, type AccountSegments, type Offer } from '../../api/segments';
import { EmptyHint, EmptyState } from '../../components/feedback/EmptyCard';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useFormatters } from '../../components/format/useFormatters';
import { useLocalizedText } from '../../components/format/useLocalizedText';
import { groupColor, useGroupNames } from '../segments/shared';

/** The account in the predictive model: how much it belongs to each customer group, and what to offer it and why. */
export function AccountSegmentsTab({ accountId }: { accountId: number }) {
  const { t } = useTranslation();
  const data = useAccountSegments(accountId);
  const me = useCurrentUser();

  if (data.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (data.isError) return <ErrorResult error={data.error} onRetry={() => void data.refetch()} />;
  if (!data.data.run || (data.data.memberships.length === 0 && data.data.offers.length === 0)) {
    const mayOpen = hasRole(me.data?.role, segmentRoles);
    return (
      <EmptyState
        testId="account-segments-empty"
        title={data.data.run ? t('segments.account.notInModel') : t('segments.common.emptyTitle')}
        description={<EmptyHint maxWidth={560}>{data.data.run ? t('segments.account.notInModelHint') : t('segments.account.emptyHint')}</EmptyHint>}
      >
        {mayOpen && !data.data.run ? <Link to="/groups">{t('segments.account.openGroups')}</Link> : null}
      </EmptyState>
    );
  }
  return <Panel data={data.data} />;
}

function Panel({ data }: { data: AccountSegments }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const localized = useLocalizedText();
  const groupName = useGroupNames(data.memberships);
  const memberships = [...data.memberships].sort((a, b) => b.membership - a.membership);
  const top = memberships[0];

  return (
    <Flex vertical gap={16} data-testid="account-segments">
      <Typography.Text type="secondary">{t('segments.common.asOf', { date: format.dateTime(data.run?.asOf) })}</Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('segments.account.memberships')} className="value-card" data-testid="account-segments-memberships">
            <Typography.Paragraph type="secondary" className="panel-help">
              {top && top.membership < 0.6 ? t('segments.account.mixed') : t('segments.account.membershipHelp')}
            </Typography.Paragraph>
            {memberships.length === 0 ? (
              <Typography.Text type="secondary">{t('segments.account.notInModel')}</Typography.Text>
            ) : (
              <Flex vertical gap={10}>
                {memberships.map((m) => {
                  const name = groupName(m.groupNo);
                  return (
                    <div key={m.groupNo} data-testid={`account-segments-group-${m.groupNo}`}>
                      <Flex align="center" gap={6} style={{ minWidth: 0 }}>
                        <span className="group-dot" style={{ background: groupColor(m.groupNo) }} />
                        <Typography.Text ellipsis={{ tooltip: name }} strong={m.groupNo === (data.groupNo ?? top?.groupNo)} style={{ minWidth: 0, flex: 1 }}>
                          {name}
                        </Typography.Text>
                        {m.groupNo === (data.groupNo ?? top?.groupNo) ? <Tag color="blue">{t('segments.account.primary')}</Tag> : null}
                        <Typography.Text type="secondary" className="group-no-text">
                          {t('segments.groups.groupNo', { n: m.groupNo + 1 })}
                        </Typography.Text>
                      </Flex>
                      <Progress
                        percent={Math.round(m.membership * 1000) / 10}
                        strokeColor={groupColor(m.groupNo)}
                        size="small"
                        format={(p) => `${p}%`}
                      />
                    </div>
                  );
                })}
              </Flex>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('segments.account.offers')} className="value-card" data-testid="account-segments-offers" styles={{ body: { padding: 0 } }}>
            <Table<Offer>
              rowKey="rank"
              size="small"
              tableLayout="fixed"
              pagination={false}
              dataSource={data.offers}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('segments.account.noOffers')} /> }}
              columns={[
                { key: 'rank', dataIndex: 'rank', title: '#', width: 40 },
                {
                  key: 'product',
                  dataIndex: 'productName',
                  title: t('segments.account.product'),
                  width: '26%',
                  render: (name: string, row) => (
                    <Flex vertical style={{ minWidth: 0 }}>
                      <Typography.Text ellipsis={{ tooltip: name }} data-testid="account-segments-offer-product">
                        {name}
                      </Typography.Text>
                      <Typography.Text type="secondary" className="value-stat-note" ellipsis={{ tooltip: true }}>
                        {[row.sku, row.category].filter(Boolean).join(' · ') || '\u00a0'}
                      </Typography.Text>
                    </Flex>
                  ),
                },
                {
                  key: 'probability',
                  dataIndex: 'probability',
                  title: t('segments.account.probability'),
                  width: 120,
                  render: (v: number) => <Progress percent={Math.round(v * 1000) / 10} size="small" format={(p) => `${p}%`} />,
                },
                {
                  key: 'expectedValue',
                  dataIndex: 'expectedValue',
                  title: (
                    <Tooltip title={t('segments.account.expectedValueHint')}>
                      <span className="dotted-hint">{t('segments.account.expectedValue')}</span>
                    </Tooltip>
                  ),
                  width: 124,
                  align: 'right',
                  render: (v: number) => format.money(v),
                },
                {
                  key: 'reason',
                  dataIndex: 'reason',
                  title: t('segments.account.reason'),
                  render: (reason: Offer['reason']) => (
                    <Typography.Paragraph className="reason-text" data-testid="account-segments-reason">
                      {localized(reason?.text) || '—'}
                    </Typography.Paragraph>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

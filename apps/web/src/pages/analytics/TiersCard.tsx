import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AnalyticsOverview, ValueParams } from '../../api/analytics';
import { valueTiers, type ValueTier } from '../../api/enums';
import { EnumTag, useEnumLabel } from '../../components/enums/EnumTag';
import { useFormatters } from '../../components/format/useFormatters';
import { Chart, chartColors } from './Chart';

type TierRow = NonNullable<AnalyticsOverview['byTier']>[number];

/** The customer pyramid: each tier's share of customers against its share of value, and the rule in force. */
export function TiersCard({ byTier, params }: { byTier: TierRow[]; params: Partial<ValueParams> | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useEnumLabel();
  const found = new Map(byTier.map((row) => [row.tier, row]));
  const rows = valueTiers.map((tier) => found.get(tier) ?? { tier, customers: 0, value: 0, clv: 0 });
  const customers = rows.reduce((sum, r) => sum + r.customers, 0) || 1;
  const value = rows.reduce((sum, r) => sum + Math.max(0, r.value), 0) || 1;

  const rule = params?.tierRule;
  const ruleText = !rule
    ? null
    : rule.by === 'minimum-value'
      ? t('analytics.tiers.ruleMinimumValue', { vip: format.money(rule.vip), major: format.money(rule.major), ordinary: format.money(rule.ordinary) })
      : t(rule.by === 'customer-share' ? 'analytics.tiers.ruleCustomerShare' : 'analytics.tiers.ruleValueShare', {
          vip: format.percent(rule.vip),
          major: format.percent(rule.major),
          ordinary: format.percent(rule.ordinary),
        });

  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => format.percent(v) },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => label('valueTier', r.tier)) },
    yAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => format.percent(v) } },
    series: [
      {
        name: t('analytics.tiers.customerShare'),
        type: 'bar',
        color: chartColors.grey,
        data: rows.map((r) => r.customers / customers),
        barMaxWidth: 36,
      },
      {
        name: t('analytics.tiers.valueShare'),
        type: 'bar',
        color: chartColors.gold,
        data: rows.map((r) => Math.max(0, r.value) / value),
        barMaxWidth: 36,
        label: { show: true, position: 'top', fontSize: 11, formatter: (p: { value: number }) => format.percent(p.value) },
      },
    ],
  };

  return (
    <Card title={t('analytics.tiers.title')} data-testid="analytics-tiers" className="panel-card">
      {ruleText ? (
        <Typography.Paragraph type="secondary" className="panel-help">
          {ruleText}
        </Typography.Paragraph>
      ) : null}
      <Chart option={option} height={240} testId="analytics-tiers-chart" />
      <Table<TierRow>
        rowKey="tier"
        size="small"
        tableLayout="fixed"
        pagination={false}
        dataSource={rows}
        style={{ marginTop: 8 }}
        columns={[
          {
            key: 'tier',
            dataIndex: 'tier',
            title: t('analytics.tiers.tier'),
            width: 110,
            render: (tier: ValueTier) => (
              <Link to={`/accounts?valueTier=${tier}`}>
                <EnumTag name="valueTier" value={tier} />
              </Link>
            ),
          },
          {
            key: 'customers',
            dataIndex: 'customers',
            title: t('analytics.tiers.customers'),
            align: 'right',
            render: (v: number) => `${format.number(v)} · ${format.percent(v / customers)}`,
          },
          {
            key: 'value',
            dataIndex: 'value',
            title: t('analytics.tiers.value'),
            align: 'right',
            render: (v: number) => `${format.compact(v)} · ${format.percent(Math.max(0, v) / value)}`,
          },
          { key: 'clv', dataIndex: 'clv', title: t('analytics.tiers.clv'), align: 'right', render: (v: number) => format.compact(v) },
        ]}
      />
    </Card>
  );
}

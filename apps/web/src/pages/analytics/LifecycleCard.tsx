import { Card, Col, Flex, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AnalyticsDefinitions, AnalyticsOverview } from '../../api/analytics';
import { lifecycleStages } from '../../api/enums';
import { EnumTag, useEnumLabel } from '../../components/enums/EnumTag';
import { useFormatters } from '../../components/format/useFormatters';
import { useLocalizedText } from '../../components/format/useLocalizedText';
import { Chart } from './Chart';

type StageRow = NonNullable<AnalyticsOverview['byStage']>[number];

export const stageColors: Record<string, string> = {
  exploration: '#2f54eb',
  formation: '#13c2c2',
  stability: '#52c41a',
  decline: '#fa541c',
  unknown: '#bfbfbf',
};

/** Customers per lifecycle stage, and the rule that puts them there, line by line. */
export function LifecycleCard({ byStage, lifecycle }: { byStage: StageRow[]; lifecycle: AnalyticsDefinitions['lifecycle'] | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useEnumLabel();
  const localized = useLocalizedText();
  const found = new Map(byStage.map((row) => [row.stage, row]));
  const rows: StageRow[] = [
    ...lifecycleStages.map((stage) => found.get(stage) ?? { stage, customers: 0 }),
    ...byStage.filter((row) => !(lifecycleStages as readonly string[]).includes(row.stage)),
  ];
  const total = rows.reduce((sum, r) => sum + r.customers, 0) || 1;

  const option = {
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number; percent: number }) => `${p.name}: ${format.number(p.value)} (${p.percent}%)` },
    series: [
      {
        type: 'pie',
        radius: ['48%', '78%'],
        avoidLabelOverlap: true,
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        // the table beside it names the stages in the same colours
        label: { show: false },
        data: rows
          .filter((r) => r.customers > 0)
          .map((r) => ({ name: label('lifecycleStage', r.stage), value: r.customers, itemStyle: { color: stageColors[r.stage] ?? '#bfbfbf' } })),
      },
    ],
  };

  return (
    <Card title={t('analytics.lifecycle.title')} data-testid="analytics-lifecycle" className="panel-card">
      <Row gutter={[16, 8]} align="middle">
        <Col xs={24} md={12}>
          <Chart option={option} height={220} testId="analytics-lifecycle-chart" />
        </Col>
        <Col xs={24} md={12}>
          <Table<StageRow>
            rowKey="stage"
            size="small"
            tableLayout="fixed"
            pagination={false}
            dataSource={rows}
            columns={[
              {
                key: 'stage',
                dataIndex: 'stage',
                title: t('analytics.lifecycle.stage'),
                render: (stage: string) =>
                  stage === 'unknown' ? (
                    <EnumTag name="lifecycleStage" value={stage} />
                  ) : (
                    <Link to={`/accounts?lifecycleStage=${stage}`}>
                      <EnumTag name="lifecycleStage" value={stage} />
                    </Link>
                  ),
              },
              { key: 'customers', dataIndex: 'customers', title: t('analytics.lifecycle.customers'), align: 'right', render: (v: number) => format.number(v) },
              { key: 'share', dataIndex: 'customers', title: t('analytics.lifecycle.share'), align: 'right', width: 80, render: (v: number) => format.percent(v / total) },
            ]}
          />
        </Col>
      </Row>
      {lifecycle ? (
        <div className="lifecycle-rule" data-testid="analytics-lifecycle-rule">
          <Typography.Text strong>{t('analytics.lifecycle.ruleTitle')}</Typography.Text>
          <ol>
            {lifecycle.rule.map((line) => (
              <li key={line.id}>
                <Flex gap={8} align="baseline">
                  <span className="lifecycle-rule-stage">
                    <EnumTag name="lifecycleStage" value={line.stage} />
                  </span>
                  <Typography.Text>{localized(line.text)}</Typography.Text>
                </Flex>
              </li>
            ))}
          </ol>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {localized(lifecycle.explanation)}
          </Typography.Paragraph>
        </div>
      ) : null}
    </Card>
  );
}

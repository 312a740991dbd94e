import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HoldoutCheck } from '../../api/analytics';
import { useFormatters } from '../../components/format/useFormatters';
import { Chart, chartColors } from './Chart';

/**
 * The BG/NBD forecast checked against what happened (Fader, Hardie & Lee 2005, fig. 4): mean predicted and
 * mean actual repeat purchases in the holdout, per number of repeat purchases in the calibration period.
 */
export function CalibrationCard({ holdout }: { holdout: HoldoutCheck | null | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();

  if (!holdout) {
    return (
      <Card title={t('analytics.calibration.title')} data-testid="analytics-calibration" className="panel-card">
        <Empty description={t('analytics.calibration.none')} />
      </Card>
    );
  }

  const groups = holdout.groups;
  const option = {
    tooltip: {
      trigger: 'axis',
      formatter: (items: { dataIndex: number }[]) => {
        const g = groups[items[0]?.dataIndex ?? 0];
        if (!g) return '';
        return (
          `${t('analytics.calibration.group')}: <b>${g.label}</b><br/>` +
          `${t('analytics.calibration.predicted')}: ${format.fixed(g.meanPredicted, 2)}<br/>` +
          `${t('analytics.calibration.actual')}: ${format.fixed(g.meanActual, 2)}<br/>` +
          `${t('analytics.calibration.customers')}: ${format.number(g.customers)}`
        );
      },
    },
    legend: { top: 0, data: [t('analytics.calibration.actual'), t('analytics.calibration.predicted')] },
    grid: { left: 8, right: 8, top: 36, bottom: 28, containLabel: true },
    xAxis: { type: 'category', data: groups.map((g) => g.label), name: t('analytics.calibration.group'), nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format.number(v) } },
    series: [
      {
        name: t('analytics.calibration.actual'),
        type: 'line',
        data: groups.map((g) => g.meanActual),
        color: chartColors.blue,
        symbolSize: 7,
        lineStyle: { width: 2.5 },
      },
      {
        name: t('analytics.calibration.predicted'),
        type: 'line',
        data: groups.map((g) => g.meanPredicted),
        color: chartColors.orange,
        symbol: 'diamond',
        symbolSize: 8,
        lineStyle: { type: 'dashed', width: 2 },
      },
    ],
  };

  return (
    <Card title={t('analytics.calibration.title')} data-testid="analytics-calibration" className="panel-card">
      <Typography.Paragraph type="secondary" className="panel-help">
        {t('analytics.calibration.help', { end: holdout.calibrationEnd, weeks: holdout.holdoutWeeks })}
      </Typography.Paragraph>
      <Chart option={option} height={280} testId="analytics-calibration-chart" />
      <Row gutter={[16, 8]} style={{ marginTop: 8 }}>
        <Col span={6}>
          <Statistic title={t('analytics.calibration.mae')} value={format.fixed(holdout.mae, 3)} data-testid="analytics-calibration-mae" />
        </Col>
        <Col span={6}>
          <Statistic title={t('analytics.calibration.rmse')} value={format.fixed(holdout.rmse, 3)} />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('analytics.calibration.total')}
            value={`${format.number(Math.round(holdout.totalPredicted))} / ${format.number(holdout.totalActual)}`}
          />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('analytics.calibration.totalError')}
            value={`${holdout.totalRelativeError > 0 ? '+' : ''}${format.percent(holdout.totalRelativeError)}`}
            data-testid="analytics-calibration-total-error"
          />
        </Col>
      </Row>
    </Card>
  );
}

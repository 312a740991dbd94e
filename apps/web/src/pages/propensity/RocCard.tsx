import { Card, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/format/useFormatters';
import { Chart, chartColors } from '../analytics/Chart';
import { diagonalSeries } from './probabilityDiagonal';
import { percentTick } from './shared';

/**
 * The ROC curve of the chosen model's out-of-fold probabilities: the share of customers with the outcome found
 * against the share without it flagged, as the threshold falls; the diagonal is guessing.
 */
export function RocCard({ roc, auc, churn }: { roc: [number, number][]; auc: number | null; churn: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const curve = t('propensity.roc.curve', { auc: format.fixed(auc, 3) });
  const chance = t('propensity.roc.chance');
  const option = {
    legend: { top: 0, data: [curve, chance] },
    grid: { left: 8, right: 16, top: 40, bottom: 36, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesIndex: number; value: [number, number] }) =>
        p.seriesIndex === 0
          ? `${t(churn ? 'propensity.roc.tprChurn' : 'propensity.roc.tpr')}: <b>${format.percent(p.value[1])}</b><br/>${t(churn ? 'propensity.roc.fprChurn' : 'propensity.roc.fpr')}: <b>${format.percent(p.value[0])}</b>`
          : chance,
    },
    xAxis: { type: 'value', min: 0, max: 1, name: t('propensity.roc.x'), nameLocation: 'middle', nameGap: 26, axisLabel: { formatter: percentTick } },
    yAxis: { type: 'value', min: 0, max: 1, name: t('propensity.roc.y'), nameTextStyle: { align: 'left' }, axisLabel: { formatter: percentTick } },
    series: [
      {
        name: curve,
        type: 'line',
        data: roc,
        showSymbol: false,
        color: chartColors.blue,
        lineStyle: { width: 2.5 },
        areaStyle: { opacity: 0.12 },
      },
      diagonalSeries(chance),
    ],
  };
  return (
    <Card
      title={t('propensity.roc.title')}
      className="panel-card"
      data-testid="propensity-roc"
      extra={
        auc !== null ? (
          <Tag color="blue" className="auc-tag" data-testid="propensity-roc-auc">
            AUC {format.fixed(auc, 3)}
          </Tag>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" className="panel-help">
        {t(churn ? 'propensity.roc.helpChurn' : 'propensity.roc.help', { auc: format.fixed(auc, 2) })}
      </Typography.Paragraph>
      {roc.length < 2 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : <Chart option={option} height={340} testId="propensity-roc-chart" />}
    </Card>
  );
}

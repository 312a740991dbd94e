import { Card, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReliabilityBin } from '../../api/propensity';
import { useFormatters } from '../../components/format/useFormatters';
import { Chart, chartColors } from '../analytics/Chart';
import { diagonalSeries } from './probabilityDiagonal';
import { percentTick } from './shared';

type Effect = { before: { logLoss: number | null; brier: number | null }; after: { logLoss: number | null; brier: number | null } };

/**
 * The reliability diagram: in ten bins of predicted probability, the mean prediction against the share that
 * had the outcome — a calibrated model lies on the diagonal — and below it how many customers each bin holds.
 */
export function ReliabilityCard({ bins, effect, testId, note }: { bins: ReliabilityBin[]; effect?: Effect | null; testId: string; note?: string | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const filled = bins.filter((b) => b.count > 0 && b.meanPredicted !== null && b.observedRate !== null);
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const names = { observed: t('propensity.calibration.observed'), ideal: t('propensity.calibration.ideal'), count: t('propensity.calibration.count') };
  const binText = (b: ReliabilityBin) => `${percentTick(b.lower)}–${percentTick(b.upper)}`;

  const option = {
    legend: { top: 0, data: [names.observed, names.ideal, names.count] },
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesIndex: number; dataIndex: number }) => {
        const b = p.seriesIndex === 2 ? bins[p.dataIndex] : p.seriesIndex === 0 ? filled[p.dataIndex] : null;
        if (!b) return names.ideal;
        return (
          `${t('propensity.calibration.bin')}: <b>${binText(b)}</b><br/>` +
          `${t('propensity.calibration.meanPredicted')}: <b>${format.percent(b.meanPredicted)}</b><br/>` +
          `${names.observed}: <b>${format.percent(b.observedRate)}</b><br/>` +
          `${names.count}: <b>${format.number(b.count)}</b>`
        );
      },
    },
    grid: [
      { left: 8, right: 16, top: 40, height: '56%', containLabel: true },
      { left: 8, right: 16, bottom: 30, height: '17%', containLabel: true },
    ],
    xAxis: [
      { type: 'value', min: 0, max: 1, gridIndex: 0, axisLabel: { formatter: percentTick } },
      {
        type: 'value',
        min: 0,
        max: 1,
        gridIndex: 1,
        name: t('propensity.calibration.x'),
        nameLocation: 'middle',
        nameGap: 24,
        axisLabel: { formatter: percentTick },
      },
    ],
    yAxis: [
      { type: 'value', min: 0, max: 1, gridIndex: 0, name: t('propensity.calibration.y'), nameTextStyle: { align: 'left' }, axisLabel: { formatter: percentTick } },
      { type: 'value', gridIndex: 1, max: maxCount, splitNumber: 1, axisLabel: { formatter: (v: number) => format.compact(v) } },
    ],
    series: [
      {
        name: names.observed,
        type: 'line',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: filled.map((b) => [b.meanPredicted, b.observedRate]),
        color: chartColors.blue,
        symbolSize: (_v: unknown, p: { dataIndex: number }) => 6 + 10 * Math.sqrt(filled[p.dataIndex].count / maxCount),
        lineStyle: { width: 2.5 },
        z: 3,
      },
      diagonalSeries(names.ideal, { xAxisIndex: 0, yAxisIndex: 0 }),
      {
        name: names.count,
        type: 'bar',
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: bins.map((b) => [(b.lower + b.upper) / 2, b.count]),
        barWidth: '80%',
        color: '#91caff',
        label: { show: true, position: 'top', fontSize: 10, color: '#8c8c8c', formatter: (p: { value: [number, number] }) => format.compact(p.value[1]) },
      },
    ],
  };

  return (
    <Card title={t('propensity.calibration.title')} className="panel-card" data-testid={testId}>
      <Typography.Paragraph type="secondary" className="panel-help">
        {t('propensity.calibration.help')}
        {note ? ` ${note}` : ''}
      </Typography.Paragraph>
      {filled.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Chart option={option} height={360} testId={`${testId}-chart`} />
      )}
      {effect ? (
        <Flex gap={16} wrap className="calibration-effect">
          <Typography.Text type="secondary">
            {t('propensity.calibration.platt', {
              beforeLogLoss: format.fixed(effect.before.logLoss, 3),
              afterLogLoss: format.fixed(effect.after.logLoss, 3),
              beforeBrier: format.fixed(effect.before.brier, 3),
              afterBrier: format.fixed(effect.after.brier, 3),
            })}
          </Typography.Text>
        </Flex>
      ) : null}
    </Card>
  );
}

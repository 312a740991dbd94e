import { Card, Empty, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfferEvaluation } from '../../api/segments';
import { useFormatters } from '../../components/format/useFormatters';
import { chartColors } from '../analytics/Chart';

/**
 * Are the offers any good? Trained on purchases before a cutoff and checked on what customers bought after it:
 * hit rate@k (a customer bought at least one of their k offers) and precision@k, against offering everyone the
 * k best sellers.
 */
export function EvaluationCard({ evaluation }: { evaluation: OfferEvaluation | null | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();

  if (!evaluation) {
    return (
      <Card title={t('segments.evaluation.title')} data-testid="segments-evaluation">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('segments.evaluation.none')} />
      </Card>
    );
  }

  const k = evaluation.k;
  const metrics = [
    { key: 'hitRate', title: t('segments.evaluation.hitRate', { k }), hint: t('segments.evaluation.hitRateHint', { k }) },
    { key: 'precision', title: t('segments.evaluation.precision', { k }), hint: t('segments.evaluation.precisionHint', { k }) },
  ] as const;
  // both bars of a metric on one scale
  const scale = (key: 'hitRate' | 'precision') => Math.max(evaluation.model[key], evaluation.popularity[key], 0.0001);
  const ratio = evaluation.popularity.hitRate > 0 ? evaluation.model.hitRate / evaluation.popularity.hitRate : null;

  return (
    <Card title={t('segments.evaluation.title')} data-testid="segments-evaluation">
      <Typography.Paragraph type="secondary" className="panel-help">
        {t('segments.evaluation.help', { cutoff: format.date(evaluation.cutoff), customers: format.number(evaluation.customers), k })}
      </Typography.Paragraph>
      <Flex vertical gap={14}>
        {metrics.map((metric) => (
          <div key={metric.key}>
            <Typography.Text strong>{metric.title}</Typography.Text>
            <Typography.Text type="secondary" className="value-stat-note">
              {metric.hint}
            </Typography.Text>
            {(['model', 'popularity'] as const).map((who) => (
              <Flex key={who} align="center" gap={8} className="evaluation-row" data-testid={`segments-evaluation-${metric.key}-${who}`}>
                <span className="evaluation-label">{t(`segments.evaluation.${who}`)}</span>
                <Progress
                  percent={(evaluation[who][metric.key] / scale(metric.key)) * 100}
                  showInfo={false}
                  strokeColor={who === 'model' ? chartColors.blue : chartColors.grey}
                  style={{ flex: 1, margin: 0 }}
                />
                <b className="evaluation-value">{format.percent(evaluation[who][metric.key])}</b>
              </Flex>
            ))}
          </div>
        ))}
        {ratio !== null ? (
          <Typography.Text type={ratio >= 1 ? 'success' : 'warning'}>
            {ratio >= 1 ? t('segments.evaluation.better', { value: format.fixed(ratio, 1) }) : t('segments.evaluation.worse')}
          </Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}

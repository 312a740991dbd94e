import { Card, Col, Flex, Row, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, QuestionCircleOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PropensityModelDetail, PropensityModelSummary } from '../../api/propensity';
import { useFormatters } from '../../components/format/useFormatters';
import { useModelName } from './shared';

/**
 * A model's quality and provenance in four cards: the candidates' cross-validated AUC (and which was chosen),
 * the training rows and how many had the outcome, the horizon and cutoff, and the ledger's correction.
 */
export function ModelStats({ summary, detail }: { summary: PropensityModelSummary; detail: PropensityModelDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const modelName = useModelName();
  const q = detail.quality;
  const churn = detail.target === 'churn';
  const chosen = q.candidates.find((c) => c.name === detail.chosen);
  const correction = q.correction;

  const cards: { key: string; title: string; hint?: string; value: ReactNode; note: ReactNode }[] = [
    {
      key: 'auc',
      title: t('propensity.models.stats.auc'),
      hint: t('propensity.models.stats.aucHint'),
      value: (
        <Flex align="baseline" gap={8} wrap>
          <span className="stat-big" data-testid="propensity-auc">
            {format.fixed(chosen?.auc, 3)}
          </span>
          <Typography.Text type="secondary">{modelName(detail.chosen)}</Typography.Text>
        </Flex>
      ),
      note: (
        <div className="candidate-grid" data-testid="propensity-candidates">
          <span />
          <span />
          <span className="candidate-head">AUC</span>
          <span className="candidate-head">{t('propensity.models.stats.accuracy')}</span>
          {q.candidates.map((c) => {
            const isChosen = c.name === detail.chosen;
            return (
              <div
                key={c.name}
                className={`candidate-row${isChosen ? ' candidate-chosen' : ''}`}
                title={isChosen ? t('propensity.models.stats.chosenHint') : undefined}
                data-testid={`propensity-candidate-${c.name}`}
              >
                <span className="candidate-mark">{isChosen ? <CheckCircleFilled /> : null}</span>
                <span className="candidate-name">{modelName(c.name)}</span>
                <span className="candidate-figure">{format.fixed(c.auc, 3)}</span>
                <span className="candidate-figure">{format.percent(c.accuracy)}</span>
              </div>
            );
          })}
          {q.candidates.length < 2 ? (
            <span className="candidate-skipped">{t('propensity.models.stats.networkSkipped')}</span>
          ) : null}
        </div>
      ),
    },
    {
      key: 'rows',
      title: t('propensity.models.stats.rows'),
      value: <span className="stat-big">{format.number(q.rows)}</span>,
      note: t(churn ? 'propensity.models.stats.positivesChurn' : 'propensity.models.stats.positives', {
        count: q.positives,
        positives: format.number(q.positives),
        rate: format.percent(q.rows ? q.positives / q.rows : null),
      }),
    },
    {
      key: 'horizon',
      title: t('propensity.models.stats.horizon'),
      hint: t('propensity.models.stats.horizonHint'),
      value: <span className="stat-big">{t('propensity.models.stats.days', { count: detail.horizonDays, days: format.number(detail.horizonDays) })}</span>,
      note: t('propensity.models.stats.cutoff', { cutoff: format.date(q.cutoff), scored: format.number(summary.predictions) }),
    },
    {
      key: 'correction',
      title: t('propensity.models.stats.correction'),
      hint: t('propensity.models.stats.correctionHint'),
      value: correction ? (
        <Flex align="center" gap={8}>
          <span className="stat-big">{t('propensity.models.stats.corrected')}</span>
        </Flex>
      ) : (
        <span className="stat-big stat-muted">{t('propensity.models.stats.notCorrected')}</span>
      ),
      note: correction
        ? t('propensity.models.stats.correctionFrom', {
            count: correction.predictions,
            predictions: format.number(correction.predictions),
            groups: correction.segments,
          })
        : summary.target.startsWith('group:')
          ? t('propensity.models.stats.correctionGroup')
          : t('propensity.models.stats.correctionNone', { days: detail.horizonDays }),
    },
  ];

  return (
    <Row gutter={[16, 16]}>
      {cards.map((card) => (
        <Col key={card.key} xs={24} sm={12} xl={6}>
          <Card className="stat-card propensity-stat" data-testid={`propensity-stat-${card.key}`}>
            <Typography.Text type="secondary" className="propensity-stat-title">
              {card.title}{' '}
              {card.hint ? (
                <Tooltip title={card.hint}>
                  <QuestionCircleOutlined className="hint-icon" />
                </Tooltip>
              ) : null}
            </Typography.Text>
            <div className="propensity-stat-value">{card.value}</div>
            <div className="propensity-stat-note">{card.note}</div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

import { useState } from 'react';
import { Alert, Card, Col, Row, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { relationshipClasses, type ClassifierCandidate, type RelationshipSummary } from '../../api/relationship';
import { useFormatters } from '../../components/format/useFormatters';
import { useLocalizedText } from '../../components/format/useLocalizedText';
import { classColors } from './shared';

/** The candidates compared on held-out customers, which one is used, and a confusion matrix; where the labels come from. */
export function QualityCard({ summary }: { summary: RelationshipSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const localized = useLocalizedText();
  const chosen = summary.candidates.find((c) => c.chosen) ?? summary.candidates[0];
  const [shown, setShown] = useState<string | undefined>(undefined);
  const candidate = summary.candidates.find((c) => c.kind === shown) ?? chosen;
  const fromAhp = summary.labelSource === 'ahp-terciles';
  const [good, medium, bad] = summary.decisions ?? [0, 0, 0];

  return (
    <Card title={t('relationship.page.quality.title')} className="value-card" data-testid="relationship-quality">
      <Alert
        type={fromAhp ? 'warning' : 'info'}
        showIcon
        data-testid="relationship-label-note"
        data-source={summary.labelSource}
        title={fromAhp ? t('relationship.page.quality.labelsFromAhp') : t('relationship.page.quality.labelsFromDecisions')}
        description={
          <>
            <div>{localized(summary.labelNote)}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('relationship.page.quality.decisions', { good, medium, bad })}
            </Typography.Text>
          </>
        }
        style={{ marginBottom: 12 }}
      />
      <Typography.Paragraph type="secondary" className="panel-help">
        {t('relationship.page.quality.help', { training: format.number(summary.trainingRows), heldOut: format.number(summary.heldOutRows) })}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={13}>
          <Table<ClassifierCandidate>
            rowKey="kind"
            size="small"
            pagination={false}
            dataSource={summary.candidates}
            data-testid="relationship-candidates"
            onRow={(row) => ({ onClick: () => setShown(row.kind), style: { cursor: 'pointer' } })}
            rowClassName={(row) => (row.kind === candidate?.kind ? 'ant-table-row-selected' : '')}
            columns={[
              {
                key: 'name',
                title: t('relationship.page.quality.candidate'),
                render: (_v, row) => (
                  <span data-testid={`relationship-candidate-${row.kind}`}>
                    {localized(row.label)}{' '}
                    {row.chosen ? (
                      <Tag color="blue" data-testid="relationship-chosen">
                        {t('relationship.page.quality.chosen')}
                      </Tag>
                    ) : null}
                  </span>
                ),
              },
              { key: 'accuracy', title: t('relationship.page.quality.accuracy'), width: 84, align: 'right', render: (_v, row) => format.percent(row.quality.accuracy) },
              { key: 'f1', title: t('relationship.page.quality.macroF1'), width: 84, align: 'right', render: (_v, row) => format.fixed(row.quality.macroF1, 3) },
              { key: 'n', title: t('relationship.page.quality.n'), width: 96, align: 'right', render: (_v, row) => format.number(row.quality.n) },
            ]}
          />
        </Col>
        <Col xs={24} xxl={11}>
          {candidate ? <Confusion candidate={candidate} /> : null}
        </Col>
      </Row>
    </Card>
  );
}

function Confusion({ candidate }: { candidate: ClassifierCandidate }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const localized = useLocalizedText();
  const { confusion, recall, precision } = candidate.quality;
  const max = Math.max(1, ...confusion.flat());
  return (
    <div data-testid="relationship-confusion">
      <Typography.Text strong ellipsis={{ tooltip: true }} style={{ display: 'block' }}>
        {t('relationship.page.quality.confusion', { name: localized(candidate.label) })}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 6 }}>
        {t('relationship.page.quality.confusionHelp')}
      </Typography.Text>
      <table className="confusion-table">
        <thead>
          <tr>
            <th>
              {t('relationship.page.quality.actual')} \ {t('relationship.page.quality.predicted')}
            </th>
            {relationshipClasses.map((c) => (
              <th key={c} style={{ color: classColors[c] }}>
                {t(`relationship.classes.${c}`)}
              </th>
            ))}
            <th>{t('relationship.page.quality.recall')}</th>
          </tr>
        </thead>
        <tbody>
          {relationshipClasses.map((c, i) => (
            <tr key={c}>
              <th style={{ color: classColors[c] }}>{t(`relationship.classes.${c}`)}</th>
              {relationshipClasses.map((p, j) => {
                const n = confusion[i]?.[j] ?? 0;
                const alpha = n / max;
                return (
                  <td
                    key={p}
                    style={{ background: i === j ? `rgba(22,119,255,${0.08 + 0.5 * alpha})` : n > 0 ? `rgba(245,34,45,${0.06 + 0.4 * alpha})` : undefined, fontWeight: i === j ? 600 : 400 }}
                  >
                    {format.number(n)}
                  </td>
                );
              })}
              <td>{format.percent(recall[i])}</td>
            </tr>
          ))}
          <tr>
            <th>{t('relationship.page.quality.precision')}</th>
            {relationshipClasses.map((c, j) => (
              <td key={c}>{format.percent(precision[j])}</td>
            ))}
            <td />
          </tr>
        </tbody>
      </table>
    </div>
  );
}

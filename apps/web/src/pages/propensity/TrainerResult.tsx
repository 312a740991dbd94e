import type { ReactNode } from 'react';
import { Card, Col, Flex, Row, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TrainingSummary } from '../../api/propensity';
import { useFormatters } from '../../components/format/useFormatters';
import { FactorsCard } from './FactorsCard';
import { ReliabilityCard } from './ReliabilityCard';
import { useModelName } from './shared';

type FoldRow = { key: string; fold: string; rows: number; positives: number; mean?: boolean; values: Record<string, { auc: number | null; accuracy: number | null }> };

const dropReasons = ['id', 'empty', 'constant', 'row-number', 'identifier', 'all-unique', 'too-many-levels'] as const;
type KnownDrop = (typeof dropReasons)[number];
const skipReasons = ['few-values', 'no-spread', 'not-outliers'] as const;
type KnownSkip = (typeof skipReasons)[number];

/** What the trainer found: candidates fold by fold, the chosen one, factors, calibration, outliers and the encoding. */
export function TrainerResult({ result, fileName }: { result: TrainingSummary; fileName?: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const modelName = useModelName();
  const chosen = result.candidates.find((c) => c.name === result.chosen) ?? result.candidates[0];
  const target = result.target;

  const stats: { key: string; title: string; value: ReactNode; note: ReactNode }[] = [
    {
      key: 'rows',
      title: t('propensity.trainer.result.rows'),
      value: format.number(result.rows),
      note: t('propensity.trainer.result.positives', {
        column: target.column,
        positive: target.positive,
        count: target.positives,
        positives: format.number(target.positives),
        rate: format.percent(result.rows ? target.positives / result.rows : null),
      }),
    },
    {
      key: 'auc',
      title: t('propensity.trainer.result.auc'),
      value: <span data-testid="propensity-trainer-auc">{format.fixed(chosen?.auc, 3)}</span>,
      note: t('propensity.trainer.result.chosen', { model: modelName(result.chosen), folds: result.validation.folds }),
    },
    {
      key: 'accuracy',
      title: t('propensity.trainer.result.accuracy'),
      value: format.percent(chosen?.accuracy),
      note: t('propensity.trainer.result.baseline', { value: format.percent(result.rows ? Math.max(target.positives, target.negatives) / result.rows : null) }),
    },
    {
      key: 'time',
      title: t('propensity.trainer.result.seconds'),
      value: result.seconds != null ? `${format.fixed(result.seconds, 1)} s` : '—',
      note: fileName ? <span title={fileName}>{fileName}</span> : '',
    },
  ];

  // one row per fold, one column pair (AUC, accuracy) per candidate, the cross-validated mean last
  const folds = result.candidates[0]?.folds ?? [];
  const foldRows: FoldRow[] = [
    ...folds.map((f, i) => ({
      key: String(f.fold),
      fold: t('propensity.trainer.result.fold', { n: f.fold + 1 }),
      rows: f.rows,
      positives: f.positives,
      values: Object.fromEntries(result.candidates.map((c) => [c.name, { auc: c.folds[i]?.auc ?? null, accuracy: c.folds[i]?.accuracy ?? null }])),
    })),
    {
      key: 'mean',
      fold: t('propensity.trainer.result.mean'),
      rows: result.rows,
      positives: target.positives,
      mean: true,
      values: Object.fromEntries(result.candidates.map((c) => [c.name, { auc: c.auc, accuracy: c.accuracy }])),
    },
  ];

  const dropText = (reason: string) => ((dropReasons as readonly string[]).includes(reason) ? t(`propensity.trainer.dropped.${reason as KnownDrop}`) : reason);
  const skipText = (reason: string) => ((skipReasons as readonly string[]).includes(reason) ? t(`propensity.trainer.outliers.skip.${reason as KnownSkip}`) : reason);
  const o = result.outliers;
  const e = result.encoding;

  return (
    <Row gutter={[16, 16]} data-testid="propensity-trainer-result">
      {stats.map((s) => (
        <Col key={s.key} xs={24} sm={12} xl={6}>
          <Card className="stat-card propensity-stat" data-testid={`propensity-trainer-stat-${s.key}`}>
            <Typography.Text type="secondary" className="propensity-stat-title">
              {s.title}
            </Typography.Text>
            <div className="propensity-stat-value">
              <span className="stat-big">{s.value}</span>
            </div>
            <Typography.Text type="secondary" className="value-stat-note" ellipsis>
              {s.note}
            </Typography.Text>
          </Card>
        </Col>
      ))}
      <Col xs={24} xl={13}>
        <Card title={t('propensity.trainer.result.cvTitle')} className="panel-card" data-testid="propensity-trainer-folds" styles={{ body: { paddingTop: 12 } }}>
          <Typography.Paragraph type="secondary" className="panel-help">
            {t('propensity.trainer.result.cvHelp', { folds: result.validation.folds, seed: result.validation.seed })}
          </Typography.Paragraph>
          <Table<FoldRow>
            rowKey="key"
            size="small"
            pagination={false}
            bordered
            dataSource={foldRows}
            rowClassName={(r) => (r.mean ? 'fold-mean-row' : '')}
            columns={[
              { key: 'fold', dataIndex: 'fold', title: t('propensity.trainer.result.foldColumn'), width: 160 },
              { key: 'rows', dataIndex: 'rows', title: t('propensity.trainer.result.foldRows'), align: 'right', render: (v: number) => format.number(v) },
              { key: 'positives', dataIndex: 'positives', title: t('propensity.trainer.result.foldPositives'), align: 'right', render: (v: number) => format.number(v) },
              ...result.candidates.map((c) => ({
                key: c.name,
                title: (
                  <Flex align="center" gap={6} justify="center">
                    {modelName(c.name)}
                    {c.name === result.chosen ? (
                      <Tag color="blue" icon={<CheckCircleFilled />} className="candidate-tag" data-testid="propensity-trainer-chosen">
                        {t('propensity.models.stats.chosen')}
                      </Tag>
                    ) : null}
                  </Flex>
                ),
                children: [
                  {
                    key: `${c.name}-auc`,
                    title: 'AUC',
                    align: 'right' as const,
                    render: (_v: unknown, r: FoldRow) => <span data-testid={r.mean ? `propensity-trainer-${c.name}-auc` : undefined}>{format.fixed(r.values[c.name]?.auc, 3)}</span>,
                  },
                  {
                    key: `${c.name}-accuracy`,
                    title: t('propensity.trainer.result.accuracyShort'),
                    align: 'right' as const,
                    render: (_v: unknown, r: FoldRow) => format.percent(r.values[c.name]?.accuracy),
                  },
                ],
              })),
            ]}
          />
          <Flex gap={16} wrap className="calibration-effect">
            {result.candidates.map((c) => (
              <Typography.Text key={c.name} type="secondary">
                {t('propensity.trainer.result.losses', { model: modelName(c.name), logLoss: format.fixed(c.logLoss, 3), brier: format.fixed(c.brier, 3) })}
              </Typography.Text>
            ))}
          </Flex>
        </Card>
      </Col>
      <Col xs={24} xl={11}>
        <FactorsCard
          factors={result.topFactors.map((f) => ({ feature: f.feature, perSd: f.perStandardDeviation ?? 0, direction: f.direction }))}
          churn={false}
          raw
          outcome={`${target.column} = ${target.positive}`}
          testId="propensity-trainer-factors"
          extra={
            <Typography.Text type="secondary" className="card-extra-note">
              {t('propensity.trainer.result.factorsFrom', { model: modelName(result.topFactorsFrom) })}
            </Typography.Text>
          }
        />
      </Col>
      <Col xs={24} xl={12}>
        <ReliabilityCard
          bins={result.calibration.curve.map((b, i) => {
            const [lower, upper] = b.bin.split(/[–-]/).map(Number);
            return {
              lower: Number.isFinite(lower) ? lower : i / 10,
              upper: Number.isFinite(upper) ? upper : (i + 1) / 10,
              count: b.count,
              meanPredicted: b.meanPredicted,
              observedRate: b.observedRate,
            };
          })}
          effect={result.calibration}
          testId="propensity-trainer-calibration"
          note={result.chosen !== 'logistic' ? t('propensity.calibration.ofLogistic') : null}
        />
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('propensity.trainer.outliers.title')} className="panel-card" data-testid="propensity-trainer-outliers" styles={{ body: { paddingTop: 12 } }}>
          <Typography.Paragraph type="secondary" className="panel-help">
            {t('propensity.trainer.outliers.rule')}
          </Typography.Paragraph>
          <Flex gap={24} wrap className="outlier-figures">
            <Figure label={t('propensity.trainer.outliers.total')} value={format.number(o.excluded.total)} note={format.percent(result.rows ? o.excluded.total / result.rows : null)} testId="propensity-trainer-outliers-total" />
            <Figure label={t('propensity.trainer.outliers.attribute')} value={format.number(o.excluded.attribute)} />
            <Figure label={t('propensity.trainer.outliers.residual')} value={format.number(o.excluded.residual)} />
          </Flex>
          <Table
            rowKey="attribute"
            size="small"
            pagination={false}
            dataSource={o.boxes}
            locale={{ emptyText: t('propensity.trainer.outliers.noBoxes') }}
            columns={[
              { key: 'attribute', dataIndex: 'attribute', title: t('propensity.trainer.outliers.attributeColumn'), ellipsis: true },
              {
                key: 'box',
                title: t('propensity.trainer.outliers.box'),
                render: (_v: unknown, b: TrainingSummary['outliers']['boxes'][number]) => `${format.significant(b.low)} … ${format.significant(b.high)}`,
              },
              {
                key: 'outside',
                dataIndex: 'outside',
                title: t('propensity.trainer.outliers.outside'),
                align: 'right',
                width: 110,
                render: (v: number) => (v > 0 ? <b>{format.number(v)}</b> : <Typography.Text type="secondary">0</Typography.Text>),
              },
            ]}
          />
          {o.notChecked.length > 0 ? (
            <Typography.Paragraph type="secondary" className="panel-help" style={{ marginTop: 8 }}>
              {t('propensity.trainer.outliers.notChecked')}{' '}
              {o.notChecked.map((s, i) => (
                <span key={s.attribute}>
                  {i > 0 ? t('common.listSeparator') : ''}
                  <Tooltip title={skipText(s.reason)}>
                    <span className="dotted-hint">{s.attribute}</span>
                  </Tooltip>
                </span>
              ))}
            </Typography.Paragraph>
          ) : null}
        </Card>
      </Col>
      <Col span={24}>
        <Card title={t('propensity.trainer.encoding.title')} data-testid="propensity-trainer-encoding" styles={{ body: { paddingTop: 12 } }}>
          <Typography.Paragraph type="secondary" className="panel-help">
            {t('propensity.trainer.encoding.help', {
              features: e.features.length,
              numeric: e.numeric.length,
              categorical: e.categorical.length,
              dropped: e.dropped.length,
              withoutTarget: format.number(e.rowsWithoutTarget),
            })}
          </Typography.Paragraph>
          <Row gutter={[24, 16]}>
            <Col xs={24} xl={7}>
              <Typography.Title level={5}>{t('propensity.trainer.encoding.dropped')}</Typography.Title>
              <Table
                rowKey="column"
                size="small"
                pagination={false}
                dataSource={e.dropped}
                locale={{ emptyText: t('propensity.trainer.encoding.noneDropped') }}
                data-testid="propensity-trainer-dropped"
                columns={[
                  { key: 'column', dataIndex: 'column', title: t('propensity.trainer.encoding.column'), width: '40%', ellipsis: true },
                  {
                    key: 'reason',
                    dataIndex: 'reason',
                    title: t('propensity.trainer.encoding.reason'),
                    render: (reason: string, d: TrainingSummary['encoding']['dropped'][number]) => (
                      <Tooltip title={d.why}>
                        <span>{dropText(reason)}</span>
                      </Tooltip>
                    ),
                  },
                ]}
              />
            </Col>
            <Col xs={24} xl={10}>
              <Typography.Title level={5}>{t('propensity.trainer.encoding.numeric')}</Typography.Title>
              <Table
                rowKey="column"
                size="small"
                pagination={false}
                dataSource={e.numeric}
                locale={{ emptyText: t('propensity.trainer.encoding.noneNumeric') }}
                columns={[
                  { key: 'column', dataIndex: 'column', title: t('propensity.trainer.encoding.column'), width: '36%', ellipsis: true },
                  { key: 'distinct', dataIndex: 'distinct', title: t('propensity.trainer.encoding.distinct'), align: 'right', render: (v: number) => format.number(v) },
                  { key: 'median', dataIndex: 'median', title: t('propensity.trainer.encoding.median'), align: 'right', render: (v: number) => format.significant(v) },
                  {
                    key: 'missing',
                    dataIndex: 'missing',
                    title: t('propensity.trainer.encoding.missing'),
                    align: 'right',
                    render: (v: number, n: TrainingSummary['encoding']['numeric'][number]) =>
                      v > 0 ? (
                        <Tooltip title={n.missingIndicator ? t('propensity.trainer.encoding.missingIndicator') : undefined}>
                          <b>{format.number(v)}</b>
                        </Tooltip>
                      ) : (
                        <Typography.Text type="secondary">0</Typography.Text>
                      ),
                  },
                ]}
              />
            </Col>
            <Col xs={24} xl={7}>
              <Typography.Title level={5}>{t('propensity.trainer.encoding.categorical')}</Typography.Title>
              <Table
                rowKey="column"
                size="small"
                pagination={false}
                dataSource={e.categorical}
                locale={{ emptyText: t('propensity.trainer.encoding.noneCategorical') }}
                columns={[
                  { key: 'column', dataIndex: 'column', title: t('propensity.trainer.encoding.column'), width: '34%', ellipsis: true },
                  {
                    key: 'levels',
                    title: t('propensity.trainer.encoding.levels'),
                    render: (_v: unknown, c: TrainingSummary['encoding']['categorical'][number]) => (
                      <Flex wrap gap={4}>
                        {c.encoded.slice(0, 6).map((level) => (
                          <Tag key={level} className="feature-tag">
                            {level}
                          </Tag>
                        ))}
                        {c.encoded.length > 6 || c.other ? (
                          <Typography.Text type="secondary">{t('propensity.trainer.encoding.moreLevels', { count: c.levels - Math.min(6, c.encoded.length) })}</Typography.Text>
                        ) : null}
                      </Flex>
                    ),
                  },
                ]}
              />
            </Col>
          </Row>
        </Card>
      </Col>
    </Row>
  );
}

function Figure({ label, value, note, testId }: { label: string; value: string; note?: string; testId?: string }) {
  return (
    <Flex vertical>
      <Typography.Text type="secondary" className="value-stat-note">
        {label}
      </Typography.Text>
      <span className="figure-value" data-testid={testId}>
        {value}
        {note ? <Typography.Text type="secondary" className="figure-note"> ({note})</Typography.Text> : null}
      </span>
    </Flex>
  );
}

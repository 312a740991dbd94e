import { Button, Col, Flex, Row, Segmented, Tooltip, Typography } from 'antd';
import { AppstoreOutlined, ShoppingCartOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { targetKind, usePropensityModel, usePropensityModels, type PropensityModelDetail, type PropensityModelSummary } from '../../api/propensity';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { OverviewSkeleton } from '../../components/feedback/OverviewSkeleton';
import { useFormatters } from '../../components/format/useFormatters';
import { PageHeader } from '../../components/layout/PageHeader';
import { SnapshotInfo, useMaySeeModel } from '../segments/shared';
import { useModelRefresh } from '../segments/useModelRefresh';
import { FactorsCard } from './FactorsCard';
import { ModelStats } from './ModelStats';
import { ReliabilityCard } from './ReliabilityCard';
import { RocCard } from './RocCard';
import { PropensityEmpty, PropensityForbidden, PropensityNav, useTargetLabel } from './shared';
import { TrendCard } from './TrendCard';

/**
 * The propensity and churn models of the latest refresh, one target at a time: how good (cross-validated AUC of
 * each candidate, ROC, calibration), what it learned from (rows, horizon, cutoff, the ledger's correction), the
 * seed's figure — an attribute against the probability, outliers greyed, the trend fitted without them — and the
 * factors that raise or lower the probability.
 */
export default function ModelsPage() {
  const { t } = useTranslation();
  const allowed = useMaySeeModel();
  if (allowed === false) return <PropensityForbidden title={t('propensity.models.title')} />;
  return <Content />;
}

const targetIcon = { any: <ShoppingCartOutlined />, group: <AppstoreOutlined />, churn: <UserDeleteOutlined /> };

function Content() {
  const { t } = useTranslation();
  const models = usePropensityModels();
  const refresh = useModelRefresh();
  const [params, setParams] = useSearchParams();
  const list = models.data?.models ?? [];
  const selected = list.find((m) => m.target === params.get('target')) ?? list[0] ?? null;
  const detail = usePropensityModel(selected?.target ?? null);
  const run = models.data?.run ?? null;

  let body;
  if (models.isPending) body = <OverviewSkeleton statRows={2} />;
  else if (models.isError) body = <ErrorResult error={models.error} onRetry={() => void models.refetch()} />;
  else if (!run || !selected) body = <PropensityEmpty canRun={refresh.canRun} busy={refresh.busy} onRun={() => refresh.run(null)} />;
  else {
    body = (
      <Flex vertical gap={16}>
        <TargetSelector models={list} value={selected.target} onChange={(target) => setParams({ target }, { replace: true })} />
        {detail.isPending ? (
          <OverviewSkeleton statRows={2} />
        ) : detail.isError ? (
          <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />
        ) : (
          <ModelDetail summary={selected} detail={detail.data} />
        )}
      </Flex>
    );
  }

  return (
    <>
      <PageHeader title={t('propensity.models.title')} testId="propensity-title" extra={<SnapshotInfo asOf={run?.asOf} />} />
      <PropensityNav />
      {refresh.progress}
      {body}
    </>
  );
}

/** Any purchase, each product group, churn: one segment each, with the chosen model's AUC. */
function TargetSelector({ models, value, onChange }: { models: PropensityModelSummary[]; value: string; onChange: (target: string) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const targetLabel = useTargetLabel();
  return (
    <Flex align="center" gap={12} wrap className="target-selector">
      <Typography.Text type="secondary">{t('propensity.models.target')}</Typography.Text>
      <Segmented<string>
        value={value}
        onChange={onChange}
        data-testid="propensity-target"
        options={models.map((m) => {
          const name = targetLabel(m.target, m.label);
          const auc = m.candidates.find((c) => c.name === m.chosen)?.auc;
          return {
            value: m.target,
            label: (
              <Tooltip title={name} mouseEnterDelay={0.5}>
                <Flex align="center" gap={6} className="target-option" data-testid={`propensity-target-${m.target}`}>
                  {targetIcon[targetKind(m.target)]}
                  <span className="target-option-name">{name}</span>
                  <span className="target-option-auc">{format.fixed(auc, 2)}</span>
                </Flex>
              </Tooltip>
            ),
          };
        })}
      />
    </Flex>
  );
}

function ModelDetail({ summary, detail }: { summary: PropensityModelSummary; detail: PropensityModelDetail }) {
  const { t } = useTranslation();
  const churn = detail.target === 'churn';
  const quality = detail.quality;
  return (
    <Row gutter={[16, 16]} data-testid="propensity-model" data-target={detail.target}>
      <Col span={24}>
        <ModelStats summary={summary} detail={detail} />
      </Col>
      <Col xs={24} xl={15}>
        <TrendCard quality={quality} churn={churn} />
      </Col>
      <Col xs={24} xl={9}>
        <RocCard roc={quality.roc} auc={quality.candidates.find((c) => c.name === detail.chosen)?.auc ?? null} churn={churn} />
      </Col>
      <Col xs={24} xl={12}>
        <ReliabilityCard
          bins={quality.calibration.map((b) => ({ lower: b.lower, upper: b.upper, count: b.count, meanPredicted: b.meanPredicted, observedRate: b.observedRate }))}
          effect={quality.calibrationEffect}
          testId="propensity-calibration"
          note={detail.chosen !== 'logistic' ? t('propensity.calibration.ofLogistic') : null}
        />
      </Col>
      <Col xs={24} xl={12}>
        <FactorsCard
          factors={quality.topFactors.map((f) => ({ feature: f.feature, perSd: f.standardisedCoefficient, direction: f.direction }))}
          labels={quality.labels}
          churn={churn}
          testId="propensity-factors"
          note={detail.chosen !== 'logistic' ? t('propensity.factors.ofLogistic', { model: t('propensity.modelNames.network') }) : null}
          extra={
            churn ? (
              <Link to="/churn">
                <Button size="small" type="link" data-testid="propensity-open-churn">
                  {t('propensity.nav.churnList')} →
                </Button>
              </Link>
            ) : null
          }
        />
      </Col>
    </Row>
  );
}

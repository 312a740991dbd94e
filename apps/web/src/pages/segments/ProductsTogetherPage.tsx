import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCustomerGroups, useProductsTogether } from '../../api/segments';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useFormatters } from '../../components/format/useFormatters';
import { PageHeader } from '../../components/layout/PageHeader';
import { AssociationsCard } from './AssociationsCard';
import { CorrelationHeatmapCard } from './CorrelationHeatmapCard';
import { EvaluationCard } from './EvaluationCard';
import { ProductGroupsCard, ProductGraphCard } from './ProductGroupsCard';
import { RulesCard } from './RulesCard';
import { ModelEmpty, ModelForbidden, SnapshotInfo, useMaySeeModel } from './shared';
import { useModelRefresh } from './useModelRefresh';

/** What sells together: association rules, the products' correlations, product groups, and which customer groups buy them. */
export default function ProductsTogetherPage() {
  const { t } = useTranslation();
  const allowed = useMaySeeModel();
  if (allowed === false) return <ModelForbidden title={t('segments.together.title')} />;
  return <Content />;
}

function Content() {
  const { t } = useTranslation();
  const format = useFormatters();
  const together = useProductsTogether();
  const groups = useCustomerGroups();
  const refresh = useModelRefresh();
  const run = together.data?.run ?? null;
  const summary = groups.data?.run?.segments;

  let body;
  if (together.isPending) {
    body = (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  } else if (together.isError) {
    body = <ErrorResult error={together.error} onRetry={() => void together.refetch()} />;
  } else if (!run) {
    body = <ModelEmpty canRun={refresh.canRun} busy={refresh.busy} onRun={() => refresh.run(null)} />;
  } else {
    const data = together.data;
    const correlations = data.correlations ?? summary?.correlations ?? null;
    const stats = [
      { key: 'baskets', title: t('segments.together.stats.baskets'), value: format.number(summary?.rules?.baskets) },
      { key: 'rules', title: t('segments.together.stats.rules'), value: format.number(summary?.rules?.rules) },
      {
        key: 'thresholds',
        title: t('segments.together.stats.thresholds'),
        value: summary?.rules ? `${format.percent(summary.rules.minSupport)} · ${format.percent(summary.rules.minConfidence)}` : '—',
      },
      { key: 'groups', title: t('segments.together.stats.productGroups'), value: format.number(data.productGroups.length) },
    ];
    body = (
      <Row gutter={[16, 16]}>
        {stats.map((stat) => (
          <Col key={stat.key} xs={24} sm={12} xl={6}>
            <Card className="stat-card" data-testid={`segments-together-stat-${stat.key}`}>
              <Statistic title={stat.title} value={stat.value} />
            </Card>
          </Col>
        ))}
        <Col span={24}>
          <RulesCard />
        </Col>
        <Col xs={24} xl={12}>
          <CorrelationHeatmapCard correlations={correlations} productGroups={data.productGroups} />
        </Col>
        <Col xs={24} xl={12}>
          <ProductGraphCard correlations={correlations} productGroups={data.productGroups} />
        </Col>
        <Col xs={24} xl={16}>
          <ProductGroupsCard productGroups={data.productGroups} canEdit={refresh.canRun} />
        </Col>
        <Col xs={24} xl={8}>
          <EvaluationCard evaluation={summary?.evaluation} />
        </Col>
        <Col span={24}>
          <AssociationsCard associations={data.associations} productGroups={data.productGroups} overview={groups.data} />
        </Col>
      </Row>
    );
  }

  return (
    <>
      <PageHeader title={t('segments.together.title')} testId="segments-together-title" extra={<SnapshotInfo asOf={run?.asOf} />} />
      {refresh.progress}
      {body}
    </>
  );
}

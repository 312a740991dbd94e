import { useState } from 'react';
import { Alert, Button, Card, Col, Row, Statistic, Typography } from 'antd';
import { ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { exitSnapshotsRange, useRelationshipOverview, type HierarchyNode, type RelationshipOverview } from '../../api/relationship';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { OverviewSkeleton } from '../../components/feedback/OverviewSkeleton';
import { useFormatters } from '../../components/format/useFormatters';
import { useLocalizedText } from '../../components/format/useLocalizedText';
import { PageHeader, PageHeaderNote } from '../../components/layout/PageHeader';
import { ModelEmpty, ModelForbidden } from '../segments/shared';
import { useModelRefresh } from '../segments/useModelRefresh';
import { ExitRuleModal } from './ExitRuleModal';
import { FactorsCard } from './FactorsCard';
import { HierarchyCard } from './HierarchyCard';
import { MatrixEditor } from './MatrixEditor';
import { QualityCard } from './QualityCard';
import { classColors, useRelationshipRoles } from './shared';

/** Relationship value: the AHP hierarchy and its judgements, the nine factors, and the classifier's quality. */
export default function RelationshipPage() {
  const { t } = useTranslation();
  const roles = useRelationshipRoles();
  if (roles.maySee === false) {
    return (
      <ModelForbidden
        title={t('relationship.page.title')}
        area="relationship"
        heading={t('relationship.common.forbiddenTitle')}
        description={t('relationship.common.forbidden')}
      />
    );
  }
  return <Content mayEdit={roles.mayEdit} />;
}

function Content({ mayEdit }: { mayEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const overview = useRelationshipOverview();
  const refresh = useModelRefresh(t('relationship.common.runDone'));
  const [exitRuleOpen, setExitRuleOpen] = useState(false);
  const run = overview.data?.run ?? null;
  const exitSnapshots = run?.summary.exitSnapshots ?? exitSnapshotsRange.default;

  let body;
  if (overview.isPending) body = <OverviewSkeleton />;
  else if (overview.isError) body = <ErrorResult error={overview.error} onRetry={() => void overview.refetch()} />;
  else if (!run) {
    body = (
      <ModelEmpty
        area="relationship"
        title={t('relationship.common.emptyTitle')}
        description={t('relationship.common.empty')}
        offerImport={false}
        canRun={refresh.canRun}
        busy={refresh.busy}
        onRun={() => refresh.run(null)}
      />
    );
  } else body = <Overview data={overview.data} mayEdit={mayEdit} canRun={refresh.canRun} busy={refresh.busy} onRun={() => refresh.run(null)} />;

  return (
    <>
      <PageHeader
        title={t('relationship.page.title')}
        testId="relationship-title"
        extra={
          <>
            {run ? <PageHeaderNote testId="relationship-snapshot-date">{t('relationship.common.asOf', { date: format.date(run.asOf) })}</PageHeaderNote> : null}
            {refresh.canRun && run ? (
              <>
                <Button icon={<SettingOutlined />} disabled={refresh.busy} onClick={() => setExitRuleOpen(true)} data-testid="relationship-exit-rule">
                  {t('relationship.page.exitRule.open')}
                </Button>
                <Button icon={<ReloadOutlined />} loading={refresh.busy} onClick={() => refresh.run(null)} data-testid="relationship-refresh">
                  {t('relationship.common.refresh')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      {refresh.progress}
      {body}
      {refresh.canRun && run ? (
        <ExitRuleModal
          open={exitRuleOpen}
          onClose={() => setExitRuleOpen(false)}
          current={exitSnapshots}
          submitting={refresh.starting}
          onSubmit={(n) => refresh.run({ relationship: { exitSnapshots: n } }, () => setExitRuleOpen(false))}
        />
      ) : null}
    </>
  );
}

function findNode(node: HierarchyNode, key: string): HierarchyNode | undefined {
  if (node.key === key) return node;
  for (const child of node.children ?? []) {
    const found = findNode(child, key);
    if (found) return found;
  }
  return undefined;
}

function Overview({ data, mayEdit, canRun, busy, onRun }: { data: RelationshipOverview; mayEdit: boolean; canRun: boolean; busy: boolean; onRun: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const localized = useLocalizedText();
  const overview = useRelationshipOverview();
  const summary = data.run!.summary;
  const [selected, setSelected] = useState('potential');
  const [savedSinceRun, setSavedSinceRun] = useState(false);
  const node = findNode(data.hierarchy, selected) ?? data.hierarchy;
  const matrix = data.matrices.find((m) => m.node === node.key);
  const chosen = summary.candidates.find((c) => c.chosen);
  const [good, medium, bad] = summary.classes;

  const stats = [
    { key: 'customers', title: t('relationship.page.stats.customers'), value: format.number(summary.customers), note: t('relationship.page.stats.customersNote') },
    {
      key: 'classes',
      title: t('relationship.page.stats.classes'),
      value: (
        <span>
          <span style={{ color: classColors.good }}>{format.number(good)}</span>
          <span className="relationship-sep"> / </span>
          <span style={{ color: classColors.medium }}>{format.number(medium)}</span>
          <span className="relationship-sep"> / </span>
          <span style={{ color: classColors.bad }}>{format.number(bad)}</span>
        </span>
      ),
      note: t('relationship.page.stats.classesNote'),
    },
    {
      key: 'chosen',
      title: t('relationship.page.stats.chosen'),
      value: localized(chosen?.label) || '—',
      note: chosen ? t('relationship.page.stats.chosenNote', { accuracy: format.percent(chosen.quality.accuracy), f1: format.fixed(chosen.quality.macroF1, 3) }) : '',
    },
    {
      key: 'exits',
      title: t('relationship.page.stats.exits'),
      value: format.number(summary.openedExitCases ?? 0),
      note: t('relationship.page.stats.exitsNote', { n: summary.exitSnapshots ?? exitSnapshotsRange.default }),
    },
  ];

  return (
    <Row gutter={[16, 16]}>
      {stats.map((stat) => (
        <Col key={stat.key} xs={24} sm={12} xl={6}>
          <Card className="stat-card" data-testid={`relationship-stat-${stat.key}`}>
            <Statistic title={stat.title} value={typeof stat.value === 'string' ? stat.value : undefined} valueRender={typeof stat.value === 'string' ? undefined : () => stat.value} />
            <Typography.Text type="secondary" className="value-stat-note" ellipsis={{ tooltip: stat.note }}>
              {stat.note}
            </Typography.Text>
          </Card>
        </Col>
      ))}
      {savedSinceRun ? (
        <Col span={24}>
          <Alert
            type="info"
            showIcon
            closable={{ onClose: () => setSavedSinceRun(false) }}
            title={t('relationship.page.matrix.appliesNext')}
            data-testid="relationship-applies-next"
            action={
              canRun ? (
                <Button size="small" type="primary" loading={busy} onClick={() => { onRun(); setSavedSinceRun(false); }}>
                  {t('relationship.page.matrix.refreshNow')}
                </Button>
              ) : undefined
            }
          />
        </Col>
      ) : null}
      <Col xs={24} xl={12}>
        <HierarchyCard
          hierarchy={data.hierarchy}
          weights={summary.weights}
          consistency={summary.consistency}
          factors={data.factors}
          selected={node.key}
          onSelect={setSelected}
        />
      </Col>
      <Col xs={24} xl={12}>
        {matrix ? (
          <MatrixEditor
            node={node}
            matrix={matrix}
            mayEdit={mayEdit}
            onSaved={() => {
              setSavedSinceRun(true);
              void overview.refetch();
            }}
            onReload={() => void overview.refetch()}
          />
        ) : null}
      </Col>
      <Col span={24}>
        <QualityCard summary={summary} />
      </Col>
      <Col span={24}>
        <FactorsCard factors={data.factors} stats={data.factorStats} weights={summary.weights} />
      </Col>
    </Row>
  );
}

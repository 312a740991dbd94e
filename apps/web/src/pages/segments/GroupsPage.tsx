import { useState } from 'react';
import { Button, Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCustomerGroups, type GroupsOverview } from '../../api/segments';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { OverviewSkeleton } from '../../components/feedback/OverviewSkeleton';
import { useFormatters } from '../../components/format/useFormatters';
import { PageHeader } from '../../components/layout/PageHeader';
import { GroupCard } from './GroupCard';
import { GroupMembersCard } from './GroupMembersCard';
import { GroupProfileChart } from './GroupProfileChart';
import { KSelectionCard } from './KSelectionCard';
import { ModelSettingsDrawer } from './ModelSettingsDrawer';
import { ModelEmpty, ModelForbidden, SnapshotInfo, useMaySeeModel } from './shared';
import { useModelRefresh } from './useModelRefresh';

/** Customer groups of the predictive model: how many and why, each group's profile, and its members. */
export default function GroupsPage() {
  const { t } = useTranslation();
  const allowed = useMaySeeModel();
  if (allowed === false) return <ModelForbidden title={t('segments.groups.title')} />;
  return <GroupsContent />;
}

function GroupsContent() {
  const { t } = useTranslation();
  const groups = useCustomerGroups();
  const refresh = useModelRefresh();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const run = groups.data?.run ?? null;

  const header = (
    <PageHeader
      title={t('segments.groups.title')}
      testId="segments-groups-title"
      extra={
        <>
          <SnapshotInfo asOf={run?.asOf} />
          {refresh.canRun && run ? (
            <Button icon={<SettingOutlined />} loading={refresh.busy} onClick={() => setSettingsOpen(true)} data-testid="segments-settings">
              {t('segments.common.settings')}
            </Button>
          ) : null}
        </>
      }
    />
  );

  let body;
  if (groups.isPending) body = <OverviewSkeleton />;
  else if (groups.isError) body = <ErrorResult error={groups.error} onRetry={() => void groups.refetch()} />;
  else if (!run || groups.data.groups.length === 0) body = <ModelEmpty canRun={refresh.canRun} busy={refresh.busy} onRun={() => refresh.run(null)} />;
  else body = <Groups data={groups.data} canEdit={refresh.canRun} />;

  return (
    <>
      {header}
      {refresh.progress}
      {body}
      {run && refresh.canRun ? (
        <ModelSettingsDrawer
          open={settingsOpen}
          onClose={() => setSettingsOpen(false)}
          summary={run.segments}
          submitting={refresh.starting}
          onSubmit={(segments) => refresh.run({ segments }, () => setSettingsOpen(false))}
        />
      ) : null}
    </>
  );
}

function Groups({ data, canEdit }: { data: GroupsOverview; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const summary = data.run!.segments;
  const [selected, setSelected] = useState(data.groups[0]?.groupNo ?? 0);
  const selectedGroup = data.groups.find((g) => g.groupNo === selected) ?? data.groups[0];
  const membership = data.membership;
  const evaluation = summary.evaluation;

  const stats = [
    {
      key: 'k',
      title: t('segments.groups.stats.k'),
      value: format.number(summary.k ?? data.groups.length),
      note: summary.kSelection
        ? t('segments.groups.stats.kAuto', { value: format.fixed(summary.silhouette, 2) })
        : t('segments.groups.stats.kFixed'),
    },
    {
      key: 'customers',
      title: t('segments.groups.stats.customers'),
      value: format.number(summary.customers ?? membership?.customers),
      note: t('segments.groups.stats.features', { count: summary.features?.length ?? 0, m: format.fixed(summary.fuzziness, 1) }),
    },
    {
      key: 'mixed',
      title: t('segments.groups.stats.mixed'),
      hint: t('segments.groups.stats.mixedHint'),
      value: membership && membership.customers ? format.percent(membership.mixed / membership.customers) : '—',
      note: membership ? t('segments.groups.stats.mixedCount', { count: membership.mixed, total: format.number(membership.customers) }) : '',
    },
    {
      key: 'hitRate',
      title: t('segments.groups.stats.hitRate', { k: evaluation?.k ?? 5 }),
      hint: evaluation
        ? t('segments.evaluation.help', { cutoff: format.date(evaluation.cutoff), customers: format.number(evaluation.customers), k: evaluation.k })
        : t('segments.evaluation.none'),
      value: evaluation ? format.percent(evaluation.model.hitRate) : '—',
      note: evaluation ? t('segments.groups.stats.hitRateVs', { value: format.percent(evaluation.popularity.hitRate) }) : t('segments.evaluation.none'),
    },
  ];

  return (
    <Row gutter={[16, 16]}>
      {stats.map((stat) => (
        <Col key={stat.key} xs={24} sm={12} xl={6}>
          <Card className="stat-card" data-testid={`segments-stat-${stat.key}`}>
            <Statistic
              title={
                <span>
                  {stat.title}{' '}
                  {stat.hint ? (
                    <Tooltip title={stat.hint}>
                      <QuestionCircleOutlined className="hint-icon" />
                    </Tooltip>
                  ) : null}
                </span>
              }
              value={stat.value}
            />
            <Typography.Text type="secondary" className="value-stat-note" ellipsis={{ tooltip: stat.note }}>
              {stat.note}
            </Typography.Text>
          </Card>
        </Col>
      ))}
      <Col xs={24} xl={15}>
        <GroupProfileChart groups={data.groups} />
      </Col>
      <Col xs={24} xl={9}>
        <KSelectionCard summary={summary} />
      </Col>
      <Col span={24}>
        <Row gutter={[16, 16]} data-testid="segments-group-cards">
          {data.groups.map((group) => (
            <Col key={group.groupNo} xs={24} md={12} xl={8}>
              <GroupCard
                group={group}
                canEdit={canEdit}
                selected={group.groupNo === selectedGroup?.groupNo}
                onSelect={() => setSelected(group.groupNo)}
                totalCustomers={summary.customers}
              />
            </Col>
          ))}
        </Row>
      </Col>
      <Col span={24}>{selectedGroup ? <GroupMembersCard group={selectedGroup} groups={data.groups} onSelect={setSelected} /> : null}</Col>
    </Row>
  );
}

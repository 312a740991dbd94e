import { useMemo, useState } from 'react';
import { Badge, Card, Flex, Input, Select, Skeleton, Switch, Tag, Tooltip, Typography } from 'antd';
import { ClockCircleOutlined, MessageOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { boardStages, closedStages, useExitBoard, useRelationshipOverview, type ExitCaseCard, type ExitStage } from '../../api/relationship';
import { EmptyCard, EmptyHint } from '../../components/feedback/EmptyCard';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useFormatters } from '../../components/format/useFormatters';
import { PageHeader } from '../../components/layout/PageHeader';
import { useRelationshipRoles } from './shared';
import { daysSince } from './time';

const stageAccent: Record<ExitStage, string> = {
  candidate: '#bfbfbf',
  review: '#1677ff',
  approved: '#fa8c16',
  transition: '#faad14',
  exited: '#f5222d',
  retrospective: '#722ed1',
  won_back: '#52c41a',
  dismissed: '#13c2c2',
};

/** The exit board: one column per stage, a card per case (worst AHP score first); a card opens its case. */
export default function ExitBoardPage() {
  const { t } = useTranslation();
  const board = useExitBoard();
  const roles = useRelationshipRoles();
  const overview = useRelationshipOverview(roles.maySee === true);
  const [search, setSearch] = useState('');
  const [ownerId, setOwnerId] = useState<number | null>(null);
  const [showClosed, setShowClosed] = useState(false);
  const snapshots = overview.data?.run?.summary.exitSnapshots;

  const owners = useMemo(() => {
    const map = new Map<number, string>();
    for (const c of board.data?.cases ?? []) if (c.ownerId !== null) map.set(c.ownerId, c.ownerName ?? `#${c.ownerId}`);
    return [...map.entries()].map(([value, label]) => ({ value, label }));
  }, [board.data]);

  const stages = showClosed ? [...boardStages, ...closedStages] : boardStages;
  const needle = search.trim().toLowerCase();
  const shown = (board.data?.cases ?? []).filter((c) => (!needle || c.name.toLowerCase().includes(needle)) && (ownerId === null || c.ownerId === ownerId));

  let body;
  if (board.isPending)
    body = (
      <Flex gap={12}>
        {boardStages.map((s) => (
          <Card key={s} style={{ flex: 1 }}>
            <Skeleton active paragraph={{ rows: 4 }} />
          </Card>
        ))}
      </Flex>
    );
  else if (board.isError) body = <ErrorResult error={board.error} onRetry={() => void board.refetch()} />;
  else if (board.data.cases.length === 0)
    body = <EmptyCard testId="exit-board-empty" title={t('relationship.board.empty')} description={<EmptyHint>{t('relationship.board.emptyHint')}</EmptyHint>} />;
  else
    body = (
      <div className="exit-board" data-testid="exit-board">
        {stages.map((stage) => {
          const cases = shown.filter((c) => c.stage === stage).sort((a, b) => (a.ahpScore ?? 1) - (b.ahpScore ?? 1));
          return (
            <div key={stage} className="exit-column" data-testid={`exit-column-${stage}`} style={{ borderTop: `3px solid ${stageAccent[stage]}` }}>
              <Flex className="exit-column-head" align="center" justify="space-between" gap={6}>
                <Typography.Text strong ellipsis={{ tooltip: true }} style={{ minWidth: 0 }}>
                  {t(`relationship.stages.${stage}`)}
                </Typography.Text>
                <Badge count={cases.length} showZero color={cases.length ? stageAccent[stage] : '#d9d9d9'} overflowCount={999} data-testid={`exit-column-count-${stage}`} />
              </Flex>
              <div className="exit-column-body">
                {cases.length === 0 ? (
                  <Typography.Text type="secondary" style={{ padding: '8px 4px', fontSize: 12 }}>
                    {t('relationship.board.columnEmpty')}
                  </Typography.Text>
                ) : (
                  cases.map((c) => <CaseCard key={c.id} item={c} accent={stageAccent[stage]} />)
                )}
              </div>
            </div>
          );
        })}
      </div>
    );

  return (
    <>
      <PageHeader title={t('relationship.board.title')} testId="exit-board-title" />
      <Typography.Paragraph type="secondary" className="panel-help">
        {snapshots ? t('relationship.board.help', { n: snapshots }) : t('relationship.board.helpNoRun')}
      </Typography.Paragraph>
      <Flex wrap gap={12} align="center" className="toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('relationship.board.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 240 }}
          data-testid="exit-board-search"
        />
        {roles.me?.role !== 'sales' && owners.length > 0 ? (
          <Select<number>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('relationship.board.allOwners')}
            value={ownerId ?? undefined}
            onChange={(v) => setOwnerId(v ?? null)}
            options={owners}
            style={{ width: 200 }}
            aria-label={t('relationship.board.owner')}
          />
        ) : null}
        <Flex align="center" gap={8}>
          <Switch size="small" checked={showClosed} onChange={setShowClosed} data-testid="exit-board-closed" />
          <Typography.Text>{t('relationship.board.showClosed')}</Typography.Text>
        </Flex>
      </Flex>
      {body}
    </>
  );
}

function CaseCard({ item, accent }: { item: ExitCaseCard; accent: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const days = daysSince(item.updatedAt);
  return (
    <Card
      size="small"
      className="exit-card"
      style={{ borderLeftColor: accent }}
      onClick={() => navigate(`/exits/${item.id}`)}
      data-testid="exit-card"
      data-case={item.id}
      data-account={item.accountId}
      role="link"
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === 'Enter') navigate(`/exits/${item.id}`);
      }}
    >
      <Typography.Text strong ellipsis={{ tooltip: item.name }} style={{ display: 'block' }} data-testid="exit-card-name">
        {item.name}
      </Typography.Text>
      <Flex align="center" gap={4} className="exit-card-meta" style={{ minWidth: 0 }}>
        <UserOutlined />
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, minWidth: 0 }}>
          {item.ownerName ?? t('relationship.board.noOwner')}
        </Typography.Text>
      </Flex>
      {item.returnedOrders ? (
        <Tooltip title={t('relationship.board.returnedHint', { date: format.date(item.returnedLastAt) })}>
          <Tag color="green" style={{ marginTop: 4 }} data-testid="exit-card-returned">
            {t('relationship.board.returned', { count: item.returnedOrders })}
          </Tag>
        </Tooltip>
      ) : null}
      <Flex justify="space-between" align="center" gap={6} className="exit-card-meta" style={{ marginTop: 4 }}>
        <Tooltip title={t('relationship.common.score')}>
          <span>{t('relationship.board.score', { value: format.fixed(item.ahpScore, 3) })}</span>
        </Tooltip>
        <Flex gap={8}>
          <Tooltip title={t('relationship.board.daysHint', { count: days })}>
            <span>
              <ClockCircleOutlined /> {t('relationship.board.days', { count: days })}
            </span>
          </Tooltip>
          <Tooltip title={t('relationship.board.comments', { count: item.comments })}>
            <span>
              <MessageOutlined /> {item.comments}
            </span>
          </Tooltip>
        </Flex>
      </Flex>
    </Card>
  );
}

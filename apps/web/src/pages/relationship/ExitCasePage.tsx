import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Input, Row, Skeleton, Steps, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, CommentOutlined, FlagOutlined, SwapRightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import {
  boardStages,
  managerMoves,
  useCommentOnExitCase,
  useExitBoard,
  useExitCase,
  useMoveExitCase,
  type ExitCaseFile,
  type ExitCaseTask,
  type ExitStage,
  type ProspectList,
  type ProspectReason,
  type ReplacementProspect,
} from '../../api/relationship';
import { EnumTag, useEnumLabel } from '../../components/enums/EnumTag';
import { ConflictAlert } from '../../components/feedback/ConflictAlert';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { useFormatters } from '../../components/format/useFormatters';
import { PageHeader } from '../../components/layout/PageHeader';
import { useLanguage } from '../../i18n/useLanguage';
import { Chart, chartColors } from '../analytics/Chart';
import { escapeHtml } from '../segments/shared';
import { MoveModal, type MoveValues } from './MoveModal';
import { ClassTag, StageTag, classColors, useRelationshipRoles } from './shared';
import { isoTime } from './time';

/** One exit case: the customer's file and value history, the next steps, the plan's tasks, prospects and the decision log. */
export default function ExitCasePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const file = useExitCase(id);

  const back = (
    <Link to="/exits">
      <Button icon={<ArrowLeftOutlined />}>{t('relationship.case.back')}</Button>
    </Link>
  );
  if (!Number.isInteger(id) || id <= 0 || (file.isError && isApiError(file.error, 404))) {
    return (
      <>
        <PageHeader title={t('relationship.case.title', { id: Number.isFinite(id) ? id : '?' })} extra={back} />
        <Card>
          <Empty description={t('relationship.case.notFound')} />
        </Card>
      </>
    );
  }
  if (file.isPending)
    return (
      <>
        <PageHeader title={t('relationship.case.title', { id })} extra={back} />
        <Card>
          <Skeleton active paragraph={{ rows: 12 }} />
        </Card>
      </>
    );
  if (file.isError)
    return (
      <>
        <PageHeader title={t('relationship.case.title', { id })} extra={back} />
        <ErrorResult error={file.error} onRetry={() => void file.refetch()} />
      </>
    );
  return <CaseFile data={file.data} back={back} onReload={() => void file.refetch()} reloading={file.isFetching} />;
}

function CaseFile({ data, back, onReload, reloading }: { data: ExitCaseFile; back: React.ReactNode; onReload: () => void; reloading: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const c = data.case;
  const stageIndex = boardStages.indexOf(c.stage);
  const closed = c.stage === 'won_back' || c.stage === 'dismissed';
  const approver = data.events.find((e) => e.kind === 'stage' && e.toStage === 'approved');
  const owner = useOwnerName(data);

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={10} style={{ minWidth: 0 }}>
            <span style={{ flexShrink: 0 }}>{t('relationship.case.title', { id: c.id })}</span>
            <Typography.Text type="secondary" style={{ fontSize: 20, fontWeight: 400, minWidth: 0 }} ellipsis={{ tooltip: data.account.name }}>
              {data.account.name}
            </Typography.Text>
            <StageTag stage={c.stage} testId="exit-case-stage" />
          </Flex>
        }
        testId="exit-case-title"
        extra={back}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={closed ? -1 : stageIndex}
          items={boardStages.map((s) => ({ title: t(`relationship.stages.${s}`) }))}
          data-testid="exit-case-steps"
        />
        {closed ? (
          <Alert style={{ marginTop: 12 }} type={c.stage === 'won_back' ? 'success' : 'info'} showIcon title={t(`relationship.stages.${c.stage}`)} />
        ) : null}
        {data.returned.orders ? (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            data-testid="exit-case-returned"
            title={t('relationship.case.returned', { count: data.returned.orders, amount: format.money(data.returned.amount), date: format.date(data.returned.lastOrderAt) })}
            description={t('relationship.case.returnedHelp')}
          />
        ) : null}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Actions data={data} onReload={onReload} reloading={reloading} />
            <HistoryCard data={data} />
            <TasksCard data={data} />
            <ProspectsCard prospects={data.prospects} />
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('relationship.case.account')} data-testid="exit-case-file">
              <Descriptions
                column={1}
                size="small"
                items={[
                  {
                    key: 'account',
                    label: t('relationship.case.account'),
                    children: (
                      <Link to={`/accounts/${data.account.id}?tab=relationship`} className="ellipsis-link" title={data.account.name} data-testid="exit-case-account">
                        {data.account.name}
                      </Link>
                    ),
                  },
                  { key: 'type', label: t('fields.account.customerType'), children: <EnumTag name="customerType" value={data.account.customerType} /> },
                  { key: 'owner', label: t('relationship.case.owner'), children: owner ?? '—' },
                  { key: 'opened', label: t('relationship.case.opened'), children: format.dateTime(isoTime(c.createdAt)) },
                  ...(c.approvedAt
                    ? [{ key: 'approved', label: t('relationship.case.approved'), children: t('relationship.case.approvedBy', { name: approver?.userName ?? '—', date: format.dateTime(isoTime(c.approvedAt)) }) }]
                    : []),
                  ...(c.exitedAt ? [{ key: 'exited', label: t('relationship.case.exitedAt'), children: format.dateTime(isoTime(c.exitedAt)) }] : []),
                ]}
              />
            </Card>
            {c.whatWentWrong ? (
              <Card size="small" title={t('relationship.case.retrospective')} data-testid="exit-case-retrospective">
                <Typography.Text strong>{t('relationship.case.whatWentWrong')}</Typography.Text>
                <Typography.Paragraph className="exit-retro">{c.whatWentWrong}</Typography.Paragraph>
                {c.lessons ? (
                  <>
                    <Typography.Text strong>{t('relationship.case.lessons')}</Typography.Text>
                    <Typography.Paragraph className="exit-retro">{c.lessons}</Typography.Paragraph>
                  </>
                ) : null}
              </Card>
            ) : null}
            <LogCard data={data} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}

/** The owner's name: the file carries only the id; the board (same visibility) and the plan's tasks have the name. */
function useOwnerName(data: ExitCaseFile): string | null {
  const board = useExitBoard();
  const owner = data.account.ownerId;
  if (owner === null) return null;
  return (
    board.data?.cases.find((c) => c.id === data.case.id)?.ownerName ??
    data.tasks.find((task) => task.userId === owner)?.userName ??
    data.events.find((e) => e.userId === owner)?.userName ??
    null
  );
}

function Actions({ data, onReload, reloading }: { data: ExitCaseFile; onReload: () => void; reloading: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [language] = useLanguage();
  const roles = useRelationshipRoles();
  const move = useMoveExitCase(data.case.id);
  const [to, setTo] = useState<ExitStage | null>(null);
  const [problem, setProblem] = useState<'conflict' | { forbidden: string } | null>(null);
  const role = roles.me?.role;
  const mayMove = role === 'manager' || role === 'admin' || (role === 'sales' && data.account.ownerId === roles.me?.id);
  const allowed = data.allowed.filter((s) => roles.isManager || !managerMoves.includes(s));
  const managerOnly = data.allowed.filter((s) => !roles.isManager && managerMoves.includes(s));

  const submit = (values: MoveValues) => {
    if (!to) return;
    setProblem(null);
    move.mutate(
      {
        to,
        version: data.case.version,
        note: values.note?.trim() || undefined,
        whatWentWrong: values.whatWentWrong?.trim() || undefined,
        lessons: values.lessons?.trim() || undefined,
        language: language === 'zh-CN' ? 'zh' : 'en',
      },
      {
        onSuccess: (updated) => {
          void message.success(t('relationship.case.moved', { stage: t(`relationship.stages.${updated.stage}`) }));
          setTo(null);
        },
        onError: (error) => {
          setTo(null);
          if (isApiError(error, 409)) setProblem('conflict');
          else if (isApiError(error, 403)) setProblem({ forbidden: error.message });
          else notifyError(error);
        },
      },
    );
  };

  return (
    <Card size="small" title={t('relationship.case.actions')} data-testid="exit-case-actions">
      {problem === 'conflict' ? (
        <ConflictAlert
          testId="exit-case-conflict"
          title={t('relationship.case.conflictTitle')}
          description={t('relationship.case.conflict')}
          reloadLabel={t('relationship.case.reload')}
          reloading={reloading}
          onReload={() => {
            setProblem(null);
            onReload();
          }}
        />
      ) : problem ? (
        <Alert type="error" showIcon closable={{ onClose: () => setProblem(null) }} title={t('relationship.case.forbidden', { message: problem.forbidden })} style={{ marginBottom: 12 }} data-testid="exit-case-forbidden" />
      ) : null}
      {data.allowed.length === 0 ? (
        <Typography.Text type="secondary">{t('relationship.case.noMoves')}</Typography.Text>
      ) : !mayMove ? (
        <Typography.Text type="secondary" data-testid="exit-case-read-only">
          {t('relationship.case.onlyOwner')}
        </Typography.Text>
      ) : (
        <Flex wrap gap={8} align="center">
          {allowed.map((s) => (
            <Button
              key={s}
              type={s === 'dismissed' || s === 'won_back' ? 'default' : 'primary'}
              danger={s === 'approved'}
              icon={s === 'retrospective' ? <FlagOutlined /> : <SwapRightOutlined />}
              onClick={() => setTo(s)}
              data-testid={`exit-move-${s}`}
            >
              {t(`relationship.case.moves.${s}`)}
            </Button>
          ))}
          {managerOnly.map((s) => (
            <Tooltip key={s} title={t('relationship.case.managerOnly')}>
              <Tag style={{ margin: 0 }}>
                {t(`relationship.case.moves.${s}`)} · {t('relationship.case.managerOnly')}
              </Tag>
            </Tooltip>
          ))}
        </Flex>
      )}
      <MoveModal to={to} accountName={data.account.name} submitting={move.isPending} onCancel={() => setTo(null)} onSubmit={submit} />
    </Card>
  );
}

function HistoryCard({ data }: { data: ExitCaseFile }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const evidence = data.case.evidence;
  const history = data.history;
  const evidenceRuns = new Set(evidence?.runs ?? []);
  const option = {
    grid: { left: 48, right: 64, top: 36, bottom: 28 },
    legend: { top: 0, data: [t('relationship.common.score'), t('relationship.case.clv')] },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const h = history[params[0]?.dataIndex ?? 0];
        if (!h) return '';
        return [
          `<b>${escapeHtml(format.date(h.asOf))}</b>`,
          `${escapeHtml(t('relationship.common.score'))}: <b>${format.fixed(h.ahpScore, 3)}</b> (${escapeHtml(t(`relationship.classes.${h.class}`))})`,
          `${escapeHtml(t('relationship.case.clv'))}: <b>${escapeHtml(format.money(h.predictedClv))}</b>`,
          `${escapeHtml(t('relationship.case.monetary'))}: ${escapeHtml(format.money(h.monetary))}`,
        ].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: history.map((h) => format.date(h.asOf)) },
    yAxis: [
      { type: 'value', name: t('relationship.common.score'), min: 0, max: 1, nameTextStyle: { align: 'left' } },
      { type: 'value', name: t('relationship.case.clv'), splitLine: { show: false }, axisLabel: { formatter: (v: number) => format.compact(v) }, nameTextStyle: { align: 'right' } },
    ],
    series: [
      {
        name: t('relationship.case.clv'),
        type: 'bar',
        yAxisIndex: 1,
        barMaxWidth: 36,
        itemStyle: { color: '#d6e4ff' },
        data: history.map((h) => h.predictedClv),
      },
      {
        name: t('relationship.common.score'),
        type: 'line',
        symbolSize: 10,
        lineStyle: { color: chartColors.blue, width: 2 },
        itemStyle: { color: chartColors.blue },
        data: history.map((h) => ({ value: h.ahpScore, itemStyle: { color: classColors[h.class], borderColor: evidenceRuns.has(h.runId) ? '#820014' : '#fff', borderWidth: 2 } })),
      },
    ],
  };
  return (
    <Card size="small" title={t('relationship.case.history')} data-testid="exit-case-history">
      <Typography.Paragraph type="secondary" className="panel-help">
        {t('relationship.case.historyHelp')}
      </Typography.Paragraph>
      <Flex wrap gap={6} align="center" style={{ marginBottom: 8 }} data-testid="exit-case-evidence">
        <Typography.Text strong>{t('relationship.case.evidence')}:</Typography.Text>
        {evidence && evidence.runs.length ? (
          <>
            <Typography.Text>{t('relationship.case.evidenceText', { count: evidence.runs.length })}</Typography.Text>
            {evidence.runs.map((runId, i) => {
              const h = history.find((x) => x.runId === runId);
              return (
                <Tag key={runId} color="red" style={{ margin: 0 }}>
                  {h ? format.date(h.asOf) : `#${runId}`} · {format.fixed(evidence.ahpScores[i], 3)}
                </Tag>
              );
            })}
          </>
        ) : (
          <Typography.Text type="secondary">{t('relationship.case.evidenceNone')}</Typography.Text>
        )}
      </Flex>
      {history.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('relationship.case.noHistory')} /> : <Chart option={option} height={260} testId="exit-case-chart" />}
      {history.length ? (
        <Flex gap={6} wrap style={{ marginTop: 4 }}>
          {history.map((h) => (
            <Flex key={h.runId} align="center" gap={4}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {format.date(h.asOf)}
              </Typography.Text>
              <ClassTag value={h.class} />
            </Flex>
          ))}
        </Flex>
      ) : null}
    </Card>
  );
}

function TasksCard({ data }: { data: ExitCaseFile }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Card
      size="small"
      title={t('relationship.case.tasks')}
      data-testid="exit-case-tasks"
      extra={
        data.tasks.length ? (
          <Link to={`/accounts/${data.account.id}?tab=activities`}>{t('account.tabs.activities')}</Link>
        ) : null
      }
      styles={{ body: { padding: data.tasks.length ? 0 : undefined } }}
    >
      {data.tasks.length === 0 ? (
        <Typography.Text type="secondary">{t('relationship.case.tasksEmpty')}</Typography.Text>
      ) : (
        <Table<ExitCaseTask>
          rowKey="id"
          size="small"
          pagination={false}
          tableLayout="fixed"
          dataSource={data.tasks}
          columns={[
            { key: 'subject', dataIndex: 'subject', title: t('relationship.case.task'), ellipsis: { showTitle: true }, render: (v: string) => <span data-testid="exit-task-subject">{v}</span> },
            { key: 'owner', dataIndex: 'userName', title: t('relationship.case.owner'), width: 140, ellipsis: true, render: (v: string | null) => v ?? '—' },
            { key: 'due', dataIndex: 'dueAt', title: t('relationship.case.due'), width: 112, render: (v: string | null) => format.date(isoTime(v)) },
            {
              key: 'status',
              title: '',
              width: 92,
              render: (_v, task) =>
                task.completedAt ? (
                  <Tag color="success">{t('relationship.case.done')}</Tag>
                ) : task.dueAt && dayjs(isoTime(task.dueAt)).isBefore(dayjs()) ? (
                  <Tag color="error">{t('relationship.case.overdue')}</Tag>
                ) : (
                  <Tag>{t('relationship.case.open')}</Tag>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function ProspectsCard({ prospects }: { prospects: ProspectList }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const enumLabel = useEnumLabel();
  const traitValue = (r: ProspectReason) => (r.trait === 'customerType' || r.trait === 'industry' ? enumLabel(r.trait, r.value) : r.value);
  return (
    <Card size="small" title={t('relationship.case.prospects')} data-testid="exit-case-prospects" styles={{ body: { paddingTop: 8 } }}>
      <Typography.Paragraph type="secondary" className="panel-help">
        {t('relationship.case.prospectsHelp')}
        {prospects.baseRate !== null ? ' ' + t('relationship.case.prospectsBase', { rate: format.percent(prospects.baseRate) }) : null}
      </Typography.Paragraph>
      <Table<ReplacementProspect>
        rowKey={(p) => `${p.kind}-${p.id}`}
        size="small"
        pagination={false}
        tableLayout="fixed"
        dataSource={prospects.items}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t(prospects.reason === 'no-classification' ? 'relationship.case.prospectsUnclassified' : 'relationship.case.prospectsEmpty')}
            />
          ),
        }}
        columns={[
          { key: 'rank', title: '#', width: 40, render: (_v, _p, i) => i + 1 },
          {
            key: 'name',
            dataIndex: 'name',
            title: t('relationship.case.prospect'),
            width: 220,
            render: (name: string, p) => (
              <Flex vertical gap={2}>
                {p.kind === 'account' ? (
                  <Link to={`/accounts/${p.id}`} className="ellipsis-link" title={name}>
                    {name}
                  </Link>
                ) : (
                  <Typography.Text ellipsis={{ tooltip: name }}>{name}</Typography.Text>
                )}
                <span>
                  <Tag color={p.kind === 'lead' ? 'purple' : 'blue'}>{t(`relationship.case.kinds.${p.kind}`)}</Tag>
                  {p.sameIndustry ? <Tag color="gold">{t('relationship.case.sameIndustry')}</Tag> : null}
                  {p.sameRegion ? <Tag color="gold">{t('relationship.case.sameRegion')}</Tag> : null}
                </span>
              </Flex>
            ),
          },
          {
            key: 'resemblance',
            dataIndex: 'resemblance',
            title: (
              <Tooltip title={t('relationship.case.resemblanceHint')}>
                <span className="dotted-hint">{t('relationship.case.resemblance')}</span>
              </Tooltip>
            ),
            width: 120,
            align: 'right',
            render: (v: number) => <b>{format.percent(Number(v))}</b>,
          },
          {
            key: 'why',
            title: t('relationship.case.why'),
            render: (_v, p) =>
              p.reasons.length === 0 ? (
                <Typography.Text type="secondary">{t('relationship.case.noReasons')}</Typography.Text>
              ) : (
                <Flex wrap gap={4} data-testid="prospect-reasons">
                  {p.reasons.map((r) => (
                    <Tooltip
                      key={r.trait}
                      title={t('relationship.case.reasonHint', { good: format.percent(r.goodShare), other: format.percent(r.otherShare) })}
                    >
                      <Tag className="prospect-reason">
                        {t('relationship.case.reasonLabel', { trait: t(`relationship.case.traits.${r.trait}`), value: traitValue(r) })}
                        <span className="prospect-reason-shares">
                          {format.percent(r.goodShare)} / {format.percent(r.otherShare)}
                        </span>
                      </Tag>
                    </Tooltip>
                  ))}
                </Flex>
              ),
          },
        ]}
      />
    </Card>
  );
}

function LogCard({ data }: { data: ExitCaseFile }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const comment = useCommentOnExitCase(data.case.id);
  const [text, setText] = useState('');
  const stage = (s: ExitStage | null) => (s ? t(`relationship.stages.${s}`) : '—');

  const post = () => {
    if (!text.trim()) return;
    comment.mutate(text.trim(), {
      onSuccess: () => {
        setText('');
        void message.success(t('relationship.case.commented'));
      },
      onError: notifyError,
    });
  };

  return (
    <Card size="small" title={t('relationship.case.log')} data-testid="exit-case-log">
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={3}
          maxLength={5000}
          placeholder={t('relationship.case.commentPlaceholder')}
          data-testid="exit-comment-input"
        />
        <Flex justify="flex-end">
          <Button icon={<CommentOutlined />} onClick={post} loading={comment.isPending} disabled={!text.trim()} data-testid="exit-comment-send">
            {t('relationship.case.send')}
          </Button>
        </Flex>
      </Flex>
      <Timeline
        data-testid="exit-case-events"
        items={[...data.events].reverse().map((e) => ({
          key: e.id,
          color: e.kind === 'comment' ? 'gray' : e.toStage === 'approved' || e.toStage === 'exited' ? 'red' : e.kind === 'opened' ? 'gray' : 'blue',
          content: (
            <div data-testid="exit-event" data-kind={e.kind} data-to={e.toStage ?? ''}>
              <Flex wrap gap={6} align="center">
                {e.kind === 'stage' ? (
                  <Typography.Text strong>{t('relationship.case.logStage', { from: stage(e.fromStage), to: stage(e.toStage) })}</Typography.Text>
                ) : e.kind === 'opened' ? (
                  <Typography.Text strong>{t('relationship.case.logOpened')}</Typography.Text>
                ) : (
                  <Typography.Text strong>{t('relationship.case.logComment')}</Typography.Text>
                )}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.userName ?? t('relationship.case.system')} · {format.dateTime(isoTime(e.at))}
              </Typography.Text>
              {e.text ? <Typography.Paragraph className="exit-log-text">{e.kind === 'opened' && openedCount(e.text) !== null ? t('relationship.case.openedText', { count: openedCount(e.text)! }) : e.text}</Typography.Paragraph> : null}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

/** The server writes the opening event in English ("Classed bad in 3 consecutive snapshots"): the count, to say it in the UI language. */
function openedCount(text: string): number | null {
  const m = /Classed bad in (\d+) consecutive snapshots/.exec(text);
  return m ? Number(m[1]) : null;
}

import { useState } from 'react';
import { App, Button, Flex, Progress, Select, Space, Tooltip, Typography } from 'antd';
import { CheckOutlined, EditOutlined, ScheduleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCanWrite } from '../../api/access';
import { useChurnList, useCreateRetentionTask, usePropensityModels, type ChurnFilters, type ChurnItem } from '../../api/propensity';
import { EnumTag } from '../../components/enums/EnumTag';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { useFormatters } from '../../components/format/useFormatters';
import { useLanguage } from '../../i18n/useLanguage';
import { OwnerFilter, RankedAccountsPage, useOwnerColumn, useSeesAllOwners } from '../segments/RankedAccountsPage';
import { useMaySeeModel } from '../segments/shared';
import { useModelRefresh } from '../segments/useModelRefresh';
import { FactorList } from './features';
import { RetentionTaskModal } from './RetentionTaskModal';
import { PropensityEmpty, PropensityForbidden } from './shared';

/**
 * Active customers most at risk of leaving, ranked by the customer value at risk (corrected churn probability ×
 * predicted CLV), each with the reasons in words and a one-click retention task for the account's owner.
 */
export default function ChurnPage() {
  const { t } = useTranslation();
  const allowed = useMaySeeModel();
  if (allowed === false) return <PropensityForbidden title={t('propensity.churn.title')} />;
  return <Content />;
}

const riskColor = (p: number) => (p >= 0.6 ? '#cf1322' : p >= 0.35 ? '#fa8c16' : '#faad14');
const thresholds = [0, 0.2, 0.35, 0.5, 0.7];

function Content() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const format = useFormatters();
  const [language] = useLanguage();
  const seesAll = useSeesAllOwners();
  const canTask = useCanWrite('activities');
  const refresh = useModelRefresh();
  const models = usePropensityModels();
  const [filters, setFilters] = useState<ChurnFilters>({ page: 1, pageSize: 20, minProbability: 0 });
  const list = useChurnList(filters);
  const create = useCreateRetentionTask();
  const navigate = useNavigate();
  const [noting, setNoting] = useState<ChurnItem | null>(null);
  const [created, setCreated] = useState<number[]>([]);
  const [creating, setCreating] = useState<number | null>(null);
  const ownerColumn = useOwnerColumn<ChurnItem>();
  const churnModel = models.data?.models.find((m) => m.target === 'churn');
  const horizon = churnModel?.horizonDays ?? 90;

  const createNow = (row: ChurnItem) => {
    setCreating(row.accountId);
    create.mutate(
      { accountId: row.accountId, language: language === 'zh-CN' ? 'zh' : 'en' },
      {
        onSuccess: () => {
          setCreated((ids) => [...ids, row.accountId]);
          void message.success({
            content: (
              <span data-testid="propensity-task-created">
                {t('propensity.churn.task.done', { name: row.name })}{' '}
                <a onClick={() => navigate(`/accounts/${row.accountId}?tab=activities`)}>{t('propensity.churn.task.open')}</a>
              </span>
            ),
            duration: 6,
          });
        },
        onError: notifyError,
        onSettled: () => setCreating(null),
      },
    );
  };

  const toolbar = (
    <Flex wrap gap={12} align="center" className="toolbar">
      <Select<number>
        value={filters.minProbability ?? 0}
        onChange={(minProbability) => setFilters((f) => ({ ...f, page: 1, minProbability }))}
        options={thresholds.map((v) => ({ value: v, label: v === 0 ? t('propensity.churn.anyRisk') : t('propensity.churn.minRisk', { value: format.percent(v) }) }))}
        style={{ width: 200 }}
        aria-label={t('propensity.churn.minRiskLabel')}
        data-testid="propensity-churn-min"
      />
      {seesAll ? <OwnerFilter value={filters.ownerId} onChange={(ownerId) => setFilters((f) => ({ ...f, page: 1, ownerId }))} testId="propensity-churn-owner" /> : null}
      {churnModel ? (
        <Link to="/propensity?target=churn" className="toolbar-link" data-testid="propensity-churn-model">
          {t('propensity.churn.aboutModel', { auc: format.fixed(churnModel.candidates.find((c) => c.name === churnModel.chosen)?.auc, 2) })}
        </Link>
      ) : null}
    </Flex>
  );

  const offset = (filters.page - 1) * filters.pageSize;
  return (
    <RankedAccountsPage<ChurnItem>
      title={t('propensity.churn.title')}
      titleTestId="propensity-churn-title"
      testId="propensity-churn"
      list={list}
      paging={filters}
      onPaging={(paging) => setFilters((f) => ({ ...f, ...paging }))}
      refresh={refresh}
      empty={<PropensityEmpty canRun={refresh.canRun} busy={refresh.busy} onRun={() => refresh.run(null)} />}
      help={t(seesAll ? 'propensity.churn.help' : 'propensity.churn.helpOwn', { days: horizon })}
      toolbar={toolbar}
      emptyText={t('propensity.churn.empty')}
      columns={[
        { key: 'rank', title: '#', width: 48, render: (_v, _row, index) => <b>{offset + index + 1}</b> },
        {
          key: 'account',
          dataIndex: 'name',
          title: t('propensity.churn.account'),
          width: 236,
          render: (name: string, row) => (
            <Flex vertical gap={2} style={{ minWidth: 0 }} align="flex-start">
              <Link to={`/accounts/${row.accountId}?tab=propensity`} className="ellipsis-link" title={name} data-testid="propensity-churn-account">
                {name}
              </Link>
              <Flex gap={6} align="center" style={{ minWidth: 0, maxWidth: '100%' }}>
                {row.segment ? <EnumTag name="rfmSegment" value={row.segment} /> : null}
                {row.recencyDays !== null ? (
                  <Typography.Text type="secondary" className="value-stat-note" ellipsis>
                    {t('propensity.churn.lastPurchase', { count: row.recencyDays, days: format.number(row.recencyDays) })}
                  </Typography.Text>
                ) : null}
              </Flex>
              <Typography.Text type="secondary" className="value-stat-note" ellipsis data-testid="propensity-churn-last-contact">
                {row.lastContactAt ? (
                  <Tooltip title={format.dateTime(row.lastContactAt)}>
                    <span>{t('propensity.churn.lastContact', { date: format.date(row.lastContactAt) })}</span>
                  </Tooltip>
                ) : (
                  t('propensity.churn.neverContacted')
                )}
              </Typography.Text>
            </Flex>
          ),
        },
        ...ownerColumn,
        {
          key: 'probability',
          dataIndex: 'corrected',
          title: (
            <Tooltip title={t('propensity.churn.probabilityHint', { days: horizon })}>
              <span className="dotted-hint">{t('propensity.churn.probability')}</span>
            </Tooltip>
          ),
          width: 128,
          render: (v: number, row) => (
            <Tooltip title={t('propensity.churn.rawTooltip', { raw: format.percent(row.probability), corrected: format.percent(v) })}>
              <div data-testid="propensity-churn-probability">
                <Progress percent={Math.round(v * 1000) / 10} size="small" strokeColor={riskColor(v)} format={(p) => `${p}%`} />
              </div>
            </Tooltip>
          ),
        },
        {
          key: 'atRisk',
          title: (
            <Tooltip title={t('propensity.churn.atRiskHint')}>
              <span className="dotted-hint">{t('propensity.churn.atRisk')}</span>
            </Tooltip>
          ),
          width: 124,
          align: 'right',
          render: (_v: unknown, row) =>
            row.predictedClv === null ? (
              '—'
            ) : (
              <Tooltip title={t('propensity.churn.atRiskRow', { clv: format.money(row.predictedClv), p: format.percent(row.corrected) })}>
                <b data-testid="propensity-churn-at-risk">{format.money(row.corrected * row.predictedClv)}</b>
              </Tooltip>
            ),
        },
        {
          key: 'reasons',
          dataIndex: 'factors',
          title: t('propensity.churn.reasons'),
          render: (factors: ChurnItem['factors']) => <FactorList factors={factors} churn testId="propensity-churn-reasons" compact />,
        },
        ...(canTask
          ? [
              {
                key: 'task',
                title: '',
                width: language === 'zh-CN' ? 164 : 204,
                render: (_v: unknown, row: ChurnItem) =>
                  created.includes(row.accountId) ? (
                    <Link to={`/accounts/${row.accountId}?tab=activities`} data-testid="propensity-churn-task-done">
                      <Button size="small" type="text" icon={<CheckOutlined />} className="task-done-button">
                        {t('propensity.churn.task.created')}
                      </Button>
                    </Link>
                  ) : (
                    <Space.Compact size="small">
                      <Button
                        size="small"
                        icon={<ScheduleOutlined />}
                        loading={creating === row.accountId}
                        disabled={creating !== null && creating !== row.accountId}
                        onClick={() => createNow(row)}
                        data-testid="propensity-churn-task"
                      >
                        {t('propensity.churn.task.create')}
                      </Button>
                      <Tooltip title={t('propensity.churn.task.withNotes')}>
                        <Button
                          size="small"
                          icon={<EditOutlined />}
                          aria-label={t('propensity.churn.task.withNotes')}
                          disabled={creating !== null}
                          onClick={() => setNoting(row)}
                          data-testid="propensity-churn-task-notes"
                        />
                      </Tooltip>
                    </Space.Compact>
                  ),
              },
            ]
          : []),
      ]}
    >
      <RetentionTaskModal item={noting} onClose={() => setNoting(null)} onCreated={(id) => setCreated((ids) => [...ids, id])} />
    </RankedAccountsPage>
  );
}

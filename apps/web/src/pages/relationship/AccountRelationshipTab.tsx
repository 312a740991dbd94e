import { useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Flex, Input, Progress, Row, Segmented, Skeleton, Table, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  relationshipClasses,
  useAccountRelationship,
  useLabelAccount,
  type AccountRelationship,
  type RelationshipClass,
  type RelationshipFactor,
} from '../../api/relationship';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { useFormatters } from '../../components/format/useFormatters';
import { useLocalizedText } from '../../components/format/useLocalizedText';
import { Chart, chartColors } from '../analytics/Chart';
import { escapeHtml, truncateLabel } from '../segments/shared';
import { ClassTag, StageTag, classColors, useFactorFormat, useRelationshipRoles } from './shared';
import { isoTime } from './time';

/** The account's relationship value: class and probabilities, the nine factors and their contributions, its history and label. */
export function AccountRelationshipTab({ accountId }: { accountId: number }) {
  const { t } = useTranslation();
  const data = useAccountRelationship(accountId);
  if (data.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (data.isError) return <ErrorResult error={data.error} onRetry={() => void data.refetch()} />;
  if (!data.data.latest) {
    return (
      <Flex vertical gap={16} data-testid="account-relationship-empty">
        {data.data.exitCase ? <CaseBanner exitCase={data.data.exitCase} /> : null}
        <Empty
          description={
            <Flex vertical gap={4} align="center">
              <Typography.Text strong>{t('relationship.account.empty')}</Typography.Text>
              <Typography.Text type="secondary" style={{ maxWidth: 560 }}>
                {data.data.history.length === 0 ? t('relationship.account.emptyHint') : t('relationship.account.notScored')}
              </Typography.Text>
            </Flex>
          }
        />
        <LabelCard accountId={accountId} data={data.data} />
      </Flex>
    );
  }
  return <Panel accountId={accountId} data={data.data} />;
}

function CaseBanner({ exitCase }: { exitCase: NonNullable<AccountRelationship['exitCase']> }) {
  const { t } = useTranslation();
  return (
    <Alert
      type={exitCase.stage === 'won_back' || exitCase.stage === 'dismissed' ? 'info' : 'warning'}
      showIcon
      data-testid="account-relationship-case"
      title={
        <Flex align="center" gap={8} wrap>
          <span>{t('relationship.account.exitCase')}</span>
          <StageTag stage={exitCase.stage} />
        </Flex>
      }
      action={
        <Link to={`/exits/${exitCase.id}`} data-testid="account-relationship-case-link">
          <Button size="small">{t('relationship.account.openCase')}</Button>
        </Link>
      }
    />
  );
}

function Panel({ accountId, data }: { accountId: number; data: AccountRelationship }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const latest = data.latest!;

  return (
    <Flex vertical gap={16} data-testid="account-relationship">
      <Typography.Text type="secondary">{t('relationship.common.asOf', { date: format.date(latest.asOf) })}</Typography.Text>
      {data.exitCase ? <CaseBanner exitCase={data.exitCase} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16} style={{ height: '100%' }}>
            <Card size="small" title={t('relationship.account.class')} data-testid="account-relationship-class">
              <Flex align="center" justify="space-between" gap={8} style={{ marginBottom: 8 }}>
                <ClassTag value={latest.class} long testId="account-relationship-class-tag" />
                <Typography.Text>
                  {t('relationship.account.score')}: <b>{format.fixed(latest.ahpScore, 3)}</b>
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('relationship.account.probabilities')}
              </Typography.Text>
              {relationshipClasses.map((c, i) => (
                <Flex key={c} align="center" gap={8}>
                  <span style={{ width: 40, flex: '0 0 40px' }}>{t(`relationship.classes.${c}`)}</span>
                  <Progress
                    percent={Math.round((latest.probabilities[i] ?? 0) * 1000) / 10}
                    strokeColor={classColors[c]}
                    size="small"
                    format={(p) => `${p}%`}
                    status="normal"
                    style={{ margin: 0, flex: 1 }}
                  />
                </Flex>
              ))}
            </Card>
            <LabelCard accountId={accountId} data={data} />
          </Flex>
        </Col>
        <Col xs={24} xl={16}>
          <ContributionsCard data={data} />
        </Col>
        <Col span={24}>
          <HistoryCard data={data} />
        </Col>
      </Row>
    </Flex>
  );
}

function ContributionsCard({ data }: { data: AccountRelationship }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const localized = useLocalizedText();
  const formatValue = useFactorFormat();
  const latest = data.latest!;
  const rows = data.factors.map((factor, i) => ({ factor, value: latest.factors[i], contribution: latest.contributions[i] ?? 0 }));
  // the chart lists the factors top to bottom in their order
  const ordered = [...rows].reverse();
  const max = Math.max(1e-9, ...rows.map((r) => Math.abs(r.contribution)));
  const option = {
    animation: false,
    grid: { left: 8, right: 56, top: 8, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      extraCssText: 'max-width: 360px; white-space: normal;',
      formatter: (p: { dataIndex: number }) => {
        const r = ordered[p.dataIndex];
        return `<b>${escapeHtml(localized(r.factor.label))}</b><br/>${escapeHtml(t('relationship.account.value'))}: ${escapeHtml(formatValue(r.value, r.factor.unit))}<br/>${escapeHtml(t('relationship.account.contribution'))}: <b>${format.fixed(r.contribution, 3)}</b><br/><span style="color:#8c8c8c">${escapeHtml(localized(r.factor.definition))}</span>`;
      },
    },
    xAxis: { type: 'value', min: -max * 1.1, max: max * 1.1, axisLabel: { formatter: (v: number) => format.fixed(v, 2), fontSize: 10 }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    yAxis: {
      type: 'category',
      data: ordered.map((r) => truncateLabel(localized(r.factor.label), 26)),
      axisTick: { show: false },
      axisLine: { show: false },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        data: ordered.map((r) => ({ value: r.contribution, itemStyle: { color: r.contribution >= 0 ? chartColors.blue : chartColors.orange } })),
        label: { show: true, position: 'right', formatter: (p: { value: number }) => format.fixed(p.value, 3), fontSize: 10, color: '#595959' },
        markLine: { silent: true, symbol: 'none', data: [{ xAxis: 0 }], lineStyle: { color: '#8c8c8c', type: 'solid' }, label: { show: false } },
      },
    ],
  };
  return (
    <Card size="small" title={t('relationship.account.factors')} className="value-card" data-testid="account-relationship-factors">
      <Typography.Paragraph type="secondary" className="panel-help" data-testid="account-relationship-measure">
        {localized(data.measure) || t('relationship.account.factorsHelp')}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} lg={11}>
          <Table<{ factor: RelationshipFactor; value: number | null; contribution: number }>
            rowKey={(r) => r.factor.key}
            size="small"
            pagination={false}
            tableLayout="fixed"
            dataSource={rows}
            columns={[
              {
                key: 'factor',
                title: t('relationship.page.factors.factor'),
                render: (_v, r) => (
                  <Flex align="center" gap={4} style={{ minWidth: 0 }} data-testid={`account-relationship-factor-${r.factor.key}`}>
                    <Typography.Text ellipsis={{ tooltip: localized(r.factor.label) }} style={{ minWidth: 0 }}>
                      {localized(r.factor.label)}
                    </Typography.Text>
                    <Tooltip title={localized(r.factor.definition)}>
                      <QuestionCircleOutlined className="hint-icon" data-testid="account-relationship-definition" />
                    </Tooltip>
                  </Flex>
                ),
              },
              { key: 'value', title: t('relationship.account.value'), width: 96, align: 'right', render: (_v, r) => formatValue(r.value, r.factor.unit) },
            ]}
          />
        </Col>
        <Col xs={24} lg={13}>
          <Chart option={option} height={330} testId="account-relationship-chart" />
        </Col>
      </Row>
    </Card>
  );
}

function HistoryCard({ data }: { data: AccountRelationship }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const history = data.history;
  const option = {
    grid: { left: 44, right: 24, top: 16, bottom: 28 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const h = history[params[0]?.dataIndex ?? 0];
        return h ? `<b>${escapeHtml(format.date(h.asOf))}</b><br/>${escapeHtml(t('relationship.account.score'))}: <b>${format.fixed(h.ahpScore, 3)}</b> · ${escapeHtml(t(`relationship.classes.${h.class}`))}` : '';
      },
    },
    xAxis: { type: 'category', data: history.map((h) => format.date(h.asOf)) },
    yAxis: { type: 'value', min: 0, max: 1 },
    series: [
      {
        type: 'line',
        symbolSize: 10,
        lineStyle: { color: chartColors.blue },
        data: history.map((h) => ({ value: h.ahpScore, itemStyle: { color: classColors[h.class] } })),
      },
    ],
  };
  return (
    <Card size="small" title={t('relationship.account.scoreHistory')} data-testid="account-relationship-history">
      <Chart option={option} height={200} />
    </Card>
  );
}

function LabelCard({ accountId, data }: { accountId: number; data: AccountRelationship }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const roles = useRelationshipRoles();
  const label = useLabelAccount(accountId);
  const [value, setValue] = useState<RelationshipClass | null>(null);
  const [note, setNote] = useState('');
  const current = data.label;

  const save = () => {
    if (!value) return;
    label.mutate(
      { label: value, note: note.trim() || undefined },
      {
        onSuccess: () => {
          void message.success(t('relationship.account.labelSaved'));
          setValue(null);
          setNote('');
        },
        onError: notifyError,
      },
    );
  };

  return (
    <Card size="small" title={t('relationship.account.label')} data-testid="account-relationship-label" style={{ flex: 1 }}>
      {current ? (
        <Flex vertical gap={2} style={{ marginBottom: roles.mayEdit ? 12 : 0 }}>
          <Flex align="center" gap={8} wrap>
            <ClassTag value={current.label} long testId="account-relationship-label-tag" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`relationship.account.labelSources.${current.source}`)}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('relationship.account.labelBy', {
              name: current.decidedBy ?? '—',
              label: t(`relationship.classes.${current.label}`),
              date: format.date(isoTime(current.decidedAt)),
            })}
          </Typography.Text>
          {current.note ? <Typography.Paragraph className="exit-log-text">{current.note}</Typography.Paragraph> : null}
        </Flex>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginBottom: roles.mayEdit ? 12 : 0 }}>
          {t('relationship.account.noLabel')}
        </Typography.Paragraph>
      )}
      {roles.mayEdit ? (
        <Flex vertical gap={8}>
          <Typography.Text strong style={{ fontSize: 13 }}>
            {t('relationship.account.setLabel')}
          </Typography.Text>
          <Segmented<RelationshipClass>
            block
            value={value ?? (undefined as unknown as RelationshipClass)}
            onChange={setValue}
            options={relationshipClasses.map((c) => ({ value: c, label: t(`relationship.classes.${c}`) }))}
            data-testid="account-relationship-label-choice"
          />
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} placeholder={t('relationship.account.labelNote')} />
          <Flex justify="flex-end">
            <Button type="primary" disabled={!value} loading={label.isPending} onClick={save} data-testid="account-relationship-label-save">
              {t('relationship.account.saveLabel')}
            </Button>
          </Flex>
        </Flex>
      ) : null}
    </Card>
  );
}

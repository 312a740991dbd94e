import { useState } from 'react';
import { Button, Flex, InputNumber, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCanWrite } from '../../api/access';
import { priorityCsvUrl, usePriorityList, type PriorityFilters, type PriorityItem } from '../../api/segments';
import { useFormatters } from '../../components/format/useFormatters';
import { useLocalizedText } from '../../components/format/useLocalizedText';
import { useLanguage } from '../../i18n/useLanguage';
import { LogCallModal } from './LogCallModal';
import { OwnerFilter, RankedAccountsPage, useOwnerColumn, useSeesAllOwners } from './RankedAccountsPage';
import { ModelEmpty, ModelForbidden, useMaySeeModel } from './shared';
import { useModelRefresh } from './useModelRefresh';

/** Whom to call first: the customers whose offers are worth most, weighted by the chance they are still active. */
export default function PriorityPage() {
  const { t } = useTranslation();
  const allowed = useMaySeeModel();
  if (allowed === false) return <ModelForbidden title={t('segments.priority.title')} />;
  return <Content />;
}

function Content() {
  const { t } = useTranslation();
  const format = useFormatters();
  const localized = useLocalizedText();
  const [language] = useLanguage();
  const seesAll = useSeesAllOwners();
  const canCall = useCanWrite('activities');
  const refresh = useModelRefresh();
  const [filters, setFilters] = useState<PriorityFilters>({ page: 1, pageSize: 20, quietDays: 14 });
  const [quietInput, setQuietInput] = useState<number | null>(14);
  const list = usePriorityList(filters);
  const [calling, setCalling] = useState<PriorityItem | null>(null);
  const run = list.data?.run ?? null;
  const ownerColumn = useOwnerColumn<PriorityItem>();

  const setQuietDays = (value: number | null) => {
    setQuietInput(value);
    if (value !== null && value >= 0 && value <= 365) setFilters((f) => ({ ...f, page: 1, quietDays: value }));
  };

  const toolbar = (
    <Flex wrap gap={12} align="center" justify="space-between" className="toolbar">
      <Flex wrap gap={12} align="center">
        <InputNumber
          value={quietInput}
          onChange={setQuietDays}
          min={0}
          max={365}
          precision={0}
          prefix={t('segments.priority.quietDays')}
          suffix={t('segments.priority.days')}
          style={{ width: 250 }}
          data-testid="segments-priority-quiet"
        />
        {seesAll ? <OwnerFilter value={filters.ownerId} onChange={(ownerId) => setFilters((f) => ({ ...f, page: 1, ownerId }))} testId="segments-priority-owner" /> : null}
      </Flex>
      <Button
        icon={<DownloadOutlined />}
        href={priorityCsvUrl(filters, language === 'zh-CN' ? 'zh' : 'en')}
        download="priority.csv"
        disabled={!run || !list.data?.total}
        data-testid="segments-priority-export"
      >
        {t('segments.priority.export')}
      </Button>
    </Flex>
  );

  return (
    <RankedAccountsPage<PriorityItem>
      title={t('segments.priority.title')}
      titleTestId="segments-priority-title"
      testId="segments-priority"
      list={list}
      paging={filters}
      onPaging={(paging) => setFilters((f) => ({ ...f, ...paging }))}
      refresh={refresh}
      empty={<ModelEmpty canRun={refresh.canRun} busy={refresh.busy} onRun={() => refresh.run(null)} />}
      help={seesAll ? t('segments.priority.help') : t('segments.priority.helpOwn')}
      toolbar={toolbar}
      emptyText={filters.quietDays > 0 ? t('segments.priority.emptyQuiet', { days: filters.quietDays }) : t('segments.priority.empty')}
      columns={[
        { key: 'rank', dataIndex: 'rank', title: '#', width: 52, render: (v: number) => <b>{v}</b> },
        {
          key: 'account',
          dataIndex: 'name',
          title: t('segments.priority.account'),
          width: 200,
          render: (name: string, row) => (
            <Flex vertical style={{ minWidth: 0 }}>
              <Link to={`/accounts/${row.accountId}?tab=segments`} className="ellipsis-link" title={name} data-testid="segments-priority-account">
                {name}
              </Link>
              {row.phone ? (
                <Typography.Text type="secondary" className="value-stat-note" ellipsis>
                  {row.phone}
                </Typography.Text>
              ) : null}
            </Flex>
          ),
        },
        ...ownerColumn,
        {
          key: 'contactValue',
          dataIndex: 'contactValue',
          title: (
            <Tooltip title={t('segments.priority.contactValueHint')}>
              <span className="dotted-hint">{t('segments.priority.contactValue')}</span>
            </Tooltip>
          ),
          width: 120,
          align: 'right',
          render: (v: number, row) => (
            <Tooltip title={t('segments.priority.contactValueRow', { offer: format.money(row.offerValue), alive: format.percent(row.pAlive) })}>
              <b>{format.money(v)}</b>
            </Tooltip>
          ),
        },
        { key: 'pAlive', dataIndex: 'pAlive', title: t('segments.priority.pAlive'), width: 86, align: 'right', render: (v: number) => format.percent(v) },
        {
          key: 'offer',
          dataIndex: 'topProductName',
          title: t('segments.priority.topOffer'),
          render: (name: string, row) => {
            const reason = localized(row.topReason?.text);
            return (
              <Flex vertical style={{ minWidth: 0 }}>
                <Flex align="baseline" gap={8} style={{ minWidth: 0 }}>
                  <Typography.Text strong ellipsis={{ tooltip: name }} style={{ minWidth: 0 }} data-testid="segments-priority-offer">
                    {name}
                  </Typography.Text>
                  <Tooltip title={t('segments.priority.probability', { value: format.percent(row.topProbability) })}>
                    <Tag color="blue" className="probability-tag">
                      {format.percent(row.topProbability)}
                    </Tag>
                  </Tooltip>
                </Flex>
                {reason ? (
                  <Typography.Paragraph type="secondary" className="reason-text" ellipsis={{ rows: 2, tooltip: reason }} data-testid="segments-priority-reason">
                    {reason}
                  </Typography.Paragraph>
                ) : null}
              </Flex>
            );
          },
        },
        {
          key: 'lastContact',
          dataIndex: 'lastContactAt',
          title: t('segments.priority.lastContact'),
          width: 104,
          render: (v: string | null) =>
            v ? (
              <Tooltip title={format.dateTime(v)}>
                <span>{format.date(v)}</span>
              </Tooltip>
            ) : (
              <Typography.Text type="secondary">{t('segments.priority.never')}</Typography.Text>
            ),
        },
        ...(canCall
          ? [
              {
                key: 'call',
                title: '',
                width: language === 'zh-CN' ? 112 : 118,
                render: (_v: unknown, row: PriorityItem) => (
                  <Button size="small" icon={<PhoneOutlined />} onClick={() => setCalling(row)} data-testid="segments-priority-call">
                    {t('segments.priority.logCall')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    >
      <LogCallModal item={calling} quietDays={filters.quietDays} onClose={() => setCalling(null)} />
    </RankedAccountsPage>
  );
}

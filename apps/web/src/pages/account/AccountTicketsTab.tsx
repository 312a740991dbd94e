import { useState } from 'react';
import { Button, Col, Empty, Flex, Row, Statistic, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAccountTicketTotals, useCanWriteTickets, useTickets, type Ticket } from '../../api/tickets';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useFormatters } from '../../components/format/useFormatters';
import { TicketFormDrawer } from '../tickets/TicketFormDrawer';
import { useDuration } from '../tickets/serviceEnums';
import { useTicketColumns } from '../tickets/useTicketColumns';

interface Props {
  accountId: number;
  accountName?: string;
  /** A deleted account (the recycle bin) takes no new tickets. */
  live?: boolean;
}

/** The account's service tickets, newest first, with the totals of time and cost they took. */
export function AccountTicketsTab({ accountId, accountName, live = true }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const duration = useDuration();
  const canAdd = useCanWriteTickets() && live;
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const tickets = useTickets({ accountId, ...page, sort: 'openedAt', order: 'desc' });
  const totals = useAccountTicketTotals(accountId);
  const [editing, setEditing] = useState<Ticket | 'new' | null>(null);
  const columns = useTicketColumns({ showAccount: false, onOpen: setEditing });

  if (tickets.isError) return <ErrorResult error={tickets.error} onRetry={() => void tickets.refetch()} />;
  const sum = totals.data;
  return (
    <Flex vertical gap={16} data-testid="account-tickets">
      <Flex justify="space-between" align="center" gap={16} wrap>
        {/* No row of zeros above an empty list: the empty list says what belongs there. */}
        <Row gutter={[32, 8]} style={{ flex: 1, minWidth: 0, visibility: sum?.count === 0 ? 'hidden' : undefined }} data-testid="account-ticket-totals">
          <Col>
            <Statistic title={t('service.account.count')} value={sum?.count ?? '—'} loading={totals.isPending} />
          </Col>
          <Col>
            <Statistic title={t('service.account.open')} value={sum?.open ?? '—'} loading={totals.isPending} />
          </Col>
          <Col>
            <Statistic
              title={t('service.account.time')}
              value={sum ? duration(sum.minutes) : '—'}
              loading={totals.isPending}
              valueRender={() => <span data-testid="account-ticket-minutes" data-minutes={sum?.minutes}>{sum ? duration(sum.minutes) : '—'}</span>}
            />
          </Col>
          <Col>
            <Statistic
              title={t('service.account.cost')}
              value={sum ? format.money(sum.cost) : '—'}
              loading={totals.isPending}
              valueRender={() => <span data-testid="account-ticket-cost" data-cost={sum?.cost}>{sum ? format.money(sum.cost) : '—'}</span>}
            />
          </Col>
        </Row>
        {canAdd ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="ticket-new">
            {t('service.tickets.new')}
          </Button>
        ) : null}
      </Flex>
      <Table<Ticket>
          rowKey="id"
          size="middle"
          tableLayout="fixed"
          columns={columns}
          dataSource={tickets.data?.items}
          loading={tickets.isFetching}
          scroll={{ x: 960 }}
          locale={{
            emptyText: tickets.isPending ? (
              ' '
            ) : (
              <Empty
                description={
                  <Flex vertical gap={4} align="center">
                    <span>{t('service.account.empty')}</span>
                    <Typography.Text type="secondary" style={{ maxWidth: 520 }}>
                      {t('service.account.emptyHint')}
                    </Typography.Text>
                  </Flex>
                }
              />
            ),
          }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: tickets.data?.total ?? 0,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => setPage({ page: p, pageSize: size }),
          }}
          data-testid="account-tickets-table"
        />
      <TicketFormDrawer open={editing !== null} ticket={editing === 'new' ? null : editing} account={{ id: accountId, name: accountName }} onClose={() => setEditing(null)} />
    </Flex>
  );
}

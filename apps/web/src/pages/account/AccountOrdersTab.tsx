import { useState } from 'react';
import { Button, Empty, Flex, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCanWrite } from '../../api/access';
import { useOrders, type Order } from '../../api/orders';
import { EnumTag } from '../../components/enums/EnumTag';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useFormatters } from '../../components/format/useFormatters';
import { OrderCreateDrawer } from '../orders/OrderCreateDrawer';
import { OrderLinesTable } from '../orders/OrderLinesTable';

interface Props {
  accountId: number;
  /** Presets the account of a new order. */
  accountName?: string;
  /** A deleted account (the recycle bin) takes no new orders. */
  live?: boolean;
}

/** The account's orders, newest first; a row expands to its order lines. "New order" books one for the account. */
export function AccountOrdersTab({ accountId, accountName, live = true }: Props) {
  const { t } = useTranslation();
  const canAdd = useCanWrite('orders') && live;
  const [creating, setCreating] = useState(false);
  const format = useFormatters();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const orders = useOrders({ accountId, ...page, sort: 'orderedAt', order: 'desc' });

  const columns: ColumnsType<Order> = [
    {
      key: 'orderNo',
      dataIndex: 'orderNo',
      title: t('fields.order.orderNo'),
      width: 180,
      ellipsis: true,
      render: (orderNo: string, order) => <Link to={`/orders/${order.id}`}>{orderNo}</Link>,
    },
    { key: 'orderedAt', dataIndex: 'orderedAt', title: t('fields.order.orderedAt'), width: 150, render: (v: string) => format.dateTime(v) },
    { key: 'status', dataIndex: 'status', title: t('fields.order.status'), width: 110, render: (v: string) => <EnumTag name="orderStatus" value={v} /> },
    { key: 'channel', dataIndex: 'channel', title: t('fields.order.channel'), width: 120, ellipsis: true, render: (v: string | null) => v || '—' },
    {
      key: 'totalAmount',
      dataIndex: 'totalAmount',
      title: t('fields.order.total'),
      width: 150,
      align: 'right',
      render: (v: number, order) => format.money(v, order.currency),
    },
  ];

  if (orders.isError) return <ErrorResult error={orders.error} onRetry={() => void orders.refetch()} />;
  return (
    <>
      {canAdd ? (
        <Flex justify="end" className="toolbar">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="order-new">
            {t('orders.new')}
          </Button>
        </Flex>
      ) : null}
      <Table<Order>
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        columns={columns}
        dataSource={orders.data?.items}
        loading={orders.isFetching}
        expandable={{ expandedRowRender: (order) => <OrderLinesTable orderId={order.id} currency={order.currency} /> }}
        locale={{ emptyText: orders.isPending ? ' ' : <Empty description={t('account.noOrders')} /> }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: orders.data?.total ?? 0,
          hideOnSinglePage: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, size) => setPage({ page: p, pageSize: size }),
        }}
      />
      {canAdd ? <OrderCreateDrawer open={creating} accountId={accountId} accountName={accountName} onClose={() => setCreating(false)} /> : null}
    </>
  );
}

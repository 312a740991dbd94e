import { useState } from 'react';
import { Button, Flex, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCanWrite } from '../../api/access';
import { orderStatuses } from '../../api/enums';
import { ordersApi, useOrders, type Order } from '../../api/orders';
import { AccountLink } from '../../components/AccountLink';
import { EnumTag } from '../../components/enums/EnumTag';
import { useEnumOptions } from '../../components/enums/useEnumOptions';
import { useFormatters } from '../../components/format/useFormatters';
import { PageHeader } from '../../components/layout/PageHeader';
import { RecycleBinHint, RecycleBinSwitch } from '../../components/table/RecycleBinSwitch';
import { ServerTable } from '../../components/table/ServerTable';
import { useListParams } from '../../components/table/useListParams';
import { useRecordActionColumns } from '../../components/table/useRecordActionColumns';
import { recycleBinParam, useRecycleBin } from '../../components/table/useRecycleBin';
import { OrderCreateDrawer } from './OrderCreateDrawer';
import { OrderLinesTable } from './OrderLinesTable';

const filterNames = ['accountId', 'status', recycleBinParam] as const;

export default function OrdersPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const list = useListParams(filterNames, { sort: 'orderedAt', order: 'desc' });
  const bin = useRecycleBin(list);
  const orders = useOrders(bin.params);
  const actions = useRecordActionColumns<Order>({ resource: ordersApi, area: 'orders', inBin: bin.active, nameOf: (o) => o.orderNo, fixed: true });
  const statusOptions = useEnumOptions('orderStatus', orderStatuses);
  const canWrite = useCanWrite('orders');
  const [creating, setCreating] = useState(false);

  const columns: ColumnsType<Order> = [
    {
      key: 'orderNo',
      dataIndex: 'orderNo',
      title: t('fields.order.orderNo'),
      width: 180,
      ellipsis: true,
      sorter: true,
      sortOrder: list.sortOrderOf('orderNo'),
      render: (orderNo: string, order) => <Link to={`/orders/${order.id}`}>{orderNo}</Link>,
    },
    {
      key: 'account',
      title: t('fields.order.account'),
      ellipsis: true,
      render: (_v, order) => <AccountLink id={order.accountId} name={order.accountName} />,
    },
    {
      key: 'orderedAt',
      dataIndex: 'orderedAt',
      title: t('fields.order.orderedAt'),
      width: 160,
      sorter: true,
      sortOrder: list.sortOrderOf('orderedAt'),
      render: (v: string) => format.dateTime(v),
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('fields.order.status'),
      width: 110,
      sorter: true,
      sortOrder: list.sortOrderOf('status'),
      render: (v: string) => <EnumTag name="orderStatus" value={v} />,
    },
    {
      key: 'totalAmount',
      dataIndex: 'totalAmount',
      title: t('fields.order.total'),
      width: 160,
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrderOf('totalAmount'),
      render: (v: number, order) => format.money(v, order.currency),
    },
    ...actions,
  ];

  return (
    <>
      <PageHeader
        title={t('orders.title')}
        extra={
          bin.allowed || canWrite ? (
            <>
              <RecycleBinSwitch bin={bin} />
              {canWrite ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="order-new">
                  {t('orders.new')}
                </Button>
              ) : null}
            </>
          ) : undefined
        }
      />
      <Flex gap={12} wrap className="toolbar">
        <Input.Search
          key={list.params.q ?? ''}
          allowClear
          placeholder={t('orders.searchPlaceholder')}
          defaultValue={list.params.q}
          onSearch={(q) => list.update({ q })}
          style={{ width: 280 }}
        />
        <Select
          allowClear
          placeholder={t('fields.order.status')}
          options={statusOptions}
          value={list.params.status as string | undefined}
          onChange={(value?: string) => list.update({ status: value })}
          style={{ width: 160 }}
        />
      </Flex>
      <RecycleBinHint bin={bin} />
      <ServerTable<Order>
        query={orders}
        list={list}
        columns={columns}
        emptyText={bin.active ? t('recycleBin.empty') : t('orders.empty')}
        expandable={{ expandedRowRender: (order) => <OrderLinesTable orderId={order.id} currency={order.currency} /> }}
      />
      {canWrite ? <OrderCreateDrawer open={creating} onClose={() => setCreating(false)} /> : null}
    </>
  );
}

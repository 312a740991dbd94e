import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Skeleton, Statistic } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useCanWrite } from '../../api/access';
import { ordersApi, useOrder } from '../../api/orders';
import { AccountLink } from '../../components/AccountLink';
import { EnumTag } from '../../components/enums/EnumTag';
import { DeletedBanner } from '../../components/feedback/DeletedBanner';
import { QueryState } from '../../components/feedback/QueryState';
import { NotFoundPage } from '../NotFoundPage';
import { useFormatters } from '../../components/format/useFormatters';
import { PageHeader } from '../../components/layout/PageHeader';
import { OrderEditDrawer } from './OrderEditDrawer';
import { OrderLinesTable } from './OrderLinesTable';

/** One order: header facts (editable by those who may change orders), total and margin, and its lines. */
export default function OrderPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = Number(useParams().id);
  const order = useOrder(id);
  const canWrite = useCanWrite('orders');
  const [editing, setEditing] = useState(false);

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return (
    <QueryState query={order} loading={<Skeleton active paragraph={{ rows: 8 }} />}>
      {(data) => {
        const lines = data.lines ?? [];
        const costKnown = lines.length > 0 && lines.every((line) => line.unitCost !== null);
        const margin = costKnown ? lines.reduce((sum, line) => sum + line.quantity * (line.unitPrice - (line.unitCost ?? 0)), 0) : null;
        return (
          <Flex vertical gap={16}>
            <PageHeader
              title={t('orders.detailTitle', { orderNo: data.orderNo })}
              testId="order-title"
              extra={
                // A deleted order (only an admin can open one) is restored first, not edited.
                canWrite && !data.deletedAt ? (
                  <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="order-edit">
                    {t('orders.edit')}
                  </Button>
                ) : undefined
              }
            />
            <DeletedBanner resource={ordersApi} id={data.id} name={data.orderNo} deletedAt={data.deletedAt} />
            <Card>
              <Flex gap={48} wrap style={{ marginBottom: 16 }}>
                <Statistic title={t('fields.order.total')} value={format.money(data.totalAmount, data.currency)} />
                {margin !== null ? <Statistic title={t('orders.margin')} value={format.money(margin, data.currency)} /> : null}
              </Flex>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2, xl: 3 }}
                items={[
                  { key: 'account', label: t('fields.order.account'), children: <AccountLink id={data.accountId} name={data.accountName} /> },
                  { key: 'orderedAt', label: t('fields.order.orderedAt'), children: format.dateTime(data.orderedAt) },
                  {
                    key: 'status',
                    label: t('fields.order.status'),
                    children: (
                      <span data-testid="order-status">
                        <EnumTag name="orderStatus" value={data.status} />
                      </span>
                    ),
                  },
                  { key: 'currency', label: t('fields.order.currency'), children: data.currency },
                  { key: 'channel', label: t('fields.order.channel'), children: data.channel || '—' },
                  { key: 'notes', label: t('fields.order.notes'), children: data.notes || '—' },
                ]}
              />
            </Card>
            <Card title={t('fields.order.lines')} styles={{ body: { padding: 0 } }}>
              <OrderLinesTable orderId={data.id} currency={data.currency} />
            </Card>
            {canWrite && !data.deletedAt ? <OrderEditDrawer order={data} open={editing} onClose={() => setEditing(false)} /> : null}
          </Flex>
        );
      }}
    </QueryState>
  );
}

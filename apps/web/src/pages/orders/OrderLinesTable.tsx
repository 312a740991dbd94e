import { Empty, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useOrder, type OrderLine } from '../../api/orders';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useFormatters } from '../../components/format/useFormatters';

/** The lines of one order (loaded on demand, e.g. when a row is expanded). Negative quantities are returns. */
export function OrderLinesTable({ orderId, currency }: { orderId: number; currency?: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const order = useOrder(orderId);
  const code = currency ?? order.data?.currency;

  const columns: ColumnsType<OrderLine> = [
    { key: 'lineNo', dataIndex: 'lineNo', title: t('fields.order.lineNo'), width: 64 },
    { key: 'sku', dataIndex: 'sku', title: t('fields.order.sku'), width: 130, ellipsis: true, render: (v: string | null) => v || '—' },
    {
      key: 'product',
      title: t('fields.order.product'),
      ellipsis: true,
      render: (_v, line) => line.productName || line.description || '—',
    },
    {
      key: 'quantity',
      dataIndex: 'quantity',
      title: t('fields.order.quantity'),
      width: 100,
      align: 'right',
      render: (v: number) => <Typography.Text type={v < 0 ? 'danger' : undefined}>{format.number(v)}</Typography.Text>,
    },
    { key: 'unitPrice', dataIndex: 'unitPrice', title: t('fields.order.unitPrice'), width: 140, align: 'right', render: (v: number) => format.money(v, code) },
    { key: 'unitCost', dataIndex: 'unitCost', title: t('fields.order.unitCost'), width: 130, align: 'right', render: (v: number | null) => format.money(v, code) },
    {
      key: 'amount',
      title: t('fields.order.amount'),
      width: 150,
      align: 'right',
      render: (_v, line) => format.money(line.quantity * line.unitPrice, code),
    },
  ];

  if (order.isError) return <ErrorResult error={order.error} onRetry={() => void order.refetch()} />;
  return (
    <Table<OrderLine>
      rowKey={(line) => line.id ?? line.lineNo}
      size="small"
      tableLayout="fixed"
      columns={columns}
      dataSource={order.data?.lines}
      loading={order.isFetching}
      pagination={false}
      locale={{ emptyText: order.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.noLines')} /> }}
      data-testid={`order-lines-${orderId}`}
    />
  );
}

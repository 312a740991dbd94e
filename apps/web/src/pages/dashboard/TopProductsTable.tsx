import { Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TopProduct } from '../../api/dashboard';
import { useFormatters } from '../../components/format/useFormatters';

export function TopProductsTable({ products }: { products: TopProduct[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Table<TopProduct>
      rowKey={(p) => `${p.productId}-${p.sku}`}
      dataSource={products}
      pagination={false}
      size="small"
      tableLayout="fixed"
      locale={{ emptyText: <Empty description={t('dashboard.noRevenue')} /> }}
      columns={[
        { key: 'rank', title: '#', width: 48, render: (_value, _p, index) => index + 1 },
        { dataIndex: 'sku', title: t('fields.product.sku'), width: 120, ellipsis: true },
        {
          dataIndex: 'name',
          title: t('fields.product.name'),
          ellipsis: { showTitle: true },
          render: (name: string, p) => <Link to={`/products?q=${encodeURIComponent(p.sku)}`}>{name}</Link>,
        },
        { dataIndex: 'quantity', title: t('dashboard.quantity'), width: 100, align: 'right', render: (v: number) => format.number(v) },
        { dataIndex: 'revenue', title: t('dashboard.revenue'), width: 140, align: 'right', render: (v: number) => format.money(v) },
      ]}
    />
  );
}

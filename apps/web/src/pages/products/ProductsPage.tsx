import { useState } from 'react';
import { useCanWrite } from '../../api/access';
import { Button, Flex, Input, Select, Tag } from 'antd';
import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { productsApi, useProductCategories, useProducts, type Product } from '../../api/products';
import { useEnumLabel } from '../../components/enums/EnumTag';
import { useFormatters } from '../../components/format/useFormatters';
import { PageHeader } from '../../components/layout/PageHeader';
import { RecycleBinHint, RecycleBinSwitch } from '../../components/table/RecycleBinSwitch';
import { ServerTable } from '../../components/table/ServerTable';
import { useListParams } from '../../components/table/useListParams';
import { useRecordActionColumns } from '../../components/table/useRecordActionColumns';
import { recycleBinParam, useRecycleBin } from '../../components/table/useRecycleBin';
import { ProductFormDrawer } from './ProductFormDrawer';
import { ProductSuggestionsPanel } from './ProductSuggestionsPanel';

const filterNames = ['category', recycleBinParam] as const;

export default function ProductsPage() {
  const canCreate = useCanWrite('products');
  const { t } = useTranslation();
  const format = useFormatters();
  const list = useListParams(filterNames);
  const bin = useRecycleBin(list);
  const products = useProducts(bin.params);
  const categories = useProductCategories();
  const label = useEnumLabel();
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const actions = useRecordActionColumns<Product>({ resource: productsApi, area: 'products', inBin: bin.active, nameOf: (p) => p.name, fixed: true });

  const sortable = (key: string) => ({ sorter: true, sortOrder: list.sortOrderOf(key) });
  const columns: ColumnsType<Product> = [
    { key: 'sku', dataIndex: 'sku', title: t('fields.product.sku'), width: 130, ellipsis: true, ...sortable('sku') },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('fields.product.name'),
      ellipsis: true,
      ...sortable('name'),
      // A deleted product is restored, not edited.
      render: (name: string, product) =>
        bin.active ? (
          <span title={name}>{name}</span>
        ) : (
          <a onClick={() => setEditing(product)} title={name}>
            {name}
          </a>
        ),
    },
    { key: 'category', dataIndex: 'category', title: t('fields.product.category'), width: 160, ellipsis: true, ...sortable('category'), render: (v: string | null) => (v ? label('productCategory', v) : '—') },
    { key: 'listPrice', dataIndex: 'listPrice', title: t('fields.product.listPrice'), width: 120, align: 'right', ...sortable('listPrice'), render: (v: number | null) => format.money(v) },
    { key: 'unitCost', dataIndex: 'unitCost', title: t('fields.product.unitCost'), width: 120, align: 'right', render: (v: number | null) => format.money(v) },
    {
      key: 'valueAdded',
      dataIndex: 'valueAdded',
      title: t('fields.product.valueAdded'),
      width: 100,
      align: 'center',
      render: (v: boolean) => (v ? <CheckOutlined style={{ color: '#52c41a' }} aria-label={t('common.yes')} /> : null),
    },
    { key: 'launchDate', dataIndex: 'launchDate', title: t('fields.product.launchDate'), width: 120, ...sortable('launchDate'), render: (v: string | null) => format.date(v) },
    {
      key: 'active',
      dataIndex: 'active',
      title: t('fields.product.active'),
      width: 90,
      render: (v: boolean) => (v ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
    },
    ...actions,
  ];

  return (
    <>
      <PageHeader
        title={t('products.title')}
        extra={
          <>
            <RecycleBinSwitch bin={bin} />
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('products.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex gap={12} wrap className="toolbar">
        <Input.Search
          key={list.params.q ?? ''}
          allowClear
          placeholder={t('products.searchPlaceholder')}
          defaultValue={list.params.q}
          onSearch={(q) => list.update({ q })}
          style={{ width: 280 }}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('fields.product.category')}
          options={(categories.data ?? []).map((c) => ({ value: c, label: label('productCategory', c) }))}
          value={list.params.category as string | undefined}
          onChange={(value?: string) => list.update({ category: value })}
          style={{ width: 220 }}
        />
      </Flex>
      <RecycleBinHint bin={bin} />
      <ServerTable<Product>
        query={products}
        list={list}
        columns={columns}
        emptyText={bin.active ? t('recycleBin.empty') : t('products.empty')}
        // A row opens to what customers suggested about the product.
        expandable={bin.active ? undefined : { expandedRowRender: (product) => <ProductSuggestionsPanel product={product} /> }}
      />
      <ProductFormDrawer open={editing !== null} product={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </>
  );
}

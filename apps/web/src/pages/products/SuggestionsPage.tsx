import { useState } from 'react';
import { Button, Checkbox, Flex, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useCanWrite } from '../../api/access';
import { suggestionStatuses, suggestionsApi, useCanReviewSuggestions, useSuggestions, type Suggestion } from '../../api/suggestions';
import { AccountSelect } from '../../components/AccountSelect';
import { ProductSelect } from '../../components/ProductSelect';
import { PageHeader } from '../../components/layout/PageHeader';
import { RecycleBinHint, RecycleBinSwitch } from '../../components/table/RecycleBinSwitch';
import { ServerTable } from '../../components/table/ServerTable';
import { useListParams } from '../../components/table/useListParams';
import { useRecordActionColumns } from '../../components/table/useRecordActionColumns';
import { recycleBinParam, useRecycleBin } from '../../components/table/useRecycleBin';
import { useServiceEnumOptions } from '../tickets/serviceEnums';
import { SuggestionsDrawer } from './SuggestionsDrawer';
import { useSuggestionsColumns } from './useSuggestionsColumns';
import '../tickets/service.css';

const filterNames = ['status', 'productId', 'accountId', 'newProduct', recycleBinParam] as const;

/** Customers' product suggestions of every account in reach; admins and managers review them here. */
export default function SuggestionsPage() {
  const { t } = useTranslation();
  const list = useListParams(filterNames, { sort: 'suggestedAt', order: 'desc' });
  const bin = useRecycleBin(list);
  const suggestions = useSuggestions(bin.params);
  const canWrite = useCanWrite('accounts');
  const canReview = useCanReviewSuggestions();
  const statusOptions = useServiceEnumOptions('suggestionStatus', suggestionStatuses);
  const [editing, setEditing] = useState<Suggestion | 'new' | null>(null);
  const actions = useRecordActionColumns<Suggestion>({ resource: suggestionsApi, area: 'accounts', inBin: bin.active, nameOf: (s) => s.suggestion, fixed: true });
  const columns: ColumnsType<Suggestion> = [...useSuggestionsColumns({ showProduct: true, onOpen: bin.active ? undefined : setEditing, sortOrderOf: list.sortOrderOf })];
  if (canReview && !bin.active) {
    columns.push({
      key: 'review',
      title: t('service.suggestions.review'),
      width: 80,
      fixed: 'right',
      render: (_v, s) => (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setEditing(s)} data-testid="suggestion-review">
          {t('service.suggestions.review')}
        </Button>
      ),
    });
  }
  columns.push(...actions);
  const accountFilter = list.params.accountId ? Number(list.params.accountId) : undefined;
  const productFilter = list.params.productId ? Number(list.params.productId) : undefined;
  const productRow = productFilter ? suggestions.data?.items.find((s) => s.productId === productFilter) : undefined;

  return (
    <>
      <PageHeader
        title={t('service.suggestions.title')}
        testId="suggestions-title"
        extra={
          bin.allowed || canWrite ? (
            <>
              <RecycleBinSwitch bin={bin} />
              {canWrite ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="suggestion-new">
                  {t('service.suggestions.new')}
                </Button>
              ) : null}
            </>
          ) : undefined
        }
      />
      <Flex gap={12} wrap align="center" className="toolbar">
        <Input.Search
          key={list.params.q ?? ''}
          allowClear
          placeholder={t('service.suggestions.searchPlaceholder')}
          defaultValue={list.params.q}
          onSearch={(q) => list.update({ q })}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          placeholder={t('service.fields.status')}
          options={statusOptions}
          value={list.params.status as string | undefined}
          onChange={(value?: string) => list.update({ status: value })}
          style={{ width: 130 }}
          data-testid="suggestions-status-filter"
        />
        <div className="service-filter" style={{ width: 240 }}>
          <ProductSelect
            allowClear
            placeholder={t('service.suggestions.product')}
            value={productFilter}
            initialLabel={productRow ? `${productRow.productSku} · ${productRow.productName}` : undefined}
            onChange={(value) => list.update({ productId: value, newProduct: null })}
          />
        </div>
        <div className="service-filter" style={{ width: 240 }}>
          <AccountSelect
            allowClear
            placeholder={t('service.fields.account')}
            value={accountFilter}
            initialLabel={accountFilter ? suggestions.data?.items.find((s) => s.accountId === accountFilter)?.accountName : undefined}
            onChange={(value) => list.update({ accountId: value })}
          />
        </div>
        <Checkbox checked={list.params.newProduct === 'true'} onChange={(e) => list.update({ newProduct: e.target.checked ? 'true' : null, productId: null })}>
          {t('service.suggestions.onlyNewProduct')}
        </Checkbox>
      </Flex>
      <RecycleBinHint bin={bin} />
      <ServerTable<Suggestion>
        query={suggestions}
        list={list}
        columns={columns}
        emptyText={bin.active ? t('recycleBin.empty') : t('service.suggestions.empty')}
        data-testid="suggestions-table"
      />
      <SuggestionsDrawer open={editing !== null} suggestion={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </>
  );
}

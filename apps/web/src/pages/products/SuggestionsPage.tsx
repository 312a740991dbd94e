import { Button, Checkbox } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useCanWrite } from '../../api/access';
import { suggestionStatuses, suggestionsApi, useCanReviewSuggestions, type Suggestion } from '../../api/suggestions';
import { AccountSelect } from '../../components/AccountSelect';
import { ProductSelect } from '../../components/ProductSelect';
import { ListFilter, ListSelectFilter, RecordListPage } from '../../components/table/RecordListPage';
import { useRecordActionColumns } from '../../components/table/useRecordActionColumns';
import { useRecordList } from '../../components/table/useRecordList';
import { useServiceEnumOptions } from '../tickets/serviceEnums';
import { SuggestionsDrawer } from './SuggestionsDrawer';
import { useSuggestionsColumns } from './useSuggestionsColumns';

const filterNames = ['status', 'productId', 'accountId', 'newProduct'] as const;

/** Customers' product suggestions of every account in reach; admins and managers review them here. */
export default function SuggestionsPage() {
  const { t } = useTranslation();
  const records = useRecordList(suggestionsApi, filterNames, { sort: 'suggestedAt', order: 'desc' });
  const { list, bin } = records;
  const suggestions = records.query;
  const canWrite = useCanWrite('accounts');
  const canReview = useCanReviewSuggestions();
  const statusOptions = useServiceEnumOptions('suggestionStatus', suggestionStatuses);
  const actions = useRecordActionColumns<Suggestion>({ resource: suggestionsApi, area: 'accounts', inBin: bin.active, nameOf: (s) => s.suggestion, fixed: true });
  const columns: ColumnsType<Suggestion> = [...useSuggestionsColumns({ showProduct: true, onOpen: records.onOpen, sortOrderOf: list.sortOrderOf })];
  if (canReview && !bin.active) {
    columns.push({
      key: 'review',
      title: t('service.suggestions.review'),
      width: 80,
      fixed: 'right',
      render: (_v, s) => (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => records.edit(s)} data-testid="suggestion-review">
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
    <RecordListPage<Suggestion>
      records={records}
      title={t('service.suggestions.title')}
      titleTestId="suggestions-title"
      canWrite={canWrite}
      newRecord={{ label: t('service.suggestions.new'), testId: 'suggestion-new' }}
      search={{ placeholder: t('service.suggestions.searchPlaceholder'), width: 240 }}
      alignFilters
      filters={
        <>
          <ListSelectFilter list={list} name="status" placeholder={t('service.fields.status')} options={statusOptions} width={130} testId="suggestions-status-filter" />
          <ListFilter width={240}>
            <ProductSelect
              allowClear
              placeholder={t('service.suggestions.product')}
              value={productFilter}
              initialLabel={productRow ? `${productRow.productSku} · ${productRow.productName}` : undefined}
              onChange={(value) => list.update({ productId: value, newProduct: null })}
            />
          </ListFilter>
          <ListFilter width={240}>
            <AccountSelect
              allowClear
              placeholder={t('service.fields.account')}
              value={accountFilter}
              initialLabel={accountFilter ? suggestions.data?.items.find((s) => s.accountId === accountFilter)?.accountName : undefined}
              onChange={(value) => list.update({ accountId: value })}
            />
          </ListFilter>
          <Checkbox checked={list.params.newProduct === 'true'} onChange={(e) => list.update({ newProduct: e.target.checked ? 'true' : null, productId: null })}>
            {t('service.suggestions.onlyNewProduct')}
          </Checkbox>
        </>
      }
      columns={columns}
      emptyText={t('service.suggestions.empty')}
      tableTestId="suggestions-table"
      drawer={<SuggestionsDrawer open={records.drawer.open} suggestion={records.drawer.record} onClose={records.drawer.onClose} />}
    />
  );
}

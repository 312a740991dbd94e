import { useState } from 'react';
import { Button, Empty, Flex, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCanWrite } from '../../api/access';
import type { Product } from '../../api/products';
import { useCanReviewSuggestions, useSuggestions, type Suggestion } from '../../api/suggestions';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { SuggestionsDrawer } from './SuggestionsDrawer';
import { useSuggestionsColumns } from './useSuggestionsColumns';

/** Under a product's row: what customers suggested about it; record one, and (admins, managers) review. */
export function ProductSuggestionsPanel({ product }: { product: Pick<Product, 'id' | 'sku' | 'name'> }) {
  const { t } = useTranslation();
  const canWrite = useCanWrite('accounts');
  const canReview = useCanReviewSuggestions();
  const [page, setPage] = useState({ page: 1, pageSize: 5 });
  const suggestions = useSuggestions({ productId: product.id, ...page, sort: 'suggestedAt', order: 'desc' });
  const [editing, setEditing] = useState<Suggestion | 'new' | null>(null);
  const columns: ColumnsType<Suggestion> = useSuggestionsColumns({ showProduct: false, onOpen: setEditing });
  if (canReview) {
    columns.push({
      key: 'review',
      title: t('service.suggestions.review'),
      width: 80,
      render: (_v, s) => (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setEditing(s)} data-testid="suggestion-review">
          {t('service.suggestions.review')}
        </Button>
      ),
    });
  }

  return (
    <Flex vertical gap={8} style={{ padding: '4px 0 8px' }} data-testid={`product-suggestions-${product.id}`}>
      <Flex justify="space-between" align="center">
        <Typography.Text strong>
          {t('service.suggestions.panelTitle')}
          {suggestions.data ? <Typography.Text type="secondary"> · {t('common.total', { total: suggestions.data.total })}</Typography.Text> : null}
        </Typography.Text>
        <Flex gap={12} align="center">
          {(suggestions.data?.total ?? 0) > 0 ? <Link to={`/suggestions?productId=${product.id}`}>{t('common.viewAll')}</Link> : null}
          {canWrite ? (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="product-suggestion-new">
              {t('service.suggestions.new')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      {suggestions.isError ? (
        <ErrorResult error={suggestions.error} onRetry={() => void suggestions.refetch()} />
      ) : (
        <Table<Suggestion>
          rowKey="id"
          size="small"
          tableLayout="fixed"
          columns={columns}
          dataSource={suggestions.data?.items}
          loading={suggestions.isFetching}
          locale={{ emptyText: suggestions.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('service.suggestions.productEmpty')} /> }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: suggestions.data?.total ?? 0,
            hideOnSinglePage: true,
            size: 'small',
            onChange: (p, size) => setPage({ page: p, pageSize: size }),
          }}
        />
      )}
      <SuggestionsDrawer
        open={editing !== null}
        suggestion={editing === 'new' ? null : editing}
        product={editing === 'new' ? { id: product.id, label: `${product.sku} · ${product.name}` } : undefined}
        onClose={() => setEditing(null)}
      />
    </Flex>
  );
}

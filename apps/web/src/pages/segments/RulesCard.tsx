import { useState } from 'react';
import { Card, Empty, Flex, InputNumber, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import type { SortOrder } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { useProductRules, type ProductRef, type ProductRule, type RuleFilters, type RuleSort } from '../../api/segments';
import { ProductSelect } from '../../components/ProductSelect';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useFormatters } from '../../components/format/useFormatters';

function ProductTag({ product, color }: { product: ProductRef; color?: string }) {
  const label = product.name || product.sku || `#${product.id}`;
  return (
    <Tooltip title={product.sku ? `${product.sku} · ${product.name}` : product.name}>
      <Tag color={color} className="product-tag">
        {label}
      </Tag>
    </Tooltip>
  );
}

/** The association rules "who buys A (and B) also buys C", filtered and sorted on the server. */
export function RulesCard() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [filters, setFilters] = useState<RuleFilters>({ page: 1, pageSize: 10, sort: 'lift' });
  const [minLift, setMinLift] = useState<number | null>(null);
  const [minConfidence, setMinConfidence] = useState<number | null>(null);
  // typing a threshold asks the server once it stops
  const lift = useDebouncedValue(minLift, 300);
  const confidence = useDebouncedValue(minConfidence, 300);
  const query: RuleFilters = {
    ...filters,
    minLift: lift ?? undefined,
    minConfidence: confidence === null ? undefined : confidence / 100,
  };
  const rules = useProductRules(query);
  const sortOrder = (key: RuleSort): SortOrder => (filters.sort === key ? 'descend' : null);
  const set = (patch: Partial<RuleFilters>) => setFilters((f) => ({ ...f, page: 1, ...patch }));

  return (
    <Card
      title={t('segments.together.rules.title')}
      className="panel-card"
      data-testid="segments-rules"
      styles={{ body: { paddingTop: 12 } }}
    >
      <Typography.Paragraph type="secondary" className="panel-help">
        {t('segments.together.rules.help')}
      </Typography.Paragraph>
      <Flex wrap gap={12} align="center" className="toolbar">
        <div className="rules-product">
          <ProductSelect
            value={filters.productId ?? null}
            onChange={(id) => set({ productId: id ?? undefined })}
            allowClear
            placeholder={t('segments.together.rules.product')}
            testId="segments-rules-product"
          />
        </div>
        <InputNumber
          value={minLift}
          onChange={(v) => {
            setMinLift(v);
            setFilters((f) => ({ ...f, page: 1 }));
          }}
          min={0}
          step={0.5}
          prefix={t('segments.together.rules.minLift')}
          style={{ width: 170 }}
          data-testid="segments-rules-min-lift"
        />
        <InputNumber
          value={minConfidence}
          onChange={(v) => {
            setMinConfidence(v);
            setFilters((f) => ({ ...f, page: 1 }));
          }}
          min={0}
          max={100}
          step={10}
          suffix="%"
          prefix={t('segments.together.rules.minConfidence')}
          style={{ width: 190 }}
          data-testid="segments-rules-min-confidence"
        />
      </Flex>
      {rules.isError ? (
        <ErrorResult error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <Table<ProductRule>
          rowKey={(rule) => `${rule.rank}`}
          size="small"
          tableLayout="fixed"
          loading={rules.isFetching}
          dataSource={rules.data?.items}
          locale={{ emptyText: rules.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('segments.together.rules.empty')} /> }}
          onChange={(pagination, _filters, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const key = (s?.order ? s.columnKey : 'lift') as RuleSort;
            setFilters((f) => ({
              ...f,
              sort: key,
              page: key !== f.sort ? 1 : (pagination.current ?? 1),
              pageSize: pagination.pageSize ?? f.pageSize,
            }));
          }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: rules.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (count) => t('common.total', { total: count }),
          }}
          columns={[
            {
              key: 'rule',
              title: t('segments.together.rules.rule'),
              render: (_v, rule) => (
                <Flex align="center" gap={6} wrap className="rule-cell" data-testid="segments-rule">
                  {(rule.antecedent ?? []).map((p) => (
                    <ProductTag key={p.id} product={p} />
                  ))}
                  <ArrowRightOutlined className="rule-arrow" aria-label={t('segments.together.rules.then')} />
                  {rule.consequent ? <ProductTag product={rule.consequent} color="blue" /> : '—'}
                </Flex>
              ),
            },
            {
              key: 'support',
              dataIndex: 'support',
              title: (
                <Tooltip title={t('segments.together.rules.supportHint')}>
                  <span className="dotted-hint">{t('segments.together.rules.support')}</span>
                </Tooltip>
              ),
              width: 110,
              align: 'right',
              sorter: true,
              sortDirections: ['descend'],
              sortOrder: sortOrder('support'),
              render: (v: number) => format.percent(v),
            },
            {
              key: 'confidence',
              dataIndex: 'confidence',
              title: (
                <Tooltip title={t('segments.together.rules.confidenceHint')}>
                  <span className="dotted-hint">{t('segments.together.rules.confidence')}</span>
                </Tooltip>
              ),
              width: 120,
              align: 'right',
              sorter: true,
              sortDirections: ['descend'],
              sortOrder: sortOrder('confidence'),
              render: (v: number) => format.percent(v),
            },
            {
              key: 'lift',
              dataIndex: 'lift',
              title: (
                <Tooltip title={t('segments.together.rules.liftHint')}>
                  <span className="dotted-hint">{t('segments.together.rules.lift')}</span>
                </Tooltip>
              ),
              width: 100,
              align: 'right',
              sorter: true,
              sortDirections: ['descend'],
              sortOrder: sortOrder('lift'),
              render: (v: number) => <b>{format.fixed(v, 2)}</b>,
            },
            {
              key: 'count',
              dataIndex: 'count',
              title: t('segments.together.rules.count'),
              width: 100,
              align: 'right',
              render: (v: number) => format.number(v),
            },
          ]}
        />
      )}
    </Card>
  );
}

import { Flex, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../api/suggestions';
import { AccountLink } from '../../components/AccountLink';
import { useFormatters } from '../../components/format/useFormatters';
import { ServiceEnumTag } from '../tickets/serviceEnums';

interface Options {
  showProduct: boolean;
  onOpen?: (s: Suggestion) => void;
  sortOrderOf?: (column: string) => SortOrder;
}

/** Suggestion (and the response under it), account, product, status, dates. */
export function useSuggestionsColumns({ showProduct, onOpen, sortOrderOf }: Options): ColumnsType<Suggestion> {
  const { t } = useTranslation();
  const format = useFormatters();
  const sortable = (key: string) => (sortOrderOf ? { sorter: true, sortOrder: sortOrderOf(key) } : {});
  const columns: ColumnsType<Suggestion> = [
    {
      key: 'suggestion',
      dataIndex: 'suggestion',
      title: t('service.suggestions.suggestion'),
      render: (text: string, s) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: text }} style={{ margin: 0 }}>
            {onOpen ? (
              <a onClick={() => onOpen(s)} data-testid="suggestion-open">
                {text}
              </a>
            ) : (
              text
            )}
          </Typography.Paragraph>
          {s.response ? (
            <Typography.Text type="secondary" ellipsis={{ tooltip: s.response }} style={{ fontSize: 12 }}>
              ↳ {s.response}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { key: 'account', title: t('service.fields.account'), width: 190, ellipsis: true, render: (_v, s) => <AccountLink id={s.accountId} name={s.accountName} /> },
  ];
  if (showProduct) {
    columns.push({
      key: 'product',
      title: t('service.suggestions.product'),
      width: 190,
      ellipsis: true,
      render: (_v, s) =>
        s.productId ? (
          <span title={`${s.productSku} · ${s.productName}`}>{s.productName ?? `#${s.productId}`}</span>
        ) : (
          <Typography.Text type="secondary" italic>
            {t('service.suggestions.newProduct')}
          </Typography.Text>
        ),
    });
  }
  columns.push(
    { key: 'status', dataIndex: 'status', title: t('service.fields.status'), width: 100, ...sortable('status'), render: (v: string) => <ServiceEnumTag name="suggestionStatus" value={v} /> },
    { key: 'suggestedAt', dataIndex: 'suggestedAt', title: t('service.suggestions.suggestedAt'), width: 115, ...sortable('suggestedAt'), render: (v: string) => format.date(v) },
    { key: 'reviewedAt', dataIndex: 'reviewedAt', title: t('service.suggestions.reviewedAt'), width: 115, ...sortable('reviewedAt'), render: (v: string | null) => format.date(v) },
  );
  return columns;
}

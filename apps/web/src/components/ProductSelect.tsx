import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProducts, type Product } from '../api/products';
import { useDebouncedValue } from './useDebouncedValue';

interface Props {
  value?: number | null;
  /** Given the product picked (null when cleared), so a caller can copy its price, cost and name. */
  onChange?: (value: number | null, product: Product | null) => void;
  /** Label of the current value when it is not in the first page of results. */
  initialLabel?: string | null;
  allowClear?: boolean;
  placeholder?: string;
  testId?: string;
}

const labelOf = (product: Pick<Product, 'sku' | 'name'>) => `${product.sku} · ${product.name}`;

/** Picks a catalogue item by typing part of its SKU or name; the search runs on the server. */
export function ProductSelect({ value, onChange, initialLabel, allowClear, placeholder, testId }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 250);
  const products = useProducts({ q: q || undefined, pageSize: 20, sort: 'name', order: 'asc' });
  // The product picked last: a later search may no longer list it.
  const [picked, setPicked] = useState<Product | null>(null);
  const items = products.data?.items ?? [];
  const options = items.map((product) => ({ value: product.id, label: labelOf(product) }));
  const label = picked && picked.id === value ? labelOf(picked) : initialLabel;
  if (value && label && !options.some((option) => option.value === value)) {
    options.unshift({ value, label });
  }
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear={allowClear}
      value={value ?? undefined}
      onChange={(next) => {
        const product = next ? (items.find((item) => item.id === next) ?? (picked?.id === next ? picked : null)) : null;
        setPicked(product);
        onChange?.(next ?? null, product);
      }}
      options={options}
      loading={products.isFetching}
      placeholder={placeholder ?? t('products.searchPlaceholder')}
      notFoundContent={products.isFetching ? t('common.loading') : t('common.noData')}
      popupMatchSelectWidth={360}
      data-testid={testId}
    />
  );
}

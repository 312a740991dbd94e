import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAccounts } from '../api/accounts';
import { useDebouncedValue } from './useDebouncedValue';

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** Label of the current value when it is not in the first page of results. */
  initialLabel?: string | null;
  allowClear?: boolean;
}

/** Picks an account by typing part of its name; the search runs on the server. */
export function AccountSelect({ value, onChange, initialLabel, allowClear }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 250);
  const accounts = useAccounts({ q: q || undefined, pageSize: 20, sort: 'name', order: 'asc' });
  const options = (accounts.data?.items ?? []).map((account) => ({ value: account.id, label: account.name }));
  if (value && initialLabel && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: initialLabel });
  }
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear={allowClear}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      loading={accounts.isFetching}
      placeholder={t('accounts.searchPlaceholder')}
      notFoundContent={accounts.isFetching ? t('common.loading') : t('common.noData')}
    />
  );
}

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
  /** Shown while empty; "Search accounts" by default. */
  placeholder?: string;
  testId?: string;
}

/** Picks an account by typing part of its name; the search runs on the server. */
export function AccountSelect({ value, onChange, initialLabel, allowClear, placeholder, testId }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 250);
  const accounts = useAccounts({ q: q || undefined, pageSize: 20, sort: 'name', order: 'asc' });
  // The name of the account picked last: a later search may no longer list it.
  const [picked, setPicked] = useState<{ value: number; label: string } | null>(null);
  const options = (accounts.data?.items ?? []).map((account) => ({ value: account.id, label: account.name }));
  const label = picked && picked.value === value ? picked.label : initialLabel;
  if (value && label && !options.some((option) => option.value === value)) {
    options.unshift({ value, label });
  }
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear={allowClear}
      value={value ?? undefined}
      onChange={(next, option) => {
        const chosen = Array.isArray(option) ? undefined : option;
        setPicked(next && chosen ? { value: next, label: String(chosen.label) } : null);
        onChange?.(next ?? null);
      }}
      options={options}
      loading={accounts.isFetching}
      placeholder={placeholder ?? t('accounts.searchPlaceholder')}
      notFoundContent={accounts.isFetching ? t('common.loading') : t('common.noData')}
      data-testid={testId}
    />
  );
}

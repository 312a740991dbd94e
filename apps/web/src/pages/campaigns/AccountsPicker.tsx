import { useRef, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAccounts } from '../../api/accounts';
import { useDebouncedValue } from '../../components/useDebouncedValue';

interface Props {
  value?: number[];
  onChange?: (value: number[]) => void;
  placeholder?: string;
  testId?: string;
}

/**
 * Picks several accounts by typing part of their names; the search runs on the server, within the user's reach
 * (a sales user finds only their own customers). Chosen names stay shown after the search moves on.
 */
export function AccountsPicker({ value = [], onChange, placeholder, testId }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 250);
  const accounts = useAccounts({ q: q || undefined, pageSize: 20, sort: 'name', order: 'asc' });
  const names = useRef(new Map<number, string>());
  for (const account of accounts.data?.items ?? []) names.current.set(account.id, account.name);
  const options = (accounts.data?.items ?? []).map((account) => ({ value: account.id, label: account.name }));
  for (const id of value) if (!options.some((option) => option.value === id)) options.push({ value: id, label: names.current.get(id) ?? `#${id}` });
  return (
    <Select<number[]>
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      loading={accounts.isFetching}
      placeholder={placeholder}
      maxTagTextLength={24}
      notFoundContent={accounts.isFetching ? t('common.loading') : t('common.noData')}
      data-testid={testId}
    />
  );
}

import { useRef, useState } from 'react';
import type { SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAccounts } from '../api/accounts';
import { useDebouncedValue } from './useDebouncedValue';

/**
 * The server-side account search behind the account pickers: the user types part of a name, the server answers
 * within the user's reach (a sales user finds only their own customers). Chosen accounts keep their names after
 * the search moves on, because every name a search returned is remembered.
 */
export function useAccountSearch() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 250);
  const accounts = useAccounts({ q: q || undefined, pageSize: 20, sort: 'name', order: 'asc' });
  const names = useRef(new Map<number, string>());
  const found = accounts.data?.items ?? [];
  for (const account of found) names.current.set(account.id, account.name);

  /** What the search found, and before it the chosen accounts it no longer lists (`knownName` for those never listed). */
  const optionsFor = (chosen: number[], knownName?: (id: number) => string | null | undefined) => {
    const options = found.map((account) => ({ value: account.id, label: account.name }));
    const missing = chosen
      .filter((id) => !options.some((option) => option.value === id))
      .map((id) => ({ value: id, label: names.current.get(id) ?? knownName?.(id) ?? `#${id}` }));
    return [...missing, ...options];
  };

  const selectProps: Pick<SelectProps, 'showSearch' | 'loading' | 'notFoundContent'> = {
    showSearch: { filterOption: false, onSearch: setSearch },
    loading: accounts.isFetching,
    notFoundContent: accounts.isFetching ? t('common.loading') : t('common.noData'),
  };
  return { optionsFor, selectProps };
}

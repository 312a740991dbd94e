import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAccountSearch } from './useAccountSearch';

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
  const { optionsFor, selectProps } = useAccountSearch();
  return (
    <Select<number>
      {...selectProps}
      allowClear={allowClear}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={optionsFor(value ? [value] : [], () => initialLabel)}
      placeholder={placeholder ?? t('accounts.searchPlaceholder')}
      data-testid={testId}
    />
  );
}

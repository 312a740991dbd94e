import { Select } from 'antd';
import { useAccountSearch } from '../../components/useAccountSearch';

interface Props {
  value?: number[];
  onChange?: (value: number[]) => void;
  placeholder?: string;
  testId?: string;
}

/** Picks several accounts by typing part of their names (the search of AccountSelect, several at a time). */
export function AccountsPicker({ value = [], onChange, placeholder, testId }: Props) {
  const { optionsFor, selectProps } = useAccountSearch();
  return (
    <Select<number[]>
      {...selectProps}
      mode="multiple"
      value={value}
      onChange={(next) => onChange?.(next)}
      options={optionsFor(value)}
      placeholder={placeholder}
      maxTagTextLength={24}
      data-testid={testId}
    />
  );
}

import { Select } from 'antd';
import { useUsers } from '../api/users';

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  allowClear?: boolean;
  placeholder?: string;
}

/** Picks a user (an account's owner, for instance); lists active users only. */
export function UserSelect({ value, onChange, allowClear, placeholder }: Props) {
  const users = useUsers();
  const options = (users.data?.items ?? [])
    .filter((user) => user.active || user.id === value)
    .map((user) => ({ value: user.id, label: `${user.name} · ${user.email}` }));
  return (
    <Select<number>
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={allowClear}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      loading={users.isFetching}
      placeholder={placeholder}
    />
  );
}

import { Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/audit';
import { useUserNames } from '../../api/useUserNames';
import { hiddenAuditFields, isEmptyValue } from './auditFields';
import { useEnumLabel, type EnumName } from '../../components/enums/EnumTag';

/** Fields whose values are enumeration codes, shown by their translated label. */
const enumFields: Record<string, EnumName> = {
  customerType: 'customerType',
  relationshipLevel: 'relationshipLevel',
  kind: 'kind',
};


function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '∅';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '∅';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** "field: before → after" for each changed field of an audit entry. */
export function FieldChanges({ changes }: { changes: AuditEntry['changes'] }) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const userNames = useUserNames();
  const entries = Object.entries(changes ?? {}).filter(
    ([field, pair]) => !hiddenAuditFields.has(field) && !(Array.isArray(pair) && isEmptyValue(pair[0]) && isEmptyValue(pair[1])),
  );
  if (entries.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;

  const label = (field: string) => t(`fields.account.${field}` as never, { defaultValue: field }) as string;
  const value = (field: string, raw: unknown) => {
    const name = enumFields[field];
    if (name && typeof raw === 'string') return enumLabel(name, raw);
    if (field === 'ownerId' && typeof raw === 'number') return userNames.get(raw) ?? `#${raw}`;
    return show(raw);
  };

  return (
    <ul className="change-list">
      {entries.map(([field, pair]) => {
        const [before, after] = Array.isArray(pair) ? pair : [undefined, pair];
        return (
          <li key={field}>
            <Typography.Text strong>{label(field)}</Typography.Text>
            {': '}
            {isEmptyValue(before) ? null : (
              <>
                <Typography.Text type="secondary" delete className="change-value">
                  {value(field, before)}
                </Typography.Text>{' '}
                <ArrowRightOutlined style={{ fontSize: 11, color: '#999' }} />{' '}
              </>
            )}
            <Typography.Text className="change-value">{value(field, after)}</Typography.Text>
          </li>
        );
      })}
    </ul>
  );
}

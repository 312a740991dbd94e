import { Button, Flex, Form, Input, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AccountAttributes } from '../../api/accounts';

export type AttributeType = 'number' | 'text' | 'boolean';
export interface AttributeRow {
  name: string;
  type: AttributeType;
  value: string | boolean | undefined;
}

/** The rows the form edits, from an account's attributes (a number stays a number: the analytics rely on it). */
export function attributeRows(attributes: AccountAttributes | undefined): AttributeRow[] {
  return Object.entries(attributes ?? {}).map(([name, value]) =>
    typeof value === 'number'
      ? { name, type: 'number', value: String(value) }
      : typeof value === 'boolean'
        ? { name, type: 'boolean', value }
        : { name, type: 'text', value: value ?? '' },
  );
}

/** The typed attributes the API stores, from the form's rows (blank values are left out). */
export function attributesOf(rows: AttributeRow[] | undefined): AccountAttributes {
  const result: AccountAttributes = {};
  for (const row of rows ?? []) {
    const name = row.name?.trim();
    if (!name) continue;
    if (row.type === 'boolean') result[name] = row.value === true;
    else if (typeof row.value === 'string' && row.value.trim() !== '') result[name] = row.type === 'number' ? Number(row.value.trim().replace(/,/g, '')) : row.value.trim();
  }
  return result;
}

const isNumber = (text: string) => /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text.trim());

/** A list of name – type – value rows inside the account form (field `attributeList`). */
export function AttributeListField() {
  const { t } = useTranslation();
  const typeOptions = (['number', 'text', 'boolean'] as const).map((type) => ({ value: type, label: t(`attributes.types.${type}`) }));
  return (
    <Form.Item label={t('attributes.title')} extra={t('attributes.hint')}>
      <Form.List
        name="attributeList"
        rules={[
          {
            validator: async (_, rows: AttributeRow[] | undefined) => {
              const names = (rows ?? []).map((r) => r?.name?.trim()).filter(Boolean);
              const twice = names.find((n, i) => names.indexOf(n) !== i);
              if (twice) throw new Error(t('attributes.duplicate', { name: twice }));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('attributes.nameRequired') }]} style={{ flex: 2, marginBottom: 0 }}>
                  <Input placeholder={t('attributes.name')} maxLength={60} aria-label={t('attributes.name')} />
                </Form.Item>
                <Form.Item name={[field.name, 'type']} style={{ width: 110, marginBottom: 0 }}>
                  <Select options={typeOptions} aria-label={t('attributes.type')} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) =>
                    getFieldValue(['attributeList', field.name, 'type']) === 'boolean' ? (
                      <Form.Item name={[field.name, 'value']} style={{ flex: 2, marginBottom: 0 }}>
                        <Select
                          aria-label={t('attributes.value')}
                          options={[
                            { value: true, label: t('common.yes') },
                            { value: false, label: t('common.no') },
                          ]}
                        />
                      </Form.Item>
                    ) : (
                      <Form.Item
                        name={[field.name, 'value']}
                        style={{ flex: 2, marginBottom: 0 }}
                        rules={[
                          {
                            validator: async (_, value: unknown) => {
                              if (getFieldValue(['attributeList', field.name, 'type']) === 'number' && typeof value === 'string' && value.trim() && !isNumber(value)) {
                                throw new Error(t('attributes.notANumber'));
                              }
                            },
                          },
                        ]}
                      >
                        <Input placeholder={t('attributes.value')} maxLength={200} aria-label={t('attributes.value')} />
                      </Form.Item>
                    )
                  }
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('attributes.remove')} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Typography.Text type="danger">
              <Form.ErrorList errors={errors} />
            </Typography.Text>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', type: 'number', value: '' })} style={{ alignSelf: 'start' }}>
              {t('attributes.add')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

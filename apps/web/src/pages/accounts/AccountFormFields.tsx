import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountInput } from '../../api/accounts';
import { useCurrentUser } from '../../api/auth';
import { accountKinds, customerTypes, relationshipLevels } from '../../api/enums';
import { UserSelect } from '../../components/UserSelect';
import { useEnumOptions } from '../../components/enums/useEnumOptions';
import { AttributeListField, attributesOf, type AttributeRow } from './AttributeListField';

export type AccountFormValues = Omit<AccountInput, 'attributes'> & { attributeList?: AttributeRow[] };

/** The editable fields of an account, shared by the create drawer and the profile's edit drawer. */
export function AccountFormFields() {
  const { t } = useTranslation();
  const kindOptions = useEnumOptions('kind', accountKinds);
  const typeOptions = useEnumOptions('customerType', customerTypes);
  const levelOptions = useEnumOptions('relationshipLevel', relationshipLevels);
  // Sales users always own their own accounts (the server enforces it), so they get no owner picker.
  const canAssignOwner = useCurrentUser().data?.role !== 'sales';
  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item
          name="name"
          label={t('fields.account.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('fields.account.name') }) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="kind" label={t('fields.account.kind')}>
          <Radio.Group options={kindOptions} optionType="button" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="externalId" label={t('fields.account.externalId')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="customerType" label={t('fields.account.customerType')}>
          <Select options={typeOptions} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="relationshipLevel" label={t('fields.account.relationshipLevel')}>
          <Select options={levelOptions} />
        </Form.Item>
      </Col>
      {canAssignOwner ? (
        <Col span={24}>
          <Form.Item name="ownerId" label={t('fields.account.owner')}>
            <UserSelect />
          </Form.Item>
        </Col>
      ) : null}
      <Col span={12}>
        <Form.Item name="email" label={t('fields.account.email')} rules={[{ type: 'email', message: t('common.invalidEmail') }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="phone" label={t('fields.account.phone')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="industry" label={t('fields.account.industry')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="region" label={t('fields.account.region')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="country" label={t('fields.account.country')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="city" label={t('fields.account.city')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="address" label={t('fields.account.address')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="website" label={t('fields.account.website')}>
          <Input placeholder="https://" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="tags" label={t('fields.account.tags')}>
          <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="notes" label={t('fields.account.notes')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <AttributeListField />
      </Col>
    </Row>
  );
}

/** Empty text boxes mean "no value": the API gets null rather than "". */
export function toAccountInput({ attributeList, ...values }: AccountFormValues): AccountInput {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    result[key] = typeof value === 'string' ? value.trim() || null : value;
  }
  // a form without the list (never opened) leaves the attributes as they are
  if (attributeList !== undefined) result.attributes = attributesOf(attributeList);
  return result as AccountInput;
}

import { App, Button, Col, Drawer, Flex, Form, Input, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { preferredChannels, useCreateContact, useUpdateContact, type Contact, type ContactInput } from '../../api/contacts';
import { isApiError } from '../../api/client';
import { AccountSelect } from '../../components/AccountSelect';
import { useEnumOptions } from '../../components/enums/useEnumOptions';
import { applyServerErrors } from '../../components/form/applyServerErrors';
import { useNotifyError } from '../../components/feedback/useNotifyError';

interface Props {
  open: boolean;
  /** null: a new contact. */
  contact: Contact | null;
  /** Fixes the account (the account page's Contacts tab). */
  accountId?: number;
  onClose: () => void;
}

type Values = ContactInput;

const clean = (values: Values): Values =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? v.trim() || null : v])) as Values;

/** Creates or edits a contact; editing sends the loaded `version` (409 when someone else saved first). */
export function ContactFormDrawer({ open, contact, accountId, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateContact();
  const update = useUpdateContact();
  const notifyError = useNotifyError();
  const channelOptions = useEnumOptions('preferredChannel', preferredChannels);
  const pending = create.isPending || update.isPending;

  const onError = (error: unknown) => {
    if (isApiError(error, 409)) void message.warning(t('errors.conflict'));
    else if (!applyServerErrors(form, error)) notifyError(error);
  };
  const done = (text: string) => {
    void message.success(text);
    onClose();
  };

  const submit = (values: Values) => {
    const body = clean({ ...values, accountId: accountId ?? values.accountId });
    if (contact) update.mutate({ id: contact.id, version: contact.version, ...body }, { onSuccess: () => done(t('common.saved')), onError });
    else create.mutate(body, { onSuccess: () => done(t('common.createdOk')), onError });
  };

  return (
    <Drawer
      title={contact ? t('contacts.editTitle') : t('contacts.createTitle')}
      open={open}
      onClose={onClose}
      size={520}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={pending} onClick={() => form.submit()}>
            {contact ? t('common.save') : t('common.create')}
          </Button>
        </Flex>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={contact ?? { accountId, isPrimary: false }}
        onFinish={submit}
      >
        <Row gutter={16}>
          {accountId === undefined ? (
            <Col span={24}>
              <Form.Item
                name="accountId"
                label={t('fields.contact.account')}
                rules={[{ required: true, message: t('common.required', { field: t('fields.contact.account') }) }]}
              >
                <AccountSelect initialLabel={contact?.accountName} />
              </Form.Item>
            </Col>
          ) : null}
          <Col span={16}>
            <Form.Item
              name="name"
              label={t('fields.contact.name')}
              rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('fields.contact.name') }) }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="isPrimary" label={t('fields.contact.isPrimary')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="title" label={t('fields.contact.title')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="role" label={t('fields.contact.role')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="email" label={t('fields.contact.email')} rules={[{ type: 'email', message: t('common.invalidEmail') }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t('fields.contact.phone')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="mobile" label={t('fields.contact.mobile')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="wechat" label={t('fields.contact.wechat')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="preferredChannel" label={t('fields.contact.preferredChannel')}>
              <Select allowClear options={channelOptions} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t('fields.contact.notes')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}

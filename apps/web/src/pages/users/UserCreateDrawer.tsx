import { App, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { roles } from '../../api/enums';
import { useCreateUser, type UserInput } from '../../api/users';
import { useEnumOptions } from '../../components/enums/useEnumOptions';
import { applyServerErrors } from '../../components/form/applyServerErrors';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { minPasswordLength } from '../settings/passwordRules';

export function UserCreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserInput>();
  const create = useCreateUser();
  const notifyError = useNotifyError();
  const roleOptions = useEnumOptions('role', roles);

  const submit = (values: UserInput) =>
    create.mutate(
      { ...values, email: values.email.trim(), name: values.name.trim() },
      {
        onSuccess: () => {
          void message.success(t('common.createdOk'));
          onClose();
        },
        onError: (error) => {
          if (!applyServerErrors(form, error)) notifyError(error);
        },
      },
    );

  return (
    <Drawer
      title={t('users.createTitle')}
      open={open}
      onClose={onClose}
      size={440}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t('common.create')}
          </Button>
        </Flex>
      }
    >
      <Form<UserInput> form={form} layout="vertical" initialValues={{ role: 'sales' }} onFinish={submit}>
        <Form.Item name="name" label={t('fields.user.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('fields.user.name') }) }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('fields.user.email')}
          rules={[
            { required: true, message: t('common.required', { field: t('fields.user.email') }) },
            { type: 'email', message: t('common.invalidEmail') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('fields.user.role')} rules={[{ required: true }]}>
          <Select options={roleOptions} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('fields.user.password')}
          rules={[
            { required: true, message: t('common.required', { field: t('fields.user.password') }) },
            { min: minPasswordLength, message: t('settings.password.tooShort', { min: minPasswordLength }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

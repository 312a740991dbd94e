import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../../api/auth';
import { isApiError } from '../../api/client';
import { applyServerErrors } from '../../components/form/applyServerErrors';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { minPasswordLength } from './passwordRules';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const notifyError = useNotifyError();

  const submit = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('settings.password.changed'));
          form.resetFields();
        },
        onError: (error) => {
          // A wrong current password belongs under that field.
          if (isApiError(error) && (error.status === 400 || error.status === 401 || error.status === 403) && !applyServerErrors(form, error)) {
            form.setFields([{ name: 'currentPassword', errors: [error.message] }]);
          } else if (!isApiError(error) || error.status >= 500 || error.status === 0) {
            notifyError(error);
          }
        },
      },
    );

  return (
    <Card title={t('settings.password.title')} id="password">
      <Form<Values> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 420 }}>
        <Form.Item name="currentPassword" label={t('settings.password.current')} rules={[{ required: true, message: t('common.required', { field: t('settings.password.current') }) }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('settings.password.new')}
          rules={[
            { required: true, message: t('common.required', { field: t('settings.password.new') }) },
            { min: minPasswordLength, message: t('settings.password.tooShort', { min: minPasswordLength }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('settings.password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required', { field: t('settings.password.confirm') }) },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('settings.password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('settings.password.submit')}
        </Button>
      </Form>
    </Card>
  );
}

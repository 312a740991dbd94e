import { App, Button, Drawer, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCreateAccount } from '../../api/accounts';
import { applyServerErrors } from '../../components/form/applyServerErrors';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { AccountFormFields, toAccountInput, type AccountFormValues } from './AccountFormFields';

const defaults: Partial<AccountFormValues> = { kind: 'organisation', customerType: 'consumer', relationshipLevel: 'basic', tags: [] };

/** New account form in a side drawer; on success opens the new account's page. */
export function AccountCreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<AccountFormValues>();
  const create = useCreateAccount();
  const notifyError = useNotifyError();

  const submit = (values: AccountFormValues) => {
    create.mutate(toAccountInput(values), {
      onSuccess: (account) => {
        void message.success(t('common.createdOk'));
        form.resetFields();
        onClose();
        navigate(`/accounts/${account.id}`);
      },
      onError: (error) => {
        if (!applyServerErrors(form, error)) notifyError(error);
      },
    });
  };

  return (
    <Drawer
      title={t('accounts.createTitle')}
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="account-create-submit">
            {t('common.create')}
          </Button>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" initialValues={defaults} onFinish={submit}>
        <AccountFormFields />
      </Form>
    </Drawer>
  );
}

import { useEffect, useState } from 'react';
import { ConflictAlert } from '../../components/feedback/ConflictAlert';
import { App, Button, Drawer, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAccount, useUpdateAccount, type Account } from '../../api/accounts';
import { isApiError } from '../../api/client';
import { applyServerErrors } from '../../components/form/applyServerErrors';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { AccountFormFields, toAccountInput, type AccountFormValues } from '../accounts/AccountFormFields';
import { attributeRows } from '../accounts/AttributeListField';

function formValues(account: Account): AccountFormValues {
  return {
    name: account.name,
    kind: account.kind,
    externalId: account.externalId,
    customerType: account.customerType,
    relationshipLevel: account.relationshipLevel,
    ownerId: account.ownerId,
    email: account.email,
    phone: account.phone,
    industry: account.industry,
    region: account.region,
    country: account.country,
    city: account.city,
    address: account.address,
    website: account.website,
    tags: account.tags,
    notes: account.notes,
    attributeList: attributeRows(account.attributes),
  };
}

/**
 * Edits an account with optimistic concurrency: the save carries the `version` that was loaded, and a 409
 * means someone else saved in between — the user is told so and can reload their version.
 */
export function AccountEditDrawer({ account, open, onClose }: { account: Account; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AccountFormValues>();
  const update = useUpdateAccount();
  const fresh = useAccount(account.id);
  const notifyError = useNotifyError();
  const [conflict, setConflict] = useState(false);
  // The version this form was filled from; only changes when the user (re)loads.
  const [version, setVersion] = useState(account.version);

  // Each opening starts from the account as loaded; the form itself remounts (destroyOnHidden) with those values,
  // so later refetches never overwrite what the user is typing.
  useEffect(() => {
    if (open) {
      setVersion(account.version);
      setConflict(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const submit = (values: AccountFormValues) => {
    update.mutate(
      { id: account.id, version, ...toAccountInput(values) },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 409)) setConflict(true);
          else if (!applyServerErrors(form, error)) notifyError(error);
        },
      },
    );
  };

  const reload = async () => {
    const result = await fresh.refetch();
    if (result.data) {
      form.resetFields();
      form.setFieldsValue(formValues(result.data));
      setVersion(result.data.version);
      setConflict(false);
    }
  };

  return (
    <Drawer
      title={t('account.editTitle')}
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={update.isPending} onClick={() => form.submit()} data-testid="account-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {conflict ? (
        <ConflictAlert
          testId="account-conflict"
          title={t('account.conflictTitle')}
          description={t('account.conflict')}
          reloadLabel={t('account.reloadTheirs')}
          reloading={fresh.isFetching}
          onReload={() => void reload()}
        />
      ) : null}
      <Form form={form} layout="vertical" initialValues={formValues(account)} onFinish={submit}>
        <AccountFormFields />
      </Form>
    </Drawer>
  );
}

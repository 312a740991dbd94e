import { useEffect, useState } from 'react';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useCreateReferral, useUpdateReferral, type Referral, type ReferralInput } from '../../api/referrals';
import { AccountSelect } from '../../components/AccountSelect';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { applyServerErrors } from '../../components/form/applyServerErrors';

interface Values {
  referredAccountId: number | null;
  referredAt: Dayjs;
  value: number | null;
  notes: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
  /** The referring account (this page's). */
  accountId: number;
  /** The referral to edit; null for a new one. */
  referral: Referral | null;
}

/**
 * Records that this account brought a new customer: which one (an account), when, and what it was worth.
 * A customer has one referrer: a second one is refused (409) and said so on the field. An edit carries the
 * version that was loaded.
 */
export function AccountReferralsForm({ open, onClose, accountId, referral }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateReferral();
  const update = useUpdateReferral();
  const notifyError = useNotifyError();
  const [stale, setStale] = useState(false);

  useEffect(() => {
    if (open) setStale(false);
  }, [open]);

  const onError = (error: unknown) => {
    if (isApiError(error, 409)) {
      const details = error.details as { field?: string } | undefined;
      if (details?.field === 'referredAccountId') form.setFields([{ name: 'referredAccountId', errors: [t('service.referrals.taken')] }]);
      else setStale(true);
    } else if (!applyServerErrors(form, error)) notifyError(error);
  };
  const done = () => {
    void message.success(t('service.referrals.saved'));
    onClose();
  };

  const submit = (values: Values) => {
    const input: ReferralInput = {
      referrerAccountId: accountId,
      referredAccountId: values.referredAccountId,
      referredAt: values.referredAt.startOf('day').toISOString(),
      value: values.value ?? null,
      notes: values.notes?.trim() || null,
    };
    if (!referral) {
      create.mutate(input, { onSuccess: done, onError });
      return;
    }
    const patch: Partial<ReferralInput> = {};
    if (input.referredAccountId !== referral.referredAccountId) patch.referredAccountId = input.referredAccountId;
    if (!values.referredAt.isSame(dayjs(referral.referredAt), 'day')) patch.referredAt = input.referredAt;
    if (input.value !== referral.value) patch.value = input.value;
    if (input.notes !== referral.notes) patch.notes = input.notes;
    if (Object.keys(patch).length === 0) return onClose();
    update.mutate({ id: referral.id, version: referral.version, ...patch }, { onSuccess: done, onError });
  };

  const initialValues: Values = referral
    ? { referredAccountId: referral.referredAccountId, referredAt: dayjs(referral.referredAt), value: referral.value, notes: referral.notes ?? '' }
    : { referredAccountId: null, referredAt: dayjs(), value: null, notes: '' };

  return (
    <Modal
      title={referral ? t('service.referrals.editTitle') : t('service.referrals.addTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending || update.isPending, 'data-testid': 'referral-save' } as ButtonProps}
      destroyOnHidden
      width={560}
    >
      {stale ? <Alert type="warning" showIcon title={t('service.referrals.conflict')} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={submit} data-testid="referral-form">
        <Form.Item
          name="referredAccountId"
          label={t('service.referrals.referred')}
          rules={[
            { required: true, message: t('common.required', { field: t('service.referrals.referred') }) },
            { validator: (_r, value) => (value === accountId ? Promise.reject(new Error(t('service.referrals.self'))) : Promise.resolve()) },
          ]}
        >
          <AccountSelect initialLabel={referral?.referredName} placeholder={t('service.referrals.referredPlaceholder')} testId="referral-account" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="referredAt" label={t('service.referrals.referredAt')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="value" label={t('service.referrals.value')} tooltip={t('service.referrals.valueHint')}>
              <InputNumber min={0} max={1e12} precision={2} style={{ width: '100%' }} data-testid="referral-value" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('service.referrals.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={20000} data-testid="referral-notes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

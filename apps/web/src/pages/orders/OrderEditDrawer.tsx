import { useEffect, useState } from 'react';
import { ConflictAlert } from '../../components/feedback/ConflictAlert';
import { Alert, App, AutoComplete, Button, Col, DatePicker, Drawer, Flex, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth';
import { isApiError } from '../../api/client';
import { orderStatuses, type OrderStatus } from '../../api/enums';
import { useOrder, useUpdateOrder, type Order, type OrderPatch } from '../../api/orders';
import { AccountSelect } from '../../components/AccountSelect';
import { useEnumOptions } from '../../components/enums/useEnumOptions';
import { applyServerErrors } from '../../components/form/applyServerErrors';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { commonCurrencies, currencyPattern } from './OrderCreateDrawer';

interface Values {
  accountId: number | null;
  orderedAt: Dayjs;
  status: OrderStatus;
  currency: string;
  channel: string;
  notes: string;
}

function formValues(order: Order): Values {
  return {
    accountId: order.accountId,
    orderedAt: dayjs(order.orderedAt),
    status: order.status,
    currency: order.currency,
    channel: order.channel ?? '',
    notes: order.notes ?? '',
  };
}

/** Only what the user changed: an untouched date keeps its seconds, an untouched account its owner's reach. */
function changes(before: Values, after: Values): OrderPatch {
  const patch: OrderPatch = {};
  if ((after.accountId ?? null) !== before.accountId) patch.accountId = after.accountId ?? null;
  if (!after.orderedAt.isSame(before.orderedAt)) patch.orderedAt = after.orderedAt.toISOString();
  if (after.status !== before.status) patch.status = after.status;
  const currency = after.currency.trim().toUpperCase();
  if (currency !== before.currency) patch.currency = currency;
  const channel = after.channel?.trim() ?? '';
  if (channel !== before.channel) patch.channel = channel || null;
  const notes = after.notes?.trim() ?? '';
  if (notes !== before.notes) patch.notes = notes || null;
  return patch;
}

/**
 * Edits an order's header (status, date, account, currency, channel, notes) with optimistic concurrency: the
 * save carries the `version` that was loaded, and a 409 means someone else saved in between — the user is
 * told so and can reload their version. The number and the lines stay as they were entered.
 */
export function OrderEditDrawer({ order, open, onClose }: { order: Order; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateOrder();
  const fresh = useOrder(order.id);
  const notifyError = useNotifyError();
  const role = useCurrentUser().data?.role;
  const guestAllowed = role === 'admin' || role === 'manager';
  const statusOptions = useEnumOptions('orderStatus', orderStatuses);
  const [conflict, setConflict] = useState(false);
  // The order this form was filled from (its version and values); only changes when the user (re)loads.
  const [loaded, setLoaded] = useState(order);

  // Each opening starts from the order as shown; the form remounts (destroyOnHidden) with its values,
  // so later refetches never overwrite what the user is typing.
  useEffect(() => {
    if (open) {
      setLoaded(order);
      setConflict(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const submit = (values: Values) => {
    const patch = changes(formValues(loaded), values);
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { id: order.id, version: loaded.version, ...patch },
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
      setLoaded(result.data);
      setConflict(false);
    }
  };

  return (
    <Drawer
      title={t('orders.editTitle', { orderNo: order.orderNo })}
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={update.isPending} onClick={() => form.submit()} data-testid="order-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {conflict ? (
        <ConflictAlert
          testId="order-conflict"
          title={t('orders.conflictTitle')}
          description={t('orders.conflict')}
          reloadLabel={t('orders.reloadTheirs')}
          reloading={fresh.isFetching}
          onReload={() => void reload()}
        />
      ) : null}
      <Alert type="info" showIcon title={t('orders.headerOnly')} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" initialValues={formValues(order)} onFinish={submit}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="status" label={t('fields.order.status')} rules={[{ required: true }]}>
              <Select options={statusOptions} data-testid="order-status-edit" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="orderedAt"
              label={t('fields.order.orderedAt')}
              rules={[{ required: true, message: t('common.required', { field: t('fields.order.orderedAt') }) }]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="order-date-edit" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="accountId"
              label={t('fields.order.account')}
              extra={guestAllowed ? t('orders.guestHint') : undefined}
              rules={guestAllowed ? [] : [{ required: true, message: t('common.required', { field: t('fields.order.account') }) }]}
            >
              <AccountSelect allowClear={guestAllowed} initialLabel={loaded.accountName} testId="order-account-edit" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="currency"
              label={t('fields.order.currency')}
              extra={t('orders.currencyEditHint')}
              normalize={(value?: string) => value?.toUpperCase()}
              rules={[
                { required: true, message: t('common.required', { field: t('fields.order.currency') }) },
                { pattern: currencyPattern, message: t('orders.currencyInvalid') },
              ]}
            >
              <AutoComplete options={commonCurrencies.map((code) => ({ value: code }))} data-testid="order-currency-edit" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="channel" label={t('fields.order.channel')} rules={[{ max: 100, message: t('orders.channelTooLong') }]}>
              <Input placeholder={t('orders.channelPlaceholder')} data-testid="order-channel-edit" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t('fields.order.notes')}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={20000} data-testid="order-notes-edit" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}

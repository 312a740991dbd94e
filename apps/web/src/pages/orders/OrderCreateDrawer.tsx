import { App, AutoComplete, Button, Col, DatePicker, Drawer, Flex, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../api/auth';
import { isApiError } from '../../api/client';
import { orderStatuses, type OrderStatus } from '../../api/enums';
import { useCreateOrder, type Order, type OrderInput } from '../../api/orders';
import { AccountSelect } from '../../components/AccountSelect';
import { useEnumOptions } from '../../components/enums/useEnumOptions';
import { applyServerErrors } from '../../components/form/applyServerErrors';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { useFormatters } from '../../components/format/useFormatters';
import { emptyLine, OrderLinesEditor, orderTotal, toLineInputs, type OrderLineValues } from './OrderLinesEditor';

/** Currencies offered in the currency field; any other three-letter code can be typed. */
export const commonCurrencies = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP'] as const;
export const defaultCurrency = 'CNY';
export const currencyPattern = /^[A-Za-z]{3}$/;

/** The drawer's toasts replace each other: a fixed order number's warning goes once the order is in. */
const messageKey = 'order-create';

interface Values {
  accountId?: number | null;
  orderNo?: string;
  orderedAt: Dayjs;
  status: OrderStatus;
  currency: string;
  channel?: string;
  notes?: string;
  lines: OrderLineValues[];
}

interface Props {
  open: boolean;
  /** Presets the account (the account page's Orders tab); it can still be changed. */
  accountId?: number;
  accountName?: string;
  onClose: () => void;
}

function toInput(values: Values): OrderInput {
  return {
    accountId: values.accountId ?? null,
    orderNo: values.orderNo?.trim() || undefined,
    orderedAt: values.orderedAt.toISOString(),
    status: values.status,
    currency: values.currency.trim().toUpperCase(),
    channel: values.channel?.trim() || null,
    notes: values.notes?.trim() || null,
    lines: toLineInputs(values.lines),
  };
}

/**
 * "New order": the header (account or a guest sale, number, date, status, channel, currency, notes) and an
 * editable table of lines with a live total. The server checks it all again: its field errors land on the
 * fields (`lines.0.quantity` on the first line's quantity), a taken order number on the number.
 */
export function OrderCreateDrawer({ open, accountId, accountName, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const format = useFormatters();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrder();
  const notifyError = useNotifyError();
  const role = useCurrentUser().data?.role;
  // Sales users book orders for their own accounts only; a guest sale needs a manager or an admin.
  const guestAllowed = role === 'admin' || role === 'manager';
  const statusOptions = useEnumOptions('orderStatus', orderStatuses);
  const currency = Form.useWatch('currency', form);
  const lines = Form.useWatch('lines', form);
  const total = orderTotal(lines);
  const shownCurrency = typeof currency === 'string' && currencyPattern.test(currency.trim()) ? currency.trim().toUpperCase() : undefined;

  const onError = (error: unknown, values: Values) => {
    if (isApiError(error, 409)) {
      const orderNo = values.orderNo?.trim();
      const text = orderNo ? t('orders.orderNoTaken', { orderNo }) : t('orders.orderNoClash');
      if (orderNo) form.setFields([{ name: 'orderNo', errors: [text] }]);
      void message.warning({ key: messageKey, content: text, duration: 6 });
    } else if (applyServerErrors(form, error)) {
      void message.error({ key: messageKey, content: t('errors.validation') });
    } else {
      message.destroy(messageKey);
      notifyError(error);
    }
  };

  const submit = (values: Values) => {
    create.mutate(toInput(values), {
      onSuccess: (order: Order) => {
        void message.success({
          key: messageKey,
          content: (
            <span data-testid="order-created">
              {t('orders.created', { orderNo: order.orderNo })}{' '}
              <Typography.Link onClick={() => navigate(`/orders/${order.id}`)}>{t('orders.open')}</Typography.Link>
            </span>
          ),
          duration: 6,
        });
        onClose();
      },
      onError: (error) => onError(error, values),
    });
  };

  return (
    <Drawer
      title={t('orders.createTitle')}
      open={open}
      onClose={onClose}
      size="min(1120px, 100vw)"
      destroyOnHidden
      footer={
        <Flex justify="space-between" align="center" gap={16}>
          <Flex align="baseline" gap={8}>
            <Typography.Text type="secondary">{t('orders.total')}</Typography.Text>
            <Typography.Text
              strong
              style={{ fontSize: 20 }}
              type={total < 0 ? 'danger' : undefined}
              data-testid="order-total"
              data-amount={total}
            >
              {format.money(total, shownCurrency)}
            </Typography.Text>
            <Typography.Text type="secondary">{t('orders.lineCount', { count: lines?.length ?? 0 })}</Typography.Text>
          </Flex>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="order-submit">
              {t('common.create')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          accountId: accountId ?? null,
          orderedAt: dayjs().second(0).millisecond(0),
          status: 'completed',
          currency: defaultCurrency,
          lines: [{ ...emptyLine }],
        }}
        onFinish={submit}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item
              name="accountId"
              label={t('fields.order.account')}
              extra={guestAllowed ? t('orders.guestHint') : undefined}
              rules={guestAllowed ? [] : [{ required: true, message: t('common.required', { field: t('fields.order.account') }) }]}
            >
              <AccountSelect allowClear={guestAllowed} initialLabel={accountName} testId="order-account" />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item
              name="orderNo"
              label={t('fields.order.orderNo')}
              extra={t('orders.orderNoHint')}
              rules={[{ max: 100, message: t('orders.orderNoTooLong') }]}
            >
              <Input placeholder={t('orders.orderNoPlaceholder')} data-testid="order-no" />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item
              name="orderedAt"
              label={t('fields.order.orderedAt')}
              rules={[{ required: true, message: t('common.required', { field: t('fields.order.orderedAt') }) }]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="order-date" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="status" label={t('fields.order.status')} rules={[{ required: true }]}>
              <Select options={statusOptions} data-testid="order-status" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item
              name="currency"
              label={t('fields.order.currency')}
              normalize={(value?: string) => value?.toUpperCase()}
              rules={[
                { required: true, message: t('common.required', { field: t('fields.order.currency') }) },
                { pattern: currencyPattern, message: t('orders.currencyInvalid') },
              ]}
            >
              <AutoComplete options={commonCurrencies.map((code) => ({ value: code }))} data-testid="order-currency" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="channel" label={t('fields.order.channel')} rules={[{ max: 100, message: t('orders.channelTooLong') }]}>
              <Input placeholder={t('orders.channelPlaceholder')} data-testid="order-channel" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t('fields.order.notes')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={20000} data-testid="order-notes" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('fields.order.lines')}
        </Typography.Title>
        <OrderLinesEditor form={form} currency={shownCurrency} />
      </Form>
    </Drawer>
  );
}

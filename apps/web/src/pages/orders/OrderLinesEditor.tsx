import { Button, Flex, Form, Input, InputNumber, Table, Tooltip, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { FormListFieldData } from 'antd/es/form/FormList';
import { useTranslation } from 'react-i18next';
import type { OrderLineInput } from '../../api/orders';
import type { Product } from '../../api/products';
import { ProductSelect } from '../../components/ProductSelect';
import { useFormatters } from '../../components/format/useFormatters';

/** One line as the form holds it: numbers stay empty until typed. */
export interface OrderLineValues {
  productId?: number | null;
  description?: string;
  quantity?: number | null;
  unitPrice?: number | null;
  unitCost?: number | null;
}

/** The server's limit on lines per order. */
export const maxOrderLines = 1000;

/** The largest unit price or cost the server takes. */
const maxAmount = 1e12;

/** A new line: one of something. */
export const emptyLine: OrderLineValues = { quantity: 1 };

/** quantity × unit price, or null while either is missing. */
export const lineAmount = (line: OrderLineValues | undefined): number | null =>
  typeof line?.quantity === 'number' && typeof line.unitPrice === 'number' ? line.quantity * line.unitPrice : null;

/** The order's total as the server computes it: the lines' amounts, rounded to cents. */
export const orderTotal = (lines: (OrderLineValues | undefined)[] | undefined): number =>
  Math.round((lines ?? []).reduce((sum, line) => sum + (lineAmount(line) ?? 0), 0) * 100) / 100;

/** The lines as POST /api/orders takes them (after the form has validated them). */
export const toLineInputs = (lines: OrderLineValues[]): OrderLineInput[] =>
  lines.map((line) => ({
    productId: line.productId ?? null,
    description: line.description?.trim() || null,
    quantity: line.quantity ?? 0,
    unitPrice: line.unitPrice ?? 0,
    unitCost: line.unitCost ?? null,
  }));

const cell = { style: { marginBottom: 0 } } as const;

/**
 * The editable lines of a new order, inside its Form as the list `lines`: a product (whose name, list price
 * and unit cost fill the line), a description, a quantity (negative for a return, never 0), the unit price
 * paid, the unit cost, and the line's amount. Field errors of the server (`lines.0.quantity`) land on the
 * cells of this table.
 */
export function OrderLinesEditor({ form, currency }: { form: FormInstance; currency?: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const lines = Form.useWatch<OrderLineValues[] | undefined>('lines', form);

  const pickProduct = (index: number, product: Product | null) => {
    if (!product) return;
    form.setFields([
      { name: ['lines', index, 'description'], value: product.name, errors: [] },
      ...(product.listPrice !== null ? [{ name: ['lines', index, 'unitPrice'], value: product.listPrice, errors: [] }] : []),
      { name: ['lines', index, 'unitCost'], value: product.unitCost, errors: [] },
    ]);
  };

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  // What the API takes for a price or a cost (0 to 1e12).
  const amountRule = { type: 'number' as const, min: 0, max: maxAmount, message: t('orders.amountRange') };

  const columns = (remove: (index: number) => void, count: number): ColumnsType<FormListFieldData> => [
    { key: 'lineNo', title: '#', width: 44, render: (_v, field) => <Typography.Text type="secondary">{field.name + 1}</Typography.Text> },
    {
      key: 'product',
      title: t('fields.order.product'),
      width: 260,
      render: (_v, { name }) => (
        <Form.Item {...cell} name={[name, 'productId']}>
          <ProductSelect allowClear onChange={(_id, product) => pickProduct(name, product)} testId={`order-line-product-${name}`} />
        </Form.Item>
      ),
    },
    {
      key: 'description',
      title: t('fields.order.description'),
      render: (_v, { name }) => (
        <Form.Item
          {...cell}
          name={[name, 'description']}
          dependencies={[['lines', name, 'productId']]}
          rules={[
            { max: 500, message: t('orders.descriptionTooLong') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value?: string) => {
                if (!getFieldValue(['lines', name, 'productId']) && !value?.trim()) throw new Error(t('orders.lineNeedsItem'));
              },
            }),
          ]}
        >
          <Input data-testid={`order-line-description-${name}`} />
        </Form.Item>
      ),
    },
    {
      key: 'quantity',
      title: (
        <Flex gap={4} align="center">
          {t('fields.order.quantity')}
          <Tooltip title={t('orders.quantityHint')}>
            <QuestionCircleOutlined style={{ color: 'rgba(0, 0, 0, 0.45)' }} />
          </Tooltip>
        </Flex>
      ),
      width: 110,
      render: (_v, { name }) => (
        <Form.Item
          {...cell}
          name={[name, 'quantity']}
          rules={[
            required(t('fields.order.quantity')),
            { validator: async (_rule, value?: number | null) => { if (value === 0) throw new Error(t('orders.quantityZero')); } },
          ]}
        >
          <InputNumber style={{ width: '100%' }} data-testid={`order-line-quantity-${name}`} />
        </Form.Item>
      ),
    },
    {
      key: 'unitPrice',
      title: t('fields.order.unitPrice'),
      width: 130,
      render: (_v, { name }) => (
        <Form.Item {...cell} name={[name, 'unitPrice']} rules={[required(t('fields.order.unitPrice')), amountRule]}>
          <InputNumber min={0} style={{ width: '100%' }} data-testid={`order-line-price-${name}`} />
        </Form.Item>
      ),
    },
    {
      key: 'unitCost',
      title: t('fields.order.unitCost'),
      width: 120,
      render: (_v, { name }) => (
        <Form.Item {...cell} name={[name, 'unitCost']} rules={[amountRule]}>
          <InputNumber min={0} style={{ width: '100%' }} data-testid={`order-line-cost-${name}`} />
        </Form.Item>
      ),
    },
    {
      key: 'amount',
      title: t('fields.order.amount'),
      width: 130,
      align: 'right',
      render: (_v, { name }) => {
        const amount = lineAmount(lines?.[name]);
        return (
          <Typography.Text type={amount !== null && amount < 0 ? 'danger' : undefined} data-testid={`order-line-amount-${name}`}>
            {amount === null ? '—' : format.money(amount, currency)}
          </Typography.Text>
        );
      },
    },
    {
      key: 'remove',
      width: 44,
      render: (_v, { name }) => (
        <Tooltip title={t('orders.removeLine')}>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('orders.removeLine')}
            disabled={count <= 1}
            onClick={() => remove(name)}
            data-testid={`order-line-remove-${name}`}
          />
        </Tooltip>
      ),
    },
  ];

  return (
    <Form.List
      name="lines"
      rules={[
        {
          validator: async (_rule, value?: unknown[]) => {
            if (!value?.length) throw new Error(t('orders.needLines'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8}>
          <Table<FormListFieldData>
            className="order-lines-editor"
            rowKey="key"
            size="small"
            tableLayout="fixed"
            columns={columns(remove, fields.length)}
            dataSource={fields}
            pagination={false}
            data-testid="order-lines-editor"
          />
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            disabled={fields.length >= maxOrderLines}
            onClick={() => add({ ...emptyLine })}
            data-testid="order-line-add"
          >
            {t('orders.addLine')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

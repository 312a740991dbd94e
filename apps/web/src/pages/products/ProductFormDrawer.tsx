import { App, AutoComplete, Button, Col, DatePicker, Drawer, Flex, Form, Input, InputNumber, Radio, Row, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useCreateProduct, useProductCategories, useUpdateProduct, type Product, type ProductInput } from '../../api/products';
import { useEnumLabel } from '../../components/enums/EnumTag';
import { useEnumOptions } from '../../components/enums/useEnumOptions';
import { applyServerErrors } from '../../components/form/applyServerErrors';
import { useNotifyError } from '../../components/feedback/useNotifyError';

type Values = Omit<ProductInput, 'launchDate'> & { launchDate?: Dayjs | null };

const productKinds = ['product', 'service'] as const;

function toValues(product: Product | null): Partial<Values> {
  if (!product) return { kind: 'product', valueAdded: false, active: true };
  return { ...product, launchDate: product.launchDate ? dayjs(product.launchDate) : null };
}

function toInput(values: Values): ProductInput {
  return {
    sku: values.sku.trim(),
    name: values.name.trim(),
    category: values.category?.trim() || null,
    kind: values.kind,
    listPrice: values.listPrice ?? null,
    unitCost: values.unitCost ?? null,
    valueAdded: values.valueAdded ?? false,
    launchDate: values.launchDate ? values.launchDate.format('YYYY-MM-DD') : null,
    active: values.active ?? true,
    description: values.description?.trim() || null,
  };
}

/** Creates or edits a catalogue item; editing sends the loaded `version`. */
export function ProductFormDrawer({ open, product, onClose }: { open: boolean; product: Product | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const categories = useProductCategories();
  const label = useEnumLabel();
  const notifyError = useNotifyError();
  const kindOptions = useEnumOptions('productKind', productKinds);

  const onError = (error: unknown) => {
    if (isApiError(error, 409)) void message.warning(t('errors.conflict'));
    else if (!applyServerErrors(form, error)) notifyError(error);
  };
  const done = (text: string) => {
    void message.success(text);
    onClose();
  };
  const submit = (values: Values) => {
    const body = toInput(values);
    if (product) update.mutate({ id: product.id, version: product.version, ...body }, { onSuccess: () => done(t('common.saved')), onError });
    else create.mutate(body, { onSuccess: () => done(t('common.createdOk')), onError });
  };

  return (
    <Drawer
      title={product ? t('products.editTitle') : t('products.createTitle')}
      open={open}
      onClose={onClose}
      size={520}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()} data-testid="product-submit">
            {product ? t('common.save') : t('common.create')}
          </Button>
        </Flex>
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={toValues(product)} onFinish={submit}>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item
              name="sku"
              label={t('fields.product.sku')}
              rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('fields.product.sku') }) }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="kind" label={t('fields.product.kind')}>
              <Radio.Group options={kindOptions} optionType="button" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="name"
              label={t('fields.product.name')}
              rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('fields.product.name') }) }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="category" label={t('fields.product.category')}>
              <AutoComplete
                // The stored value is the category key; a known key is listed with its translated name.
                options={(categories.data ?? []).map((c) => {
                  const name = label('productCategory', c);
                  return { value: c, label: name === c ? c : `${name} · ${c}` };
                })}
                placeholder={t('products.categoryPlaceholder')}
                showSearch={{
                  filterOption: (input, option) => `${option?.value ?? ''} ${option?.label ?? ''}`.toLowerCase().includes(input.toLowerCase()),
                }}
                allowClear
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="listPrice" label={t('fields.product.listPrice')}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="unitCost" label={t('fields.product.unitCost')}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="launchDate" label={t('fields.product.launchDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="valueAdded" label={t('fields.product.valueAdded')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="active" label={t('fields.product.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t('fields.product.description')}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}

import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Descriptions, Divider, Drawer, Flex, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCanWrite } from '../../api/access';
import { isApiError } from '../../api/client';
import {
  suggestionStatuses,
  useCanReviewSuggestions,
  useCreateSuggestion,
  useSuggestion,
  useUpdateSuggestion,
  type Suggestion,
  type SuggestionInput,
  type SuggestionStatus,
} from '../../api/suggestions';
import { AccountSelect } from '../../components/AccountSelect';
import { ProductSelect } from '../../components/ProductSelect';
import { ConflictAlert } from '../../components/feedback/ConflictAlert';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { applyServerErrors } from '../../components/form/applyServerErrors';
import { useFormatters } from '../../components/format/useFormatters';
import { useServiceEnumOptions } from '../tickets/serviceEnums';

interface Values {
  accountId: number | null;
  productId: number | null;
  suggestion: string;
  suggestedAt: Dayjs;
  status: SuggestionStatus;
  response: string;
}

const valuesOf = (s: Suggestion): Values => ({
  accountId: s.accountId,
  productId: s.productId,
  suggestion: s.suggestion,
  suggestedAt: dayjs(s.suggestedAt),
  status: s.status,
  response: s.response ?? '',
});

interface Props {
  open: boolean;
  onClose: () => void;
  /** The suggestion to change or review; null for a new one. */
  suggestion: Suggestion | null;
  /** A new suggestion's product (from the product's panel), fixed. */
  product?: { id: number; label: string };
}

/**
 * Records a customer's suggestion (about a product, or an idea for a new one), or changes one. Admins and
 * managers also review it here: the status and the company's response. An edit carries the loaded version;
 * a 409 offers to reload. Read-only for the roles that may not change accounts.
 */
export function SuggestionsDrawer({ open, onClose, suggestion, product }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormatters();
  const [form] = Form.useForm<Values>();
  const canWrite = useCanWrite('accounts');
  const canReview = useCanReviewSuggestions();
  const create = useCreateSuggestion();
  const update = useUpdateSuggestion();
  const fresh = useSuggestion(open && suggestion ? suggestion.id : undefined);
  const notifyError = useNotifyError();
  const statusOptions = useServiceEnumOptions('suggestionStatus', suggestionStatuses);
  const [loaded, setLoaded] = useState<Suggestion | null>(suggestion);
  const [conflict, setConflict] = useState(false);

  useEffect(() => {
    if (open) {
      setLoaded(suggestion);
      setConflict(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const onError = (error: unknown) => {
    if (isApiError(error, 409)) setConflict(true);
    else if (!applyServerErrors(form, error)) notifyError(error);
  };
  const done = () => {
    void message.success(t('service.suggestions.saved'));
    onClose();
  };

  const submit = (values: Values) => {
    const input: SuggestionInput = {
      accountId: values.accountId!,
      productId: product ? product.id : (values.productId ?? null),
      suggestion: values.suggestion.trim(),
      suggestedAt: values.suggestedAt.toISOString(),
    };
    if (!loaded) {
      create.mutate(input, { onSuccess: done, onError });
      return;
    }
    const before = valuesOf(loaded);
    const patch: Partial<SuggestionInput> = {};
    if (input.accountId !== loaded.accountId) patch.accountId = input.accountId;
    if (input.productId !== loaded.productId) patch.productId = input.productId;
    if (input.suggestion !== loaded.suggestion) patch.suggestion = input.suggestion;
    if (!values.suggestedAt.isSame(before.suggestedAt)) patch.suggestedAt = input.suggestedAt;
    if (canReview) {
      if (values.status !== loaded.status) patch.status = values.status;
      const response = values.response?.trim() || null;
      if (response !== loaded.response) patch.response = response;
    }
    if (Object.keys(patch).length === 0) return onClose();
    update.mutate({ id: loaded.id, version: loaded.version, ...patch }, { onSuccess: done, onError });
  };

  const reload = async () => {
    const result = await fresh.refetch();
    if (result.data) {
      form.resetFields();
      form.setFieldsValue(valuesOf(result.data));
      setLoaded(result.data);
      setConflict(false);
    }
  };

  const initialValues: Values = suggestion
    ? valuesOf(suggestion)
    : { accountId: null, productId: product?.id ?? null, suggestion: '', suggestedAt: dayjs(), status: 'new', response: '' };
  const title = !suggestion ? t('service.suggestions.createTitle') : canReview ? t('service.suggestions.reviewTitle') : t('service.suggestions.editTitle');
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];

  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={600}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{canWrite ? t('common.cancel') : t('common.close')}</Button>
          {canWrite ? (
            <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()} data-testid="suggestion-save">
              {t('common.save')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      {conflict ? (
        <ConflictAlert
          testId="suggestion-conflict"
          title={t('service.suggestions.conflictTitle')}
          description={t('service.suggestions.conflict')}
          reloadLabel={t('service.suggestions.reloadTheirs')}
          reloading={fresh.isFetching}
          onReload={() => void reload()}
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={submit} disabled={!canWrite} data-testid="suggestion-form">
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item name="accountId" label={t('service.fields.account')} rules={required(t('service.fields.account'))}>
              <AccountSelect initialLabel={suggestion?.accountName} testId="suggestion-account" />
            </Form.Item>
          </Col>
          <Col span={16}>
            {product ? (
              <Form.Item label={t('service.suggestions.product')}>
                <Input value={product.label} disabled />
              </Form.Item>
            ) : (
              <Form.Item name="productId" label={t('service.suggestions.product')} extra={t('service.suggestions.productHint')}>
                <ProductSelect
                  allowClear
                  initialLabel={suggestion?.productSku ? `${suggestion.productSku} · ${suggestion.productName}` : undefined}
                  placeholder={t('service.suggestions.newProduct')}
                  testId="suggestion-product"
                />
              </Form.Item>
            )}
          </Col>
          <Col span={8}>
            <Form.Item name="suggestedAt" label={t('service.suggestions.suggestedAt')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="suggestion" label={t('service.suggestions.suggestion')} rules={[...required(t('service.suggestions.suggestion')), { max: 5000 }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} placeholder={t('service.suggestions.suggestionPlaceholder')} data-testid="suggestion-text" />
            </Form.Item>
          </Col>
        </Row>
        {suggestion ? (
          canReview ? (
            <>
              <Divider titlePlacement="start" plain>
                {t('service.suggestions.review')}
              </Divider>
              <Row gutter={16}>
                <Col span={10}>
                  <Form.Item name="status" label={t('service.fields.status')}>
                    <Select options={statusOptions} data-testid="suggestion-status" />
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <Form.Item label={t('service.suggestions.reviewedAt')}>
                    <Input value={format.dateTime(loaded?.reviewedAt)} disabled />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item name="response" label={t('service.suggestions.response')} rules={[{ max: 5000 }]}>
                    <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} placeholder={t('service.suggestions.responsePlaceholder')} data-testid="suggestion-response" />
                  </Form.Item>
                </Col>
              </Row>
            </>
          ) : (
            <>
              <Alert type="info" showIcon title={t('service.suggestions.reviewHint')} style={{ marginBottom: 16 }} />
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('service.fields.status')}>{statusOptions.find((o) => o.value === suggestion.status)?.label}</Descriptions.Item>
                <Descriptions.Item label={t('service.suggestions.response')}>{suggestion.response || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('service.suggestions.reviewedAt')}>{format.dateTime(suggestion.reviewedAt)}</Descriptions.Item>
              </Descriptions>
            </>
          )
        ) : null}
      </Form>
    </Drawer>
  );
}

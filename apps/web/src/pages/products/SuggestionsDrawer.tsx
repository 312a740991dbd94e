import { Alert, Col, DatePicker, Descriptions, Divider, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCanWrite } from '../../api/access';
import { suggestionStatuses, suggestionsApi, useCanReviewSuggestions, type Suggestion, type SuggestionInput, type SuggestionStatus } from '../../api/suggestions';
import { AccountSelect } from '../../components/AccountSelect';
import { ProductSelect } from '../../components/ProductSelect';
import { changedFields } from '../../components/form/changedFields';
import { RecordFormDrawer } from '../../components/form/RecordFormDrawer';
import { useVersionedSave } from '../../components/form/useVersionedSave';
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
  const format = useFormatters();
  const [form] = Form.useForm<Values>();
  const canWrite = useCanWrite('accounts');
  const canReview = useCanReviewSuggestions();
  const statusOptions = useServiceEnumOptions('suggestionStatus', suggestionStatuses);

  const toInput = (values: Values): SuggestionInput => ({
    accountId: values.accountId!,
    productId: product ? product.id : (values.productId ?? null),
    suggestion: values.suggestion.trim(),
    suggestedAt: values.suggestedAt.toISOString(),
  });
  // Only reviewers send the review (status and response).
  const withReview = (values: Values): SuggestionInput =>
    canReview ? { ...toInput(values), status: values.status, response: values.response?.trim() || null } : toInput(values);
  const changes = (loaded: Suggestion, values: Values) => changedFields(withReview(values), withReview(valuesOf(loaded)));
  const save = useVersionedSave({
    resource: suggestionsApi,
    form,
    open,
    record: suggestion,
    valuesOf,
    toCreate: toInput,
    changes,
    savedText: () => t('service.suggestions.saved'),
    onClose,
  });

  const initialValues: Values = suggestion
    ? valuesOf(suggestion)
    : { accountId: null, productId: product?.id ?? null, suggestion: '', suggestedAt: dayjs(), status: 'new', response: '' };
  const title = !suggestion ? t('service.suggestions.createTitle') : canReview ? t('service.suggestions.reviewTitle') : t('service.suggestions.editTitle');
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];

  return (
    <RecordFormDrawer
      title={title}
      open={open}
      onClose={onClose}
      size={600}
      save={save}
      onSave={() => form.submit()}
      canWrite={canWrite}
      conflictText={{ title: t('service.suggestions.conflictTitle'), description: t('service.suggestions.conflict'), reload: t('service.suggestions.reloadTheirs') }}
      testIds={{ save: 'suggestion-save', conflict: 'suggestion-conflict' }}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={save.submit} disabled={!canWrite} data-testid="suggestion-form">
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
                    <Input value={format.dateTime(save.loaded?.reviewedAt)} disabled />
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
    </RecordFormDrawer>
  );
}

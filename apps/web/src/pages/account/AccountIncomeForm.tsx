import { useEffect, useState } from 'react';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Segmented, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { incomePeriodTypes, useIncome, usePutIncome, type IncomePeriod, type IncomePeriodType } from '../../api/income';
import { ConflictAlert } from '../../components/feedback/ConflictAlert';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { applyServerErrors } from '../../components/form/applyServerErrors';
import { useServiceEnumOptions } from '../tickets/serviceEnums';

interface Values {
  periodType: IncomePeriodType;
  period: Dayjs;
  income: number | null;
  source: string;
  notes: string;
}

/** The first day of the period that holds `day`: 1 January, the quarter's first month, or the month's 1st. */
export function periodStartOf(day: Dayjs, type: IncomePeriodType): string {
  const month = type === 'year' ? 0 : type === 'quarter' ? Math.floor(day.month() / 3) * 3 : day.month();
  return day.month(month).date(1).format('YYYY-MM-DD');
}

const valuesOf = (p: IncomePeriod): Values => ({ periodType: p.periodType, period: dayjs(p.periodStart), income: p.income, source: p.source ?? '', notes: p.notes ?? '' });

interface Props {
  open: boolean;
  onClose: () => void;
  accountId: number;
  /** The period to change; null for a new one. */
  period: IncomePeriod | null;
  /** A period's name ("2024", "Q2 2024"), for the title. */
  labelOf: (p: IncomePeriod) => string;
}

/**
 * Sets one period's income. A new period is created; an existing one is changed at the version that was
 * loaded, and a 409 (someone changed it meanwhile) offers to reload the current figure.
 */
export function AccountIncomeForm({ open, onClose, accountId, period, labelOf }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const put = usePutIncome(accountId);
  const income = useIncome(accountId);
  const notifyError = useNotifyError();
  const typeOptions = useServiceEnumOptions('periodType', incomePeriodTypes);
  const [loaded, setLoaded] = useState<IncomePeriod | null>(period);
  const [conflict, setConflict] = useState(false);
  const periodType = Form.useWatch('periodType', form) ?? period?.periodType ?? 'year';

  useEffect(() => {
    if (open) {
      setLoaded(period);
      setConflict(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const submit = (values: Values) => {
    const periodStart = loaded ? loaded.periodStart : periodStartOf(values.period, values.periodType);
    put.mutate(
      {
        periodStart,
        income: values.income ?? 0,
        periodType: values.periodType,
        source: values.source?.trim() || null,
        notes: values.notes?.trim() || null,
        version: loaded?.version,
      },
      {
        onSuccess: () => {
          void message.success(t('service.income.saved'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 409) && !loaded) form.setFields([{ name: 'period', errors: [t('service.income.exists')] }]);
          else if (isApiError(error, 409)) setConflict(true);
          else if (!applyServerErrors(form, error)) notifyError(error);
        },
      },
    );
  };

  const reload = async () => {
    const result = await income.refetch();
    const current = result.data?.items.find((p) => p.periodStart === loaded?.periodStart);
    if (current) {
      form.resetFields();
      form.setFieldsValue(valuesOf(current));
      setLoaded(current);
      setConflict(false);
    }
  };

  const initialValues: Values = period ? valuesOf(period) : { periodType: 'year', period: dayjs().subtract(1, 'year'), income: null, source: '', notes: '' };

  return (
    <Modal
      title={period ? t('service.income.editTitle', { period: labelOf(period) }) : t('service.income.addTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: put.isPending, 'data-testid': 'income-save' } as ButtonProps}
      destroyOnHidden
      width={520}
    >
      {conflict ? (
        <ConflictAlert
          testId="income-conflict"
          title={t('service.income.conflictTitle')}
          description={t('service.income.conflict')}
          reloadLabel={t('service.income.reloadTheirs')}
          reloading={income.isFetching}
          onReload={() => void reload()}
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={submit} data-testid="income-form">
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item name="periodType" label={t('service.income.periodType')}>
              <Segmented options={typeOptions} disabled={!!period} data-testid="income-period-type" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="period" label={t('service.income.period')} rules={[{ required: true, message: t('common.required', { field: t('service.income.period') }) }]}>
              <DatePicker picker={periodType} disabled={!!period} allowClear={false} style={{ width: '100%' }} data-testid="income-period" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="income" label={t('service.income.income')} rules={[{ required: true, message: t('common.required', { field: t('service.income.income') }) }]}>
              <InputNumber min={0} max={1e14} precision={2} style={{ width: '100%' }} data-testid="income-amount" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="source" label={t('service.income.source')} rules={[{ max: 200 }]}>
              <Input placeholder={t('service.income.sourcePlaceholder')} maxLength={200} data-testid="income-source" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t('service.income.notes')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={20000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

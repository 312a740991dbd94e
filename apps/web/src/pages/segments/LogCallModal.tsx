import { App, AutoComplete, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLogPriorityCall, type PriorityItem } from '../../api/segments';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { useFormatters } from '../../components/format/useFormatters';
import { useLocalizedText } from '../../components/format/useLocalizedText';
import { RankedAccountModal } from './RankedAccountsPage';

interface Values {
  outcome?: string;
  notes?: string;
}

const outcomes = ['interested', 'callBack', 'noAnswer', 'declined'] as const;

/** A call made from the priority list, logged as an outbound call on the account (naming the offer discussed). */
export function LogCallModal({ item, quietDays, onClose }: { item: PriorityItem | null; quietDays: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const format = useFormatters();
  const localized = useLocalizedText();
  const [form] = Form.useForm<Values>();
  const logCall = useLogPriorityCall();

  const submit = (values: Values) => {
    if (!item) return;
    logCall.mutate(
      { accountId: item.accountId, outcome: values.outcome?.trim() || undefined, notes: values.notes?.trim() || undefined, productName: item.topProductName, language: i18n.language === 'en-US' ? 'en' : 'zh' },
      {
        onSuccess: () => {
          void message.success(quietDays > 0 ? t('segments.priority.call.doneQuiet', { days: quietDays }) : t('segments.priority.call.done'));
          onClose();
        },
        onError: notifyError,
      },
    );
  };

  return (
    <RankedAccountModal
      open={item !== null}
      title={item ? t('segments.priority.call.title', { name: item.name }) : ''}
      okText={t('segments.priority.call.submit')}
      okTestId="segments-call-submit"
      submitting={logCall.isPending}
      onOk={() => form.submit()}
      onClose={onClose}
      width={560}
      facts={
        item
          ? [
              ...(item.phone ? [{ key: 'phone', label: t('segments.priority.call.phone'), children: item.phone }] : []),
              {
                key: 'offer',
                label: t('segments.priority.call.offer'),
                children: `${item.topProductName} · ${t('segments.priority.probability', { value: format.percent(item.topProbability) })}`,
              },
              ...(localized(item.topReason?.text) ? [{ key: 'reason', label: t('segments.priority.reason'), children: localized(item.topReason?.text) }] : []),
            ]
          : []
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="segments-call-form" preserve={false}>
        <Form.Item name="outcome" label={t('segments.priority.call.outcome')} rules={[{ max: 200 }]}>
          <AutoComplete
            options={outcomes.map((key) => ({ value: t(`segments.priority.call.outcomes.${key}`) }))}
            placeholder={t('segments.priority.call.outcomePlaceholder')}
            data-testid="segments-call-outcome"
          />
        </Form.Item>
        <Form.Item name="notes" label={t('segments.priority.call.notes')} rules={[{ max: 5000 }]}>
          <Input.TextArea rows={4} data-testid="segments-call-notes" />
        </Form.Item>
      </Form>
    </RankedAccountModal>
  );
}

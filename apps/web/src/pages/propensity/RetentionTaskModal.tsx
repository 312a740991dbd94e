import { App, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCreateRetentionTask, type ChurnItem } from '../../api/propensity';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { useFormatters } from '../../components/format/useFormatters';
import { useLanguage } from '../../i18n/useLanguage';
import { RankedAccountModal } from '../segments/RankedAccountsPage';
import { FactorList } from './features';

/** The retention task for one customer of the churn list: notes optional, due in a week, for the account's owner. */
export function RetentionTaskModal({ item, onClose, onCreated }: { item: ChurnItem | null; onClose: () => void; onCreated: (accountId: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const format = useFormatters();
  const [form] = Form.useForm<{ notes?: string }>();
  const create = useCreateRetentionTask();
  const navigate = useNavigate();
  const [language] = useLanguage();

  const submit = ({ notes }: { notes?: string }) => {
    if (!item) return;
    create.mutate(
      { accountId: item.accountId, notes: notes?.trim() || undefined, language: language === 'zh-CN' ? 'zh' : 'en' },
      {
        onSuccess: () => {
          onCreated(item.accountId);
          void message.success({
            content: (
              <span data-testid="propensity-task-created">
                {t('propensity.churn.task.done', { name: item.name })}{' '}
                <a onClick={() => navigate(`/accounts/${item.accountId}?tab=activities`)}>{t('propensity.churn.task.open')}</a>
              </span>
            ),
            duration: 6,
          });
          onClose();
        },
        onError: notifyError,
      },
    );
  };

  return (
    <RankedAccountModal
      open={item !== null}
      title={item ? t('propensity.churn.task.title', { name: item.name }) : ''}
      okText={t('propensity.churn.task.submit')}
      okTestId="propensity-task-submit"
      submitting={create.isPending}
      onOk={() => form.submit()}
      onClose={onClose}
      width={600}
      facts={
        item
          ? [
              {
                key: 'risk',
                label: t('propensity.churn.probability'),
                children: format.percent(item.corrected),
              },
              { key: 'owner', label: t('propensity.churn.task.assignee'), children: item.ownerName ?? t('propensity.churn.task.you') },
              { key: 'reasons', label: t('propensity.churn.reasons'), children: <FactorList factors={item.factors} churn /> },
            ]
          : []
      }
    >
      <Typography.Paragraph type="secondary" className="panel-help">
        {t('propensity.churn.task.help')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} data-testid="propensity-task-form">
        <Form.Item name="notes" label={t('propensity.churn.task.notes')} rules={[{ max: 5000 }]}>
          <Input.TextArea rows={4} placeholder={t('propensity.churn.task.notesPlaceholder')} data-testid="propensity-task-notes" />
        </Form.Item>
      </Form>
    </RankedAccountModal>
  );
}

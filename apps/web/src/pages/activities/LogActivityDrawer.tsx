import { App, Button, Col, DatePicker, Drawer, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCreateActivity } from '../../api/activities';
import { useContacts } from '../../api/contacts';
import type { ActivityType } from '../../api/enums';
import { AccountSelect } from '../../components/AccountSelect';
import { useEnumOptions } from '../../components/enums/useEnumOptions';
import { applyServerErrors } from '../../components/form/applyServerErrors';
import { useNotifyError } from '../../components/feedback/useNotifyError';

/** The touch types a user logs by hand (tasks are planned, not logged). */
const loggedTypes = ['call_in', 'call_out', 'email', 'visit', 'meeting', 'note'] as const;

interface Values {
  accountId?: number;
  contactId?: number;
  type: ActivityType;
  subject: string;
  occurredAt: Dayjs;
  durationMinutes?: number;
  outcome?: string;
  body?: string;
}

/** "Log activity": a call, email, visit, meeting or note with an account, with its duration and outcome. */
export function LogActivityDrawer({ open, accountId, onClose }: { open: boolean; accountId?: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const create = useCreateActivity();
  const notifyError = useNotifyError();
  const typeOptions = useEnumOptions('activityType', loggedTypes);
  const chosenAccount = Form.useWatch('accountId', form) ?? accountId;
  const contacts = useContacts({ accountId: chosenAccount, pageSize: 100, sort: 'name', order: 'asc' }, { enabled: Boolean(chosenAccount) && open });

  const submit = (values: Values) => {
    const account = accountId ?? values.accountId ?? null;
    create.mutate(
      {
        accountId: account,
        contactId: values.contactId ?? null,
        type: values.type,
        subject: values.subject.trim(),
        occurredAt: values.occurredAt.toISOString(),
        durationMinutes: values.durationMinutes ?? null,
        outcome: values.outcome?.trim() || null,
        body: values.body?.trim() || null,
      },
      {
        onSuccess: () => {
          void message.success(t('activities.logged'));
          if (account) void queryClient.invalidateQueries({ queryKey: ['accounts', 'timeline', account] });
          void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
          onClose();
        },
        onError: (error) => {
          if (!applyServerErrors(form, error)) notifyError(error);
        },
      },
    );
  };

  return (
    <Drawer
      title={t('activities.logTitle')}
      open={open}
      onClose={onClose}
      size={520}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="activity-submit">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ type: 'call_out', occurredAt: dayjs() }}
        onFinish={submit}
      >
        <Row gutter={16}>
          {accountId === undefined ? (
            <Col span={24}>
              <Form.Item name="accountId" label={t('fields.activity.account')}>
                <AccountSelect allowClear />
              </Form.Item>
            </Col>
          ) : null}
          <Col span={24}>
            <Form.Item name="type" label={t('fields.activity.type')} rules={[{ required: true }]}>
              <Select options={typeOptions} data-testid="activity-type" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="subject"
              label={t('fields.activity.subject')}
              rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('fields.activity.subject') }) }]}
            >
              <Input maxLength={200} data-testid="activity-subject" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="occurredAt" label={t('fields.activity.occurredAt')} rules={[{ required: true }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="durationMinutes" label={t('fields.activity.durationMinutes')}>
              <InputNumber min={0} max={24 * 60} precision={0} style={{ width: '100%' }} data-testid="activity-duration" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="contactId" label={t('fields.activity.contact')}>
              <Select
                allowClear
                disabled={!chosenAccount}
                loading={contacts.isFetching}
                options={(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="outcome" label={t('fields.activity.outcome')}>
              <Input placeholder={t('activities.outcomePlaceholder')} data-testid="activity-outcome" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="body" label={t('fields.activity.body')}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}

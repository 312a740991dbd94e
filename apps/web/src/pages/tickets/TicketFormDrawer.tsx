import { Col, DatePicker, Form, Input, InputNumber, Rate, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth';
import { useContacts } from '../../api/contacts';
import {
  ticketKinds,
  ticketPriorities,
  ticketStatuses,
  ticketsApi,
  useCanWriteTickets,
  type Ticket,
  type TicketInput,
  type TicketKind,
  type TicketPriority,
  type TicketStatus,
} from '../../api/tickets';
import { AccountSelect } from '../../components/AccountSelect';
import { UserSelect } from '../../components/UserSelect';
import { changedFields } from '../../components/form/changedFields';
import { RecordFormDrawer } from '../../components/form/RecordFormDrawer';
import { useVersionedSave } from '../../components/form/useVersionedSave';
import { useServiceEnumOptions } from './serviceEnums';

interface Values {
  accountId: number | null;
  contactId: number | null;
  kind: TicketKind;
  subject: string;
  description: string;
  priority: TicketPriority;
  status: TicketStatus;
  assigneeId: number | null;
  openedAt: Dayjs;
  minutesSpent: number | null;
  costSpent: number | null;
  csat: number | null;
  nps: number | null;
}

function formValues(ticket: Ticket): Values {
  return {
    accountId: ticket.accountId,
    contactId: ticket.contactId,
    kind: ticket.kind,
    subject: ticket.subject,
    description: ticket.description ?? '',
    priority: ticket.priority,
    status: ticket.status,
    assigneeId: ticket.assigneeId,
    openedAt: dayjs(ticket.openedAt),
    minutesSpent: ticket.minutesSpent,
    costSpent: ticket.costSpent,
    csat: ticket.csat,
    nps: ticket.nps,
  };
}

/** The input of a create, or of a patch (only what changed, so an untouched date keeps its seconds). */
function toInput(values: Values): TicketInput {
  return {
    accountId: values.accountId!,
    contactId: values.contactId ?? null,
    kind: values.kind,
    subject: values.subject.trim(),
    description: values.description?.trim() || null,
    priority: values.priority,
    status: values.status,
    assigneeId: values.assigneeId ?? null,
    openedAt: values.openedAt.toISOString(),
    minutesSpent: values.minutesSpent ?? 0,
    costSpent: values.costSpent ?? 0,
    csat: values.csat || null,
    nps: values.nps ?? null,
  };
}

// openedAt compares as its ISO text, which is equal exactly when the instant is (to the millisecond).
const changes = (before: Ticket, values: Values) => changedFields(toInput(values), toInput(formValues(before)));

interface Props {
  open: boolean;
  onClose: () => void;
  /** The ticket to edit; null for a new one. */
  ticket: Ticket | null;
  /** A new ticket's account (from an account's service tab). */
  account?: { id: number; name?: string | null };
}

/**
 * Creates or edits a service ticket: who, what, how urgent, who handles it, and the time and cost it took.
 * An edit carries the `version` that was loaded; a 409 means someone saved in between, and the user can
 * reload their version. Read-only for the roles that may not change tickets.
 */
export function TicketFormDrawer({ open, onClose, ticket, account }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const me = useCurrentUser().data;
  const canWrite = useCanWriteTickets();
  const save = useVersionedSave({
    resource: ticketsApi,
    form,
    open,
    record: ticket,
    valuesOf: formValues,
    toCreate: toInput,
    changes,
    savedText: (created) => (created ? t('service.tickets.created') : t('common.saved')),
    onClose,
  });
  const accountId = Form.useWatch('accountId', form) ?? null;
  const contacts = useContacts({ accountId: accountId ?? undefined, pageSize: 200, sort: 'name', order: 'asc' }, { enabled: open && !!accountId });
  const kindOptions = useServiceEnumOptions('ticketKind', ticketKinds);
  const priorityOptions = useServiceEnumOptions('ticketPriority', ticketPriorities);
  const statusOptions = useServiceEnumOptions('ticketStatus', ticketStatuses);

  const initialValues: Values = ticket
    ? formValues(ticket)
    : {
        accountId: account?.id ?? null,
        contactId: null,
        kind: 'request',
        subject: '',
        description: '',
        priority: 'normal',
        status: 'open',
        assigneeId: me?.id ?? null,
        openedAt: dayjs(),
        minutesSpent: 0,
        costSpent: 0,
        csat: null,
        nps: null,
      };

  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  const contactOptions = (contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }));

  return (
    <RecordFormDrawer
      title={ticket ? t('service.tickets.editTitle') : t('service.tickets.createTitle')}
      open={open}
      onClose={onClose}
      size={640}
      save={save}
      onSave={() => form.submit()}
      canWrite={canWrite}
      readOnlyText={t('service.tickets.readOnly')}
      conflictText={{ title: t('service.tickets.conflictTitle'), description: t('service.tickets.conflict'), reload: t('service.tickets.reloadTheirs') }}
      testIds={{ save: 'ticket-save', conflict: 'ticket-conflict' }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={save.submit}
        disabled={!canWrite}
        onValuesChange={(changed: Partial<Values>) => {
          if ('accountId' in changed) form.setFieldValue('contactId', null);
        }}
        data-testid="ticket-form"
      >
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="accountId" label={t('service.fields.account')} rules={required(t('service.fields.account'))}>
              <AccountSelect initialLabel={ticket?.accountName ?? account?.name} testId="ticket-account" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="contactId" label={t('service.fields.contact')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={contactOptions}
                loading={contacts.isFetching}
                disabled={!accountId || !canWrite}
                placeholder={accountId ? t('service.tickets.contactPlaceholder') : t('service.tickets.contactNeedsAccount')}
                data-testid="ticket-contact"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="subject" label={t('service.fields.subject')} rules={[...required(t('service.fields.subject')), { max: 300 }]}>
              <Input placeholder={t('service.tickets.subjectPlaceholder')} maxLength={300} data-testid="ticket-subject" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t('service.fields.description')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20000} data-testid="ticket-description" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="kind" label={t('service.fields.kind')}>
              <Select options={kindOptions} data-testid="ticket-kind" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="priority" label={t('service.fields.priority')}>
              <Select options={priorityOptions} data-testid="ticket-priority" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="status" label={t('service.fields.status')} tooltip={t('service.tickets.statusHint')}>
              <Select options={statusOptions} data-testid="ticket-status" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="assigneeId" label={t('service.fields.assignee')}>
              <UserSelect allowClear placeholder={t('service.tickets.unassigned')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="openedAt" label={t('service.fields.openedAt')} rules={required(t('service.fields.openedAt'))}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="minutesSpent" label={t('service.fields.minutesSpent')} extra={t('service.tickets.minutesHint')}>
              <InputNumber min={0} max={1_000_000} precision={0} step={15} style={{ width: '100%' }} data-testid="ticket-minutes" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="costSpent" label={t('service.fields.costSpent')} extra={t('service.tickets.costHint')}>
              <InputNumber min={0} max={1e10} precision={2} style={{ width: '100%' }} data-testid="ticket-cost" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="csat" label={t('service.fields.csat')} extra={t('service.tickets.csatHint')}>
              <Rate allowClear data-testid="ticket-csat" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="nps" label={t('service.fields.nps')} extra={t('service.tickets.npsHint')}>
              <InputNumber min={0} max={10} precision={0} style={{ width: '100%' }} data-testid="ticket-nps" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </RecordFormDrawer>
  );
}

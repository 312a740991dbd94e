import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth';
import {
  campaignChannels,
  campaignsApi,
  useCanRunCampaigns,
  type Campaign,
  type CampaignChannel,
  type CampaignInput,
  type CampaignStatus,
} from '../../api/campaigns';
import { UserSelect } from '../../components/UserSelect';
import { changedFields } from '../../components/form/changedFields';
import { RecordFormDrawer } from '../../components/form/RecordFormDrawer';
import { useVersionedSave } from '../../components/form/useVersionedSave';
import { useEnumOptions } from '../../components/enums/useEnumOptions';

interface Values {
  name: string;
  channel: CampaignChannel;
  status: CampaignStatus;
  ownerId: number | null;
  startsOn: Dayjs | null;
  endsOn: Dayjs | null;
  cost: number | null;
  subject: string;
  body: string;
}

/** A new campaign starts as a draft, is scheduled or already running; done and cancelled come later. */
const startingStatuses: CampaignStatus[] = ['draft', 'scheduled', 'running'];

function formValues(campaign: Campaign): Values {
  return {
    name: campaign.name,
    channel: campaign.channel,
    status: campaign.status,
    ownerId: campaign.ownerId,
    startsOn: campaign.startsOn ? dayjs(campaign.startsOn) : null,
    endsOn: campaign.endsOn ? dayjs(campaign.endsOn) : null,
    cost: campaign.cost,
    subject: campaign.subject ?? '',
    body: campaign.body ?? '',
  };
}

function toInput(values: Values): CampaignInput {
  return {
    name: values.name.trim(),
    channel: values.channel,
    status: values.status,
    ownerId: values.ownerId ?? null,
    startsOn: values.startsOn ? values.startsOn.format('YYYY-MM-DD') : null,
    endsOn: values.endsOn ? values.endsOn.format('YYYY-MM-DD') : null,
    cost: values.cost ?? 0,
    subject: values.subject?.trim() || null,
    body: values.body?.trim() || null,
  };
}

/** Only what changed: a PATCH that repeats an unchanged owner or status would still be checked as a change. */
const changes = (before: Campaign, values: Values) => changedFields(toInput(values), toInput(formValues(before)));

interface Props {
  open: boolean;
  onClose: () => void;
  /** The campaign to edit; null for a new one. */
  campaign: Campaign | null;
}

/**
 * Creates or edits a campaign. An edit carries the `version` that was loaded; a 409 means someone saved in
 * between, and the user can reload their version. The server's 400s land on their fields.
 */
export function CampaignFormDrawer({ open, onClose, campaign }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const me = useCurrentUser().data;
  const canWrite = useCanRunCampaigns(campaign ?? undefined);
  const save = useVersionedSave({
    resource: campaignsApi,
    form,
    open,
    record: campaign,
    valuesOf: formValues,
    toCreate: toInput,
    changes,
    savedText: (created) => (created ? t('campaigns.form.created') : t('common.saved')),
    onClose,
  });
  const channelOptions = useEnumOptions('campaignChannel', campaignChannels);
  const reachable = save.loaded ? [save.loaded.status, ...(save.loaded.allowedStatuses ?? [])] : startingStatuses;
  const statusOptions = useEnumOptions('campaignStatus', reachable);

  const initialValues: Values = campaign
    ? formValues(campaign)
    : { name: '', channel: 'email', status: 'draft', ownerId: me?.id ?? null, startsOn: null, endsOn: null, cost: 0, subject: '', body: '' };
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];

  return (
    <RecordFormDrawer
      title={campaign ? t('campaigns.form.editTitle') : t('campaigns.form.createTitle')}
      open={open}
      onClose={onClose}
      size={640}
      save={save}
      onSave={() => form.submit()}
      canWrite={canWrite}
      readOnlyText={t('campaigns.form.readOnly')}
      conflictText={{ title: t('campaigns.form.conflictTitle'), description: t('campaigns.form.conflict'), reload: t('campaigns.form.reloadTheirs') }}
      testIds={{ save: 'campaign-save', conflict: 'campaign-conflict' }}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={save.submit} disabled={!canWrite} data-testid="campaign-form">
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item name="name" label={t('campaigns.fields.name')} rules={[...required(t('campaigns.fields.name')), { max: 200 }]}>
              <Input placeholder={t('campaigns.form.namePlaceholder')} maxLength={200} data-testid="campaign-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="channel" label={t('campaigns.fields.channel')}>
              <Select options={channelOptions} data-testid="campaign-channel" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="status" label={t('campaigns.fields.status')} tooltip={t('campaigns.form.statusHint')}>
              <Select options={statusOptions} data-testid="campaign-status" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="cost" label={t('campaigns.fields.cost')} tooltip={t('campaigns.form.costHint')}>
              <InputNumber min={0} max={1e10} precision={2} style={{ width: '100%' }} data-testid="campaign-cost" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="startsOn" label={t('campaigns.fields.startsOn')}>
              <DatePicker style={{ width: '100%' }} data-testid="campaign-starts" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="endsOn"
              label={t('campaigns.fields.endsOn')}
              dependencies={['startsOn']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_rule, endsOn: Dayjs | null) => {
                    const startsOn: Dayjs | null = getFieldValue('startsOn');
                    return endsOn && startsOn && endsOn.isBefore(startsOn, 'day') ? Promise.reject(new Error(t('campaigns.form.endsBeforeStart'))) : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="campaign-ends" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="ownerId" label={t('campaigns.fields.owner')} tooltip={me?.role === 'sales' ? t('campaigns.form.ownerHint') : undefined}>
              {me?.role === 'sales' ? <Select disabled options={[{ value: me.id, label: me.name }]} /> : <UserSelect />}
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="subject" label={t('campaigns.fields.subject')} rules={[{ max: 300 }]}>
              <Input placeholder={t('campaigns.form.subjectPlaceholder')} maxLength={300} data-testid="campaign-subject" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="body" label={t('campaigns.fields.body')}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={50_000} placeholder={t('campaigns.form.bodyPlaceholder')} data-testid="campaign-body" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </RecordFormDrawer>
  );
}

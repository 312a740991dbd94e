import { useState } from 'react';
import { Alert, Button, Col, Form, InputNumber, Row, Segmented, Select, Typography } from 'antd';
import { UsergroupAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAddCampaignMembers, type AddMembersResult, type Audience, type Campaign } from '../../api/campaigns';
import { lifecycleStages, rfmSegments, valueTiers } from '../../api/enums';
import { useCustomerGroups } from '../../api/segments';
import { useEnumOptions } from '../../components/enums/useEnumOptions';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { applyServerErrors } from '../../components/form/applyServerErrors';
import { useGroupNames } from '../segments/shared';
import { AccountsPicker } from './AccountsPicker';
import { AddResultSummary } from './AddResultSummary';

type Mode = 'audience' | 'accounts';

interface Values {
  audience: {
    valueTier?: Audience['valueTier'];
    rfmSegment?: string;
    lifecycleStage?: Audience['lifecycleStage'];
    customerGroup: { groupNo?: number; minMembership: number };
  };
  accountIds: number[];
}

/** The form's values from the campaign's stored audience (the builder opens on whom the campaign aims at). */
function initialValues(campaign: Campaign): Values {
  const { valueTier, rfmSegment, lifecycleStage, customerGroup } = campaign.segment ?? {};
  return {
    audience: { valueTier, rfmSegment, lifecycleStage, customerGroup: { groupNo: customerGroup?.groupNo, minMembership: customerGroup?.minMembership ?? 0.5 } },
    accountIds: [],
  };
}

/** The criteria chosen, or null when none is (the server would refuse an empty audience). */
function audienceOf(values: Values['audience']): Audience | null {
  const { customerGroup, ...scores } = values;
  const audience: Audience = Object.fromEntries(Object.entries(scores).filter(([, v]) => v !== undefined && v !== null));
  if (customerGroup.groupNo !== undefined && customerGroup.groupNo !== null) {
    audience.customerGroup = { groupNo: customerGroup.groupNo, minMembership: customerGroup.minMembership ?? 0 };
  }
  return Object.keys(audience).length ? audience : null;
}

/**
 * Adds members to a campaign: from an audience of the latest analytics (value tier, RFM segment, lifecycle stage,
 * customer group with a least degree of membership — all that are chosen must hold) or chosen customers. Shows
 * what the add did: added, already there, left out because exiting, skipped because they left before.
 */
export function AudienceBuilder({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<Mode>('audience');
  const [result, setResult] = useState<AddMembersResult | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const add = useAddCampaignMembers(campaign.id);
  const notifyError = useNotifyError();
  const groups = useCustomerGroups();
  const groupName = useGroupNames(groups.data?.groups ?? []);
  const tierOptions = useEnumOptions('valueTier', valueTiers);
  const segmentOptions = useEnumOptions('rfmSegment', rfmSegments);
  const stageOptions = useEnumOptions('lifecycleStage', lifecycleStages);
  const groupOptions = (groups.data?.groups ?? []).map((g) => ({ value: g.groupNo, label: groupName(g.groupNo) }));
  const groupNo = Form.useWatch(['audience', 'customerGroup', 'groupNo'], form);

  // Every value the form holds, not only the mounted mode's fields (onFinish would give those alone).
  const submit = () => {
    const values = form.getFieldsValue(true) as Values;
    const audience = mode === 'audience' ? audienceOf(values.audience) : null;
    if (mode === 'audience' && !audience) return setMissing(t('campaigns.audience.needCriterion'));
    if (mode === 'accounts' && !values.accountIds?.length) return setMissing(t('campaigns.audience.needAccounts'));
    setMissing(null);
    add.mutate(mode === 'audience' ? { audience: audience! } : { accountIds: values.accountIds }, {
      onSuccess: (answer) => {
        setResult(answer);
        if (mode === 'accounts') form.setFieldValue('accountIds', []);
      },
      onError: (error) => {
        setResult(null);
        if (!applyServerErrors(form, error)) notifyError(error);
      },
    });
  };

  // the criteria on the newest snapshot's scores, one picker each
  const scoreCriteria = [
    { name: 'valueTier', options: tierOptions, testId: 'audience-value-tier' },
    { name: 'rfmSegment', options: segmentOptions, testId: 'audience-rfm-segment' },
    { name: 'lifecycleStage', options: stageOptions, testId: 'audience-lifecycle-stage' },
  ] as const;
  const anyOption = (options: { value: string | number; label: string }[]) => ({ allowClear: true, placeholder: t('campaigns.audience.any'), options });

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initialValues(campaign)} onFinish={submit} onValuesChange={() => setMissing(null)} data-testid="audience-form">
      <Segmented<Mode>
        value={mode}
        onChange={(next) => {
          setMode(next);
          setMissing(null);
        }}
        options={[
          { value: 'audience', label: t('campaigns.audience.fromAudience') },
          { value: 'accounts', label: <span data-testid="audience-mode-accounts">{t('campaigns.audience.byHand')}</span> },
        ]}
        style={{ marginBottom: 12 }}
      />
      {mode === 'audience' ? (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
            {t('campaigns.audience.intro')}
          </Typography.Paragraph>
          <Row gutter={12}>
            {scoreCriteria.map(({ name, options, testId }) => (
              <Col span={8} key={name}>
                <Form.Item name={['audience', name]} label={t(`campaigns.audience.${name}`)}>
                  <Select {...anyOption(options)} data-testid={testId} />
                </Form.Item>
              </Col>
            ))}
            <Col span={16}>
              <Form.Item
                name={['audience', 'customerGroup', 'groupNo']}
                label={t('campaigns.audience.customerGroup')}
                extra={groups.data && !groups.data.run ? t('campaigns.audience.noModel') : undefined}
              >
                <Select {...anyOption(groupOptions)} loading={groups.isPending} disabled={groups.data ? !groups.data.run : false} data-testid="audience-customer-group" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['audience', 'customerGroup', 'minMembership']} label={t('campaigns.audience.minMembership')} tooltip={t('campaigns.audience.minMembershipHint')}>
                <InputNumber min={0} max={1} step={0.05} precision={2} disabled={groupNo === undefined || groupNo === null} style={{ width: '100%' }} data-testid="audience-min-membership" />
              </Form.Item>
            </Col>
          </Row>
        </>
      ) : (
        <Form.Item name="accountIds" label={t('campaigns.audience.accounts')}>
          <AccountsPicker placeholder={t('campaigns.audience.accountsPlaceholder')} testId="audience-accounts" />
        </Form.Item>
      )}
      {missing ? <Alert type="warning" showIcon title={missing} style={{ marginBottom: 12 }} /> : null}
      <Button type="primary" htmlType="submit" icon={<UsergroupAddOutlined />} loading={add.isPending} data-testid="audience-add">
        {t('campaigns.audience.add')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
        {t('campaigns.audience.exitNote')}
      </Typography.Paragraph>
      {result ? <AddResultSummary result={result} /> : null}
    </Form>
  );
}

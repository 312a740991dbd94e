import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { campaignsApi, isFinished, useCampaign, useCanRunCampaigns, type Campaign } from '../../api/campaigns';
import { isApiError } from '../../api/client';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useFormatters } from '../../components/format/useFormatters';
import { PageHeader } from '../../components/layout/PageHeader';
import { DeleteButton } from '../../components/table/RecordActions';
import { AudienceBuilder } from './AudienceBuilder';
import { AudienceSummary } from './AudienceSummary';
import { CampaignFormDrawer } from './CampaignFormDrawer';
import { CampaignMembers } from './CampaignMembers';
import { CampaignStatusBar } from './CampaignStatusBar';
import { EnumTag, useEnumLabel } from '../../components/enums/EnumTag';
import { useCampaignPeriod } from './useCampaignPeriod';
import './campaigns.css';

/** One campaign: its fields and status, the audience builder, and its members (those who left greyed, with why). */
export default function CampaignPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const campaign = useCampaign(Number.isInteger(id) && id > 0 ? id : undefined);
  const back = (
    <Link to="/campaigns">
      <Button icon={<ArrowLeftOutlined />}>{t('campaigns.page.back')}</Button>
    </Link>
  );
  const shell = (body: ReactNode) => (
    <>
      <PageHeader title={t('campaigns.list.title')} extra={back} />
      {body}
    </>
  );
  if (!Number.isInteger(id) || id <= 0 || (campaign.isError && isApiError(campaign.error, 404))) {
    return shell(
      <Card>
        <Empty description={t('campaigns.page.notFound')} />
      </Card>,
    );
  }
  if (campaign.isPending) return shell(<Card><Skeleton active paragraph={{ rows: 10 }} /></Card>);
  if (campaign.isError) return shell(<ErrorResult error={campaign.error} onRetry={() => void campaign.refetch()} />);
  return <CampaignFile campaign={campaign.data} back={back} />;
}

function CampaignFile({ campaign, back }: { campaign: Campaign; back: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const period = useCampaignPeriod();
  const statusLabel = useEnumLabel();
  const canRun = useCanRunCampaigns(campaign);
  const [editing, setEditing] = useState(false);
  const finished = isFinished(campaign.status);
  const members = campaign.members ?? { active: 0, left: 0 };
  // only those who run the campaign add members, and only while it is under way
  const adding = canRun && !finished;

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={10} style={{ minWidth: 0 }}>
            <Typography.Text ellipsis={{ tooltip: campaign.name }} style={{ fontSize: 'inherit', fontWeight: 'inherit', minWidth: 0 }} data-testid="campaign-name">
              {campaign.name}
            </Typography.Text>
            <EnumTag name="campaignStatus" value={campaign.status} testId="campaign-status" />
            <EnumTag name="campaignChannel" value={campaign.channel} />
          </Flex>
        }
        testId="campaign-title"
        extra={
          <>
            {back}
            {canRun ? (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="campaign-edit">
                  {t('campaigns.page.edit')}
                </Button>
                <DeleteButton
                  resource={campaignsApi}
                  id={campaign.id}
                  name={campaign.name}
                  variant="default"
                  onDeleted={() => navigate('/campaigns')}
                  testId="campaign-delete"
                />
              </>
            ) : null}
          </>
        }
      />
      <CampaignStatusBar campaign={campaign} canRun={canRun} />
      {finished ? (
        <Alert type="info" showIcon title={t('campaigns.page.finished', { status: statusLabel('campaignStatus', campaign.status) })} style={{ marginBottom: 16 }} data-testid="campaign-finished" />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={adding ? 10 : 24}>
          <Card title={t('campaigns.page.details')} size="small" style={{ height: '100%' }}>
            <Descriptions column={adding ? 1 : 2} size="small" styles={{ label: { width: 110 } }}>
              <Descriptions.Item label={t('campaigns.fields.subject')}>
                {campaign.subject ?? <Typography.Text type="secondary">{t('campaigns.page.noSubject')}</Typography.Text>}
              </Descriptions.Item>
              <Descriptions.Item label={t('campaigns.fields.period')}>{period(campaign)}</Descriptions.Item>
              <Descriptions.Item label={t('campaigns.fields.cost')}>{format.money(campaign.cost)}</Descriptions.Item>
              <Descriptions.Item label={t('campaigns.fields.owner')}>{campaign.ownerName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('campaigns.fields.members')}>
                <span data-testid="campaign-member-counts">
                  {t('campaigns.members.active')} {format.number(members.active)}
                  {members.left ? <Typography.Text type="secondary">{` · ${t('campaigns.members.left')} ${format.number(members.left)}`}</Typography.Text> : null}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('campaigns.fields.audience')}>
                <AudienceSummary segment={campaign.segment} />
              </Descriptions.Item>
              {campaign.body ? (
                <Descriptions.Item label={t('campaigns.fields.body')}>
                  <Typography.Paragraph ellipsis={{ rows: 4, expandable: true }} style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                    {campaign.body}
                  </Typography.Paragraph>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
        </Col>
        {adding ? (
          <Col xs={24} xl={14}>
            <Card title={t('campaigns.audience.title')} size="small" style={{ height: '100%' }}>
              <AudienceBuilder key={campaign.id} campaign={campaign} />
            </Card>
          </Col>
        ) : null}
        <Col span={24}>
          <Card title={t('campaigns.members.title')} size="small">
            <CampaignMembers campaign={campaign} canRun={adding} />
          </Card>
        </Col>
      </Row>
      <CampaignFormDrawer open={editing} campaign={campaign} onClose={() => setEditing(false)} />
    </>
  );
}

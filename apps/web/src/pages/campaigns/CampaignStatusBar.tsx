import { App, Button, Card, Flex, Popconfirm, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { campaignsApi, isFinished, useUpdateCampaign, type Campaign, type CampaignStatus } from '../../api/campaigns';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { useEnumLabel } from '../../components/enums/EnumTag';

/** The way forward; cancelled is a way out from any step before done. */
const steps: CampaignStatus[] = ['draft', 'scheduled', 'running', 'done'];

/**
 * Where the campaign stands, and the moves it may make next (as the server lists them). Done and cancelled are
 * final, so they ask first. A move made on a stale version reloads the campaign and says so.
 */
export function CampaignStatusBar({ campaign, canRun }: { campaign: Campaign; canRun: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useEnumLabel();
  const update = useUpdateCampaign();
  const fresh = campaignsApi.useOne(campaign.id);
  const notifyError = useNotifyError();
  const cancelled = campaign.status === 'cancelled';

  const move = (status: CampaignStatus) =>
    update.mutate(
      { id: campaign.id, version: campaign.version, status },
      {
        onSuccess: () => void message.success(t('campaigns.page.moved', { status: label('campaignStatus', status) })),
        onError: (error) => {
          if (isApiError(error, 409)) {
            void message.warning(t('campaigns.form.conflict'));
            void fresh.refetch();
          } else notifyError(error);
        },
      },
    );

  const moves = canRun ? campaign.allowedStatuses ?? [] : [];
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex align="center" gap={24} wrap>
        <Steps
          size="small"
          style={{ flex: '1 1 480px' }}
          current={cancelled ? -1 : steps.indexOf(campaign.status)}
          status={cancelled ? 'error' : campaign.status === 'done' ? 'finish' : 'process'}
          items={steps.map((s) => ({ title: label('campaignStatus', s) }))}
          data-testid="campaign-steps"
        />
        {cancelled ? <span data-testid="campaign-cancelled">{label('campaignStatus', 'cancelled')}</span> : null}
        {moves.length ? (
          <Flex gap={8} wrap>
            {moves.map((status) => {
              const button = (
                <Button
                  key={status}
                  type={status === 'cancelled' || status === 'draft' ? 'default' : 'primary'}
                  danger={status === 'cancelled'}
                  loading={update.isPending && update.variables?.status === status}
                  onClick={isFinished(status) ? undefined : () => move(status)}
                  data-testid={`campaign-move-${status}`}
                >
                  {t('campaigns.page.moveTo', { status: label('campaignStatus', status) })}
                </Button>
              );
              return isFinished(status) ? (
                <Popconfirm key={status} title={t('campaigns.page.finalConfirm', { status: label('campaignStatus', status) })} description={t('campaigns.page.finalHint')} onConfirm={() => move(status)} okText={t('common.yes')} cancelText={t('common.no')}>
                  {button}
                </Popconfirm>
              ) : (
                button
              );
            })}
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}

import { useState } from 'react';
import { App, Button, Flex, Input, Popconfirm, Segmented, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useCampaignMembers, useRemoveCampaignMember, type Campaign, type CampaignMember, type MemberState } from '../../api/campaigns';
import { AccountLink } from '../../components/AccountLink';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { useFormatters } from '../../components/format/useFormatters';
import { ServerTable } from '../../components/table/ServerTable';
import { EnumTag } from '../../components/enums/EnumTag';

type Shown = MemberState | 'all';

/**
 * A campaign's members, active and departed. A member who left stays in the list, greyed, with when and why: a
 * customer exit or a removal by hand. Removing marks the member left; nothing is deleted.
 */
export function CampaignMembers({ campaign, canRun }: { campaign: Campaign; canRun: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [shown, setShown] = useState<Shown>('all');
  const [q, setQ] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const members = useCampaignMembers(campaign.id, { ...paging, state: shown === 'all' ? undefined : shown, q: q || undefined });
  const remove = useRemoveCampaignMember(campaign.id);
  // what this user sees: a sales user, the members that are their own customers
  const counts = members.data?.counts ?? campaign.members ?? { active: 0, left: 0 };

  const columns: ColumnsType<CampaignMember> = [
    {
      key: 'account',
      title: t('campaigns.members.account'),
      ellipsis: true,
      render: (_v, m) => <AccountLink id={m.accountId} name={m.accountName} />,
    },
    { key: 'owner', dataIndex: 'ownerName', title: t('campaigns.members.owner'), width: 140, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { key: 'addedAt', dataIndex: 'addedAt', title: t('campaigns.members.addedAt'), width: 150, render: (v: string) => format.dateTime(v) },
    {
      key: 'state',
      title: t('campaigns.members.state'),
      width: 170,
      render: (_v, m) =>
        m.leftReason ? (
          <EnumTag name="campaignLeftReason" value={m.leftReason} testId="member-left-reason" />
        ) : (
          <Tag color="green" style={{ marginInlineEnd: 0 }}>
            {t('campaigns.members.activeTag')}
          </Tag>
        ),
    },
    { key: 'leftAt', dataIndex: 'leftAt', title: t('campaigns.members.leftAt'), width: 150, render: (v: string | null) => (v ? format.dateTime(v) : '—') },
  ];
  if (canRun) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (_v, m) =>
        m.leftAt ? null : (
          <Popconfirm
            title={t('campaigns.members.removeConfirm', { name: m.accountName.length > 40 ? `${m.accountName.slice(0, 39)}…` : m.accountName })}
            description={t('campaigns.members.removeHint')}
            okText={t('campaigns.members.remove')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              remove.mutateAsync(m.accountId).then(
                () => void message.success(t('campaigns.members.removed')),
                (error) => notifyError(error),
              )
            }
          >
            <Button type="link" size="small" danger style={{ paddingInline: 0 }} data-testid="member-remove">
              {t('campaigns.members.remove')}
            </Button>
          </Popconfirm>
        ),
    });
  }

  const select = (next: Shown) => {
    setShown(next);
    setPaging((p) => ({ ...p, page: 1 }));
  };

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <Segmented<Shown>
          value={shown}
          onChange={select}
          options={[
            { value: 'all', label: `${t('campaigns.members.all')} ${format.number(counts.active + counts.left)}` },
            { value: 'active', label: `${t('campaigns.members.active')} ${format.number(counts.active)}` },
            { value: 'left', label: <span data-testid="members-show-left">{`${t('campaigns.members.left')} ${format.number(counts.left)}`}</span> },
          ]}
          data-testid="members-state"
        />
        <Input.Search
          allowClear
          placeholder={t('campaigns.members.searchPlaceholder')}
          onSearch={(value) => {
            setQ(value.trim());
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          style={{ width: 240 }}
          data-testid="members-search"
        />
      </Flex>
      <ServerTable<CampaignMember>
        query={members}
        list={{ params: paging, onTableChange: (pagination) => setPaging({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? paging.pageSize }) }}
        columns={columns}
        rowClassName={(m) => (m.leftAt ? 'campaign-member-left' : '')}
        emptyText={shown === 'left' ? t('campaigns.members.emptyLeft') : t('campaigns.members.empty')}
        data-testid="campaign-members"
      />
    </Flex>
  );
}

import { useState } from 'react';
import { Card, Empty, Flex, Progress, Select, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useGroupMembers, type CustomerGroup, type GroupMember } from '../../api/segments';
import { useUserNames } from '../../api/useUserNames';
import { EnumTag } from '../../components/enums/EnumTag';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useFormatters } from '../../components/format/useFormatters';
import { groupColor, useGroupNames } from './shared';

/** The customers of one group, most typical first: membership in it, and in every group as a stacked bar. */
export function GroupMembersCard({
  group,
  groups,
  onSelect,
}: {
  group: CustomerGroup;
  groups: CustomerGroup[];
  onSelect: (groupNo: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const groupName = useGroupNames(groups);
  const userNames = useUserNames();
  // another group starts on its first page
  const [state, setPaging] = useState({ groupNo: group.groupNo, page: 1, pageSize: 10 });
  const paging = { page: state.groupNo === group.groupNo ? state.page : 1, pageSize: state.pageSize };
  const members = useGroupMembers(group.groupNo, paging.page, paging.pageSize);
  const name = groupName(group.groupNo);

  const title = (
    <Flex align="center" gap={8} style={{ minWidth: 0 }}>
      <span className="group-dot" style={{ background: groupColor(group.groupNo) }} />
      <Typography.Text strong ellipsis={{ tooltip: name }} style={{ minWidth: 0 }}>
        {t('segments.groups.members.title', { name })}
      </Typography.Text>
    </Flex>
  );

  return (
    <Card
      title={title}
      className="panel-card"
      data-testid="segments-members"
      styles={{ body: { padding: 0 } }}
      extra={
        <Select<number>
          size="small"
          value={group.groupNo}
          onChange={onSelect}
          style={{ width: 240 }}
          popupMatchSelectWidth={false}
          aria-label={t('segments.groups.members.pick')}
          data-testid="segments-members-group"
          options={groups.map((g) => ({
            value: g.groupNo,
            label: (
              <Flex align="center" gap={6} style={{ minWidth: 0 }}>
                <span className="group-dot" style={{ background: groupColor(g.groupNo) }} />
                <span className="ellipsis-link" style={{ maxWidth: 320 }}>
                  {groupName(g.groupNo)}
                </span>
              </Flex>
            ),
          }))}
        />
      }
    >
      {members.isError ? (
        <ErrorResult error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <Table<GroupMember>
          rowKey="accountId"
          size="small"
          tableLayout="fixed"
          loading={members.isFetching}
          dataSource={members.data?.items}
          locale={{ emptyText: members.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('segments.groups.members.empty')} /> }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: members.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (count) => t('common.total', { total: count }),
            onChange: (page, pageSize) => setPaging({ groupNo: group.groupNo, page, pageSize }),
          }}
          columns={[
            {
              key: 'name',
              dataIndex: 'name',
              title: t('segments.groups.members.account'),
              ellipsis: true,
              render: (value: string, row) => (
                <Link to={`/accounts/${row.accountId}?tab=segments`} title={value} data-testid="segments-member-link">
                  {value}
                </Link>
              ),
            },
            {
              key: 'owner',
              dataIndex: 'ownerId',
              title: t('segments.groups.members.owner'),
              width: 120,
              ellipsis: true,
              render: (id: number | null) => (id ? (userNames.get(id) ?? `#${id}`) : '—'),
            },
            {
              key: 'membership',
              dataIndex: 'membership',
              title: (
                <Tooltip title={t('segments.groups.members.membershipHint')}>
                  <span className="dotted-hint">{t('segments.groups.members.membership')}</span>
                </Tooltip>
              ),
              width: 170,
              render: (value: number) => (
                <Progress percent={Math.round(value * 1000) / 10} size="small" strokeColor={groupColor(group.groupNo)} format={(p) => `${p}%`} />
              ),
            },
            {
              key: 'memberships',
              dataIndex: 'memberships',
              title: t('segments.groups.members.memberships'),
              width: 180,
              render: (values: number[]) => <MembershipBar values={values} groups={groups} />,
            },
            {
              key: 'segment',
              dataIndex: 'segment',
              title: t('segments.groups.members.segment'),
              width: 140,
              render: (value: string | null) => (value ? <EnumTag name="rfmSegment" value={value} /> : '—'),
            },
            {
              key: 'monetary',
              dataIndex: 'monetary',
              title: t('segments.groups.members.monetary'),
              width: 120,
              align: 'right',
              render: (value: number | null) => format.money(value),
            },
            {
              key: 'clv',
              dataIndex: 'predictedClv',
              title: t('segments.groups.members.clv'),
              width: 130,
              align: 'right',
              render: (value: number | null) => format.money(value),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** A customer's membership in every group as one stacked bar; the tooltip lists them. */
export function MembershipBar({ values, groups }: { values: number[] | null | undefined; groups: CustomerGroup[] }) {
  const format = useFormatters();
  const groupName = useGroupNames(groups);
  if (!values?.length) return <>—</>;
  const total = values.reduce((sum, v) => sum + Math.max(0, v), 0) || 1;
  const rows = values
    .map((value, groupNo) => ({ groupNo, value }))
    .filter((row) => row.value > 0.0005)
    .sort((a, b) => b.value - a.value);
  const tip = (
    <Flex vertical gap={2}>
      {rows.map((row) => (
        <Flex key={row.groupNo} align="center" gap={6}>
          <span className="group-dot" style={{ background: groupColor(row.groupNo) }} />
          <span className="ellipsis-link" style={{ maxWidth: 220 }}>
            {groupName(row.groupNo)}
          </span>
          <b style={{ marginInlineStart: 'auto', paddingInlineStart: 8 }}>{format.percent(row.value)}</b>
        </Flex>
      ))}
    </Flex>
  );
  return (
    <Tooltip title={tip}>
      <div className="membership-bar" data-testid="segments-membership-bar">
        {values.map((value, groupNo) =>
          value > 0 ? <span key={groupNo} style={{ width: `${(Math.max(0, value) / total) * 100}%`, background: groupColor(groupNo) }} /> : null,
        )}
      </div>
    </Tooltip>
  );
}

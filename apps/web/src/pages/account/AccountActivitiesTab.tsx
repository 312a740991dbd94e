import { useState } from 'react';
import { useCanWrite } from '../../api/access';
import { Button, Empty, Flex, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { activitiesApi, useActivities, type Activity } from '../../api/activities';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useRecordActionColumns } from '../../components/table/useRecordActionColumns';
import { LogActivityDrawer } from '../activities/LogActivityDrawer';
import { useActivityColumns } from '../activities/useActivityColumns';

export function AccountActivitiesTab({ accountId }: { accountId: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const activities = useActivities({ accountId, ...page, sort: 'occurredAt', order: 'desc' });
  const [logging, setLogging] = useState(false);
  const canLog = useCanWrite('activities');
  const actions = useRecordActionColumns<Activity>({ resource: activitiesApi, area: 'activities', nameOf: (a) => a.subject });
  const columns = [...useActivityColumns({ showAccount: false }), ...actions];

  if (activities.isError) return <ErrorResult error={activities.error} onRetry={() => void activities.refetch()} />;
  return (
    <>
      {canLog ? (
        <Flex justify="end" className="toolbar">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setLogging(true)} data-testid="log-activity">
            {t('account.logActivity')}
          </Button>
        </Flex>
      ) : null}
      <Table<Activity>
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        columns={columns}
        dataSource={activities.data?.items}
        loading={activities.isFetching}
        locale={{ emptyText: activities.isPending ? ' ' : <Empty description={t('account.noActivities')} /> }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: activities.data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: (p, size) => setPage({ page: p, pageSize: size }),
        }}
      />
      <LogActivityDrawer open={logging} accountId={accountId} onClose={() => setLogging(false)} />
    </>
  );
}

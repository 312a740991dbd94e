import { useState } from 'react';
import { Button, Flex, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useActivities, type Activity } from '../../api/activities';
import { activityTypes } from '../../api/enums';
import { useEnumOptions } from '../../components/enums/useEnumOptions';
import { PageHeader } from '../../components/layout/PageHeader';
import { ServerTable } from '../../components/table/ServerTable';
import { useListParams } from '../../components/table/useListParams';
import { LogActivityDrawer } from './LogActivityDrawer';
import { useActivityColumns } from './useActivityColumns';

const filterNames = ['type', 'accountId'] as const;

export default function ActivitiesPage() {
  const { t } = useTranslation();
  const list = useListParams(filterNames, { sort: 'occurredAt', order: 'desc' });
  const activities = useActivities(list.params);
  const [logging, setLogging] = useState(false);
  const typeOptions = useEnumOptions('activityType', activityTypes);
  const columns = useActivityColumns({ showAccount: true, sortOrderOf: list.sortOrderOf });

  return (
    <>
      <PageHeader
        title={t('activities.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setLogging(true)}>
            {t('activities.new')}
          </Button>
        }
      />
      <Flex gap={12} wrap className="toolbar">
        <Select
          allowClear
          placeholder={t('fields.activity.type')}
          options={typeOptions}
          value={list.params.type as string | undefined}
          onChange={(value?: string) => list.update({ type: value })}
          style={{ width: 200 }}
        />
      </Flex>
      <ServerTable<Activity> query={activities} list={list} columns={columns} emptyText={t('activities.empty')} />
      <LogActivityDrawer open={logging} onClose={() => setLogging(false)} />
    </>
  );
}

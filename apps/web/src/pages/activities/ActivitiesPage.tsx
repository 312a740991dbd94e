import { useState } from 'react';
import { useCanWrite } from '../../api/access';
import { Button, Flex, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { activitiesApi, useActivities, type Activity } from '../../api/activities';
import { activityTypes } from '../../api/enums';
import { useEnumOptions } from '../../components/enums/useEnumOptions';
import { PageHeader } from '../../components/layout/PageHeader';
import { RecycleBinHint, RecycleBinSwitch } from '../../components/table/RecycleBinSwitch';
import { ServerTable } from '../../components/table/ServerTable';
import { useListParams } from '../../components/table/useListParams';
import { useRecordActionColumns } from '../../components/table/useRecordActionColumns';
import { recycleBinParam, useRecycleBin } from '../../components/table/useRecycleBin';
import { LogActivityDrawer } from './LogActivityDrawer';
import { useActivityColumns } from './useActivityColumns';

const filterNames = ['type', 'accountId', recycleBinParam] as const;

export default function ActivitiesPage() {
  const canCreate = useCanWrite('activities');
  const { t } = useTranslation();
  const list = useListParams(filterNames, { sort: 'occurredAt', order: 'desc' });
  const bin = useRecycleBin(list);
  const activities = useActivities(bin.params);
  const [logging, setLogging] = useState(false);
  const typeOptions = useEnumOptions('activityType', activityTypes);
  const actions = useRecordActionColumns<Activity>({ resource: activitiesApi, area: 'activities', inBin: bin.active, nameOf: (a) => a.subject, fixed: true });
  const columns = [...useActivityColumns({ showAccount: true, sortOrderOf: list.sortOrderOf }), ...actions];

  return (
    <>
      <PageHeader
        title={t('activities.title')}
        extra={
          <>
            <RecycleBinSwitch bin={bin} />
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setLogging(true)}>
                {t('activities.new')}
              </Button>
            ) : null}
          </>
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
      <RecycleBinHint bin={bin} />
      <ServerTable<Activity> query={activities} list={list} columns={columns} emptyText={bin.active ? t('recycleBin.empty') : t('activities.empty')} />
      <LogActivityDrawer open={logging} onClose={() => setLogging(false)} />
    </>
  );
}

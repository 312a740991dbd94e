import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useCanWrite, type RecordArea } from '../../api/access';
import type { RecordMeta } from '../../api/list';
import type { RecycleResource } from '../../api/resource';
import { useFormatters } from '../format/useFormatters';
import { DeleteButton, RestoreButton } from './RecordActions';

interface Options<T> {
  resource: RecycleResource;
  /** Decides who sees Delete (apps/server/src/modules/users/access.ts). */
  area: RecordArea;
  /** The list shows the recycle bin: "Deleted" and Restore instead of Delete. */
  inBin?: boolean;
  nameOf: (record: T) => string;
  /** Pin the actions (and in the bin the deletion time) to the right edge of a table that scrolls sideways. */
  fixed?: boolean;
}

/**
 * The last columns of a record list: Delete for those who may change the area; in the recycle bin the
 * deletion time and Restore. No column at all for those who can do neither.
 */
export function useRecordActionColumns<T extends RecordMeta>({ resource, area, inBin = false, nameOf, fixed = false }: Options<T>): ColumnsType<T> {
  const { t } = useTranslation();
  const format = useFormatters();
  const canWrite = useCanWrite(area);
  const pin = fixed ? ('right' as const) : undefined;
  if (inBin) {
    return [
      {
        key: 'deletedAt',
        dataIndex: 'deletedAt',
        title: t('recycleBin.deletedAt'),
        width: 150,
        fixed: pin,
        render: (v: string | null) => format.dateTime(v),
      },
      {
        key: 'actions',
        title: t('common.actions'),
        width: 100,
        fixed: pin,
        render: (_v, record) => <RestoreButton resource={resource} id={record.id} name={nameOf(record)} />,
      },
    ];
  }
  if (!canWrite) return [];
  return [
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      fixed: pin,
      render: (_v, record) => <DeleteButton resource={resource} id={record.id} name={nameOf(record)} />,
    },
  ];
}

import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsAdmin } from '../../api/access';
import type { RecycleResource } from '../../api/resource';
import { useFormatters } from '../format/useFormatters';
import { RestoreButton } from '../table/RecordActions';

/**
 * On the page of a record in the recycle bin (only administrators can open one): says so, with Restore.
 * Nothing for a live record.
 */
export function DeletedBanner({ resource, id, name, deletedAt }: { resource: RecycleResource; id: number; name: string; deletedAt: string | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const admin = useIsAdmin();
  if (!deletedAt) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="deleted-banner"
      title={t('recycleBin.inBin', { date: format.dateTime(deletedAt) })}
      action={admin ? <RestoreButton resource={resource} id={id} name={name} variant="default" testId="banner-restore" /> : undefined}
    />
  );
}

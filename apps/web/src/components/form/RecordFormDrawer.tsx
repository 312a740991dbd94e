import type { ReactNode } from 'react';
import { Alert, Button, Drawer, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConflictAlert } from '../feedback/ConflictAlert';
import type { VersionedSave } from './useVersionedSave';

interface Props {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  size: number;
  /** The form's save (useVersionedSave). */
  save: Pick<VersionedSave, 'conflict' | 'reload' | 'saving' | 'reloading'>;
  /** Submits the form (form.submit). */
  onSave: () => void;
  /** Those who may not change the record get the form to read: Close instead of Cancel, no Save. */
  canWrite: boolean;
  /** What those who may only read are told above the form (nothing if absent). */
  readOnlyText?: string;
  /** What the conflict alert says: someone saved in between, and the button that loads their version. */
  conflictText: { title: string; description: string; reload: string };
  testIds: { save: string; conflict: string };
  /** The form (and any note above it). */
  children: ReactNode;
}

/** The drawer a record is created or edited in: Cancel and Save below, the conflict alert above the form. */
export function RecordFormDrawer({ title, open, onClose, size, save, onSave, canWrite, readOnlyText, conflictText, testIds, children }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={size}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{canWrite ? t('common.cancel') : t('common.close')}</Button>
          {canWrite ? (
            <Button type="primary" loading={save.saving} onClick={onSave} data-testid={testIds.save}>
              {t('common.save')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      {save.conflict ? (
        <ConflictAlert
          testId={testIds.conflict}
          title={conflictText.title}
          description={conflictText.description}
          reloadLabel={conflictText.reload}
          reloading={save.reloading}
          onReload={() => void save.reload()}
        />
      ) : null}
      {!canWrite && readOnlyText ? <Alert type="info" showIcon title={readOnlyText} style={{ marginBottom: 16 }} /> : null}
      {children}
    </Drawer>
  );
}

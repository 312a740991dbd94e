import type { ReactNode } from 'react';
import { App, Button, Popconfirm, type ButtonProps } from 'antd';
import { DeleteOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RecycleResource } from '../../api/resource';
import { useActionErrorText } from '../feedback/useActionErrorText';

/** A long name in a confirmation or a toast is cut, not wrapped over five lines. */
const short = (name: string) => (name.length > 40 ? `${name.slice(0, 39)}…` : name);

interface DeleteProps {
  resource: RecycleResource;
  id: number;
  /** What the record is called, for the confirmation and the toast. */
  name: string;
  /** The confirmation's question, given the (shortened) name; "Delete “name”?" by default. */
  confirmTitle?: (name: string) => ReactNode;
  /** The line under the question; "It moves to the recycle bin…" by default. */
  description?: ReactNode;
  /** The toast after deleting, given the (shortened) name; "“name” moved to the recycle bin" by default. */
  successText?: (name: string) => string;
  onDeleted?: () => void;
  /** `link` in a table row, `default` in a page header. */
  variant?: 'link' | 'default';
  testId?: string;
}

/** Delete with a confirmation: a soft delete, so the confirmation says where the record goes. */
export function DeleteButton({ resource, id, name, confirmTitle, description, successText, onDeleted, variant = 'link', testId }: DeleteProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useActionErrorText();
  const remove = resource.useRemove();
  const button: ButtonProps = variant === 'link' ? { type: 'link', size: 'small', style: { paddingInline: 0 } } : {};

  const confirm = async () => {
    try {
      await remove.mutateAsync(id);
      void message.success(successText ? successText(short(name)) : t('recycleBin.deleted', { name: short(name) }));
      onDeleted?.();
    } catch (error) {
      void message.error({ content: errorText('delete', error), duration: 6 });
    }
  };

  return (
    <Popconfirm
      title={confirmTitle ? confirmTitle(short(name)) : t('recycleBin.deleteConfirm', { name: short(name) })}
      description={description ?? t('recycleBin.deleteHint')}
      okText={t('common.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'delete-confirm' } as ButtonProps}
      placement="bottomRight"
      onConfirm={confirm}
    >
      <Button {...button} danger icon={variant === 'default' ? <DeleteOutlined /> : undefined} loading={remove.isPending} data-testid={testId ?? 'row-delete'}>
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}

interface RestoreProps {
  resource: RecycleResource;
  id: number;
  name: string;
  onRestored?: () => void;
  variant?: 'link' | 'default';
  testId?: string;
}

/** Admin: takes a record out of the recycle bin; the list it was shown in refreshes. */
export function RestoreButton({ resource, id, name, onRestored, variant = 'link', testId }: RestoreProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useActionErrorText();
  const restore = resource.useRestore();
  const button: ButtonProps = variant === 'link' ? { type: 'link', size: 'small', style: { paddingInline: 0 } } : {};
  return (
    <Button
      {...button}
      icon={variant === 'default' ? <UndoOutlined /> : undefined}
      loading={restore.isPending}
      data-testid={testId ?? 'row-restore'}
      onClick={async () => {
        // mutateAsync: the row may be gone (refreshed away) before the answer's toast is due.
        try {
          await restore.mutateAsync(id);
          void message.success(t('recycleBin.restored', { name: short(name) }));
          onRestored?.();
        } catch (error) {
          void message.error({ content: errorText('restore', error), duration: 6 });
        }
      }}
    >
      {t('recycleBin.restore')}
    </Button>
  );
}

import { useRef, useState } from 'react';
import { App, Button, Flex, Input, Tooltip, Typography } from 'antd';
import { CheckOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../components/feedback/useNotifyError';

interface Props {
  /** the name shown */
  name: string;
  /** the name the model suggests: offered back when the analyst's name is cleared */
  suggested: string;
  /** whether the analyst has named it (a reset button then appears) */
  custom: boolean;
  canEdit: boolean;
  saving: boolean;
  /** null: back to the suggested name */
  onSave: (name: string | null) => void;
  /** prefix of the test ids: `<id>` (the name), `<id>-edit`, `<id>-input`, `<id>-reset` */
  testId: string;
  level?: 5;
}

/**
 * A group's name on one line (a long one cut with an ellipsis, whole in its tooltip), renamed in place by those
 * who may: Enter or the tick saves, Escape cancels, an empty name gives the suggested one back.
 */
export function EditableName({ name, suggested, custom, canEdit, saving, onSave, testId, level }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  // Enter saves and closes the input, whose blur must not save a second time
  const closed = useRef(false);

  const finish = () => {
    if (closed.current) return;
    closed.current = true;
    setEditing(false);
    const next = draft.trim();
    if (next === name || (!custom && next === suggested)) return;
    onSave(next || null);
  };

  if (editing) {
    return (
      <Flex align="center" gap={4} style={{ minWidth: 0, flex: '1 1 auto' }}>
        <Input
          size="small"
          autoFocus
          value={draft}
          maxLength={80}
          placeholder={suggested}
          onChange={(e) => setDraft(e.target.value)}
          onPressEnter={finish}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              closed.current = true;
              setEditing(false);
            }
          }}
          onBlur={finish}
          data-testid={`${testId}-input`}
        />
        <Button size="small" type="text" icon={<CheckOutlined />} aria-label={t('common.save')} onMouseDown={(e) => e.preventDefault()} onClick={finish} />
      </Flex>
    );
  }

  const text = level ? (
    <Typography.Title level={level} className="group-card-name" ellipsis={{ tooltip: name }} data-testid={testId} data-name={name}>
      {name}
    </Typography.Title>
  ) : (
    <Typography.Text strong className="group-card-name" ellipsis={{ tooltip: name }} data-testid={testId} data-name={name}>
      {name}
    </Typography.Text>
  );

  return (
    <Flex align="center" gap={2} style={{ minWidth: 0, flex: '1 1 auto' }}>
      {text}
      {canEdit ? (
        <Tooltip title={t('segments.common.rename')}>
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            aria-label={t('segments.common.rename')}
            loading={saving}
            onClick={() => {
              setDraft(name);
              closed.current = false;
              setEditing(true);
            }}
            data-testid={`${testId}-edit`}
          />
        </Tooltip>
      ) : null}
      {canEdit && custom ? (
        <Tooltip title={t('segments.common.resetName', { name: suggested })}>
          <Button
            size="small"
            type="text"
            icon={<RollbackOutlined />}
            aria-label={t('segments.common.resetName', { name: suggested })}
            onClick={() => onSave(null)}
            data-testid={`${testId}-reset`}
          />
        </Tooltip>
      ) : null}
    </Flex>
  );
}

/**
 * Saving a group's name with `rename` (null: back to the suggested name), saying so — or why not: the `saving`
 * and `onSave` of the group's EditableName.
 */
export function useSaveGroupName(rename: UseMutationResult<unknown, Error, { groupNo: number; name: string | null }>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  return (groupNo: number) => ({
    saving: rename.isPending,
    onSave: (name: string | null) =>
      rename.mutate({ groupNo, name }, { onSuccess: () => void message.success(t('segments.common.renamed')), onError: notifyError }),
  });
}

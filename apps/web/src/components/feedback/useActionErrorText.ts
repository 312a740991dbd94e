import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';

/**
 * Why a delete or restore failed, in the UI language: the server's 403, 404 and 409 each get a sentence
 * that says what happened and what to do; anything else keeps the server's own message.
 */
export function useActionErrorText() {
  const { t } = useTranslation();
  return (action: 'delete' | 'restore', error: unknown): string => {
    if (isApiError(error, 0)) return t('errors.network');
    if (isApiError(error, 403)) return action === 'delete' ? t('recycleBin.errors.deleteForbidden') : t('recycleBin.errors.restoreForbidden');
    if (isApiError(error, 404)) return action === 'delete' ? t('recycleBin.errors.deleteNotFound') : t('recycleBin.errors.restoreNotFound');
    if (isApiError(error, 409)) return t('recycleBin.errors.conflict');
    return error instanceof Error && error.message ? error.message : t('errors.title');
  };
}

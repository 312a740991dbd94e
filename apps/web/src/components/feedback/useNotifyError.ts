import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';

/** Shows a failed action's server message (or the network message) as a toast. */
export function useNotifyError() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return (error: unknown) => {
    const text = isApiError(error, 0) ? t('errors.network') : error instanceof Error ? error.message : t('errors.title');
    void message.error(text);
  };
}

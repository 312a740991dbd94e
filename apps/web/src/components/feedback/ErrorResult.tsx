import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../api/client';

/** A failed load, explained: forbidden and not-found get their own page, anything else the server's message and a retry. */
export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error, 403)) {
    return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={error.message || t('errors.forbidden')} />;
  }
  if (isApiError(error, 404)) {
    return (
      <Result
        status="404"
        title={t('errors.notFoundTitle')}
        subTitle={t('errors.recordNotFound')}
        extra={
          <Link to="/">
            <Button type="primary">{t('errors.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  const message = isApiError(error, 0) ? t('errors.network') : error instanceof Error ? error.message : String(error);
  return (
    <Result
      status="error"
      title={t('errors.loadFailed')}
      subTitle={message}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}

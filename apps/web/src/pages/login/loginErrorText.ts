import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client';

/** The sign-in failure in the UI language when we know its code; otherwise the server's own message. */
export function loginErrorText(error: unknown, t: TFunction): string {
  if (isApiError(error, 0)) return t('errors.network');
  if (isApiError(error) && error.code === 'invalid_credentials') return t('login.invalidCredentials');
  if (isApiError(error) && error.code === 'too_many_attempts') {
    const details = error.details as { retryAfterSeconds?: number } | null;
    return details?.retryAfterSeconds
      ? t('login.tooManyAttemptsWait', { seconds: details.retryAfterSeconds })
      : t('login.tooManyAttempts');
  }
  return error instanceof Error ? error.message : t('login.failed');
}

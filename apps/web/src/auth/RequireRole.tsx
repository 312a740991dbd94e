import type { ReactNode } from 'react';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../api/auth';
import type { Role } from '../api/enums';

/** Shows a page only to the given roles; others get a "not allowed" result instead of a broken page. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!me.data || !roles.includes(me.data.role)) {
    return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('errors.forbidden')} />;
  }
  return <>{children}</>;
}

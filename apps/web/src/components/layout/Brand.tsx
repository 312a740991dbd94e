import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

/** Logo and product name at the top of the sidebar. */
export function Brand({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to="/" className="app-brand" title={t('app.tagline')}>
      <span className="app-brand-mark">R</span>
      {collapsed ? null : <span className="app-brand-name">{t('app.name')}</span>}
    </Link>
  );
}

import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** A link to an account page, or "guest sale" for an order without a known customer. */
export function AccountLink({ id, name }: { id: number | null | undefined; name?: string | null }) {
  const { t } = useTranslation();
  if (id === null || id === undefined) return <Typography.Text type="secondary">{t('common.guestSale')}</Typography.Text>;
  return (
    <Link to={`/accounts/${id}`} className="ellipsis-link" title={name ?? undefined}>
      {name || `#${id}`}
    </Link>
  );
}

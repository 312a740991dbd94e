import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TimelineEntry } from '../../api/accounts';
import { EnumTag, useEnumLabel } from '../../components/enums/EnumTag';
import { useFormatters } from '../../components/format/useFormatters';
import { hiddenAuditFields } from './auditFields';

/**
 * The server writes timeline entries in codes: an activity's detail is its type, an order's detail its
 * total, a campaign's detail whether the customer joined or left it (and why), a change's title its action
 * and its detail the changed fields. These show them in the UI language.
 */
export function TimelineTitle({ entry }: { entry: TimelineEntry }) {
  const label = useEnumLabel();
  if (entry.type === 'order' && entry.refId) return <Link to={`/orders/${entry.refId}`}>{entry.title}</Link>;
  if (entry.type === 'campaign' && entry.refId) {
    return (
      <Link to={`/campaigns/${entry.refId}`} className="ellipsis-link" title={entry.title} style={{ maxWidth: 640 }}>
        {entry.title}
      </Link>
    );
  }
  if (entry.type === 'audit') return <Typography.Text strong>{label('auditAction', entry.title)}</Typography.Text>;
  return (
    <Typography.Text strong ellipsis={{ tooltip: entry.title }} style={{ maxWidth: 640 }}>
      {entry.title}
    </Typography.Text>
  );
}

export function TimelineDetail({ entry }: { entry: TimelineEntry }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const detail = entry.detail;
  if (!detail) return null;
  if (entry.type === 'activity') return <div><EnumTag name="activityType" value={detail} /></div>;
  // 'added', 'left:exit', 'left:removed': i18next reads a colon as a namespace, hence the underscore in the keys
  if (entry.type === 'campaign') return <div className="timeline-detail">{t(`campaigns.timeline.${detail.replace(':', '_')}` as never, { defaultValue: detail }) as string}</div>;
  if (entry.type === 'order') {
    const amount = Number(detail);
    return <div className="timeline-detail">{Number.isFinite(amount) ? `${t('fields.order.total')}: ${format.money(amount)}` : detail}</div>;
  }
  if (entry.type === 'audit') {
    // A creation lists every field it set: the "created" title says enough.
    if (entry.title === 'create') return null;
    const fields = detail
      .split(',')
      .map((field) => field.trim())
      .filter((field) => field && !hiddenAuditFields.has(field))
      .map((field) => (i18n.exists(`fields.account.${field}`) ? (t(`fields.account.${field}` as never) as string) : field));
    return fields.length ? <div className="timeline-detail">{fields.join(t('common.listSeparator'))}</div> : null;
  }
  return <div className="timeline-detail">{detail}</div>;
}

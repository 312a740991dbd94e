import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Messages } from '../../i18n/zh-CN';

/** The enumerations of tickets, suggestions and income periods; labels under `service.enums.<name>`. */
export type ServiceEnum = keyof Messages['service']['enums'];

const colors: Record<ServiceEnum, Record<string, string>> = {
  ticketKind: { request: 'blue', complaint: 'volcano', question: 'cyan', incident: 'magenta' },
  ticketPriority: { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' },
  ticketStatus: { open: 'gold', in_progress: 'processing', waiting: 'purple', resolved: 'green', closed: 'default' },
  suggestionStatus: { new: 'gold', reviewed: 'blue', adopted: 'green', rejected: 'default' },
  periodType: { year: 'default', quarter: 'default', month: 'default' },
};

export function useServiceEnumLabel() {
  const { t } = useTranslation();
  return (name: ServiceEnum, value: string | null | undefined): string =>
    value === null || value === undefined ? '—' : (t(`service.enums.${name}.${value}` as never, { defaultValue: value }) as string);
}

export function useServiceEnumOptions<V extends string>(name: ServiceEnum, values: readonly V[]) {
  const label = useServiceEnumLabel();
  return values.map((value) => ({ value, label: label(name, value) }));
}

export function ServiceEnumTag({ name, value }: { name: ServiceEnum; value: string | null | undefined }) {
  const label = useServiceEnumLabel();
  if (value === null || value === undefined) return <span>—</span>;
  return (
    <Tag color={colors[name][value]} style={{ marginInlineEnd: 0 }}>
      {label(name, value)}
    </Tag>
  );
}

/** Minutes as "2 h 5 min" (or "45 min", "3 h"). */
export function useDuration() {
  const { t } = useTranslation();
  return (minutes: number | null | undefined): string => {
    if (minutes === null || minutes === undefined) return '—';
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (hours === 0) return t('service.tickets.minutesShort', { minutes: rest });
    if (rest === 0) return t('service.tickets.hours', { hours });
    return t('service.tickets.hoursMinutes', { hours, minutes: rest });
  };
}

import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Messages } from '../../i18n/zh-CN';

export type EnumName = keyof Messages['enums'];

/** Tag colours that carry meaning: status red for cancellations, warmer colours for closer relationships. */
const colors: Partial<Record<EnumName, Record<string, string>>> = {
  orderStatus: { completed: 'green', cancelled: 'default', returned: 'red', open: 'blue' },
  relationshipLevel: { basic: 'default', reactive: 'cyan', accountable: 'blue', proactive: 'geekblue', partnership: 'purple' },
  customerType: { consumer: 'blue', intermediary: 'orange', public_interest: 'green', internal: 'default' },
  role: { admin: 'red', manager: 'gold', sales: 'blue', service: 'green', analyst: 'purple' },
  activityType: { call_in: 'cyan', call_out: 'blue', email: 'geekblue', visit: 'green', meeting: 'purple', note: 'default', task: 'orange' },
  importStatus: { uploaded: 'default', validated: 'blue', running: 'processing', done: 'success', failed: 'error' },
  analyticsRunStatus: { queued: 'default', running: 'processing', done: 'success', failed: 'error' },
  // Customer value: green for the customers to keep close, warm colours for those slipping away.
  rfmSegment: {
    champions: 'green',
    loyal: 'cyan',
    'potential-loyalists': 'blue',
    'new-customers': 'geekblue',
    promising: 'purple',
    'need-attention': 'gold',
    'about-to-sleep': 'orange',
    'at-risk': 'volcano',
    'cannot-lose-them': 'red',
    hibernating: 'default',
    lost: 'default',
  },
  valueTier: { vip: 'gold', major: 'blue', ordinary: 'cyan', small: 'default' },
  lifecycleStage: { exploration: 'geekblue', formation: 'cyan', stability: 'green', decline: 'volcano', unknown: 'default' },
  abcClass: { A: 'red', B: 'orange', C: 'default' },
  // Running is the live state (the processing blue); a customer exit is the warning colour, a removal plain.
  campaignChannel: { email: 'geekblue', sms: 'cyan', phone: 'purple' },
  campaignStatus: { draft: 'default', scheduled: 'gold', running: 'processing', done: 'success', cancelled: 'default' },
  campaignLeftReason: { exit: 'volcano', removed: 'default' },
};

/** The translated label of an API enumeration value. */
export function useEnumLabel() {
  const { t } = useTranslation();
  return (name: EnumName, value: string | null | undefined): string => {
    if (value === null || value === undefined) return '—';
    const key = `enums.${name}.${value}`;
    // Values the server may add later fall back to their code rather than a missing-key warning.
    return t(key as never, { defaultValue: value }) as string;
  };
}

export function EnumTag({ name, value, testId }: { name: EnumName; value: string | null | undefined; testId?: string }) {
  const label = useEnumLabel();
  if (value === null || value === undefined) return <span>—</span>;
  return (
    <Tag color={colors[name]?.[value]} data-testid={testId}>
      {label(name, value)}
    </Tag>
  );
}

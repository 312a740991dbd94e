import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Messages } from '../../i18n/zh-CN';

/** The enumerations of campaigns; labels under `campaigns.enums.<name>`. */
export type CampaignEnum = keyof Messages['campaigns']['enums'];

// Running is the live state (the processing blue); a customer exit is the warning colour, a removal plain.
const colors: Record<CampaignEnum, Record<string, string>> = {
  channel: { email: 'geekblue', sms: 'cyan', phone: 'purple' },
  status: { draft: 'default', scheduled: 'gold', running: 'processing', done: 'success', cancelled: 'default' },
  leftReason: { exit: 'volcano', removed: 'default' },
};

export function useCampaignEnumLabel() {
  const { t } = useTranslation();
  return (name: CampaignEnum, value: string) => t(`campaigns.enums.${name}.${value}` as never, { defaultValue: value }) as string;
}

export function useCampaignEnumOptions<V extends string>(name: CampaignEnum, values: readonly V[]) {
  const label = useCampaignEnumLabel();
  return values.map((value) => ({ value, label: label(name, value) }));
}

export function CampaignTag({ name, value, testId }: { name: CampaignEnum; value: string; testId?: string }) {
  const label = useCampaignEnumLabel();
  return (
    <Tag color={colors[name][value]} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {label(name, value)}
    </Tag>
  );
}

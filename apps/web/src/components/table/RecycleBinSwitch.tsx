import { Alert, Segmented } from 'antd';
import { DeleteOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { useRecycleBin } from './useRecycleBin';

/** "Active / Recycle bin" above a list; nothing for those who may not see the bin. */
export function RecycleBinSwitch({ bin }: { bin: ReturnType<typeof useRecycleBin> }) {
  const { t } = useTranslation();
  if (!bin.allowed) return null;
  return (
    <Segmented<'active' | 'bin'>
      aria-label={t('recycleBin.switchLabel')}
      data-testid="recycle-bin-switch"
      value={bin.active ? 'bin' : 'active'}
      onChange={(value) => bin.show(value === 'bin')}
      options={[
        { value: 'active', icon: <UnorderedListOutlined />, label: <span data-testid="recycle-bin-off">{t('recycleBin.active')}</span> },
        { value: 'bin', icon: <DeleteOutlined />, label: <span data-testid="recycle-bin-on">{t('recycleBin.bin')}</span> },
      ]}
    />
  );
}

/** What the recycle bin view is, above its table. */
export function RecycleBinHint({ bin }: { bin: ReturnType<typeof useRecycleBin> }) {
  const { t } = useTranslation();
  if (!bin.active) return null;
  return <Alert className="toolbar" type="info" showIcon title={t('recycleBin.hint')} data-testid="recycle-bin-hint" />;
}

import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ConfigProviderProps } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import relativeTime from 'dayjs/plugin/relativeTime';
import type { Language } from './language';

type Locale = NonNullable<ConfigProviderProps['locale']>;

dayjs.extend(relativeTime);

const antdLocales: Record<Language, Locale> = { 'zh-CN': zhCN, 'en-US': enUS };
const dayjsLocales: Record<Language, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

/** Ant Design's own texts (pagination, date pickers, empty states) follow the UI language, and so does dayjs. */
export function antdLocaleFor(language: Language): Locale {
  dayjs.locale(dayjsLocales[language]);
  return antdLocales[language];
}

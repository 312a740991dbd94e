import { useCallback } from 'react';
import type { LocalizedText } from '../../api/analytics';
import { useLanguage } from '../../i18n/useLanguage';

/** Picks the UI language's version of a text the server sends in English and Chinese. */
export function useLocalizedText() {
  const [language] = useLanguage();
  return useCallback(
    (text: LocalizedText | null | undefined): string => (text ? (language === 'zh-CN' ? text.zh : text.en) || text.en : ''),
    [language],
  );
}

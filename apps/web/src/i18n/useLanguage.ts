import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, storeLanguage, type Language } from './language';

/** Current UI language and a setter that persists the choice (localStorage) and updates <html lang>. */
export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const current: Language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  const change = useCallback(
    (language: Language) => {
      storeLanguage(language);
      void i18n.changeLanguage(language);
    },
    [i18n],
  );
  return [current, change];
}

import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../i18n/language';
import { useLanguage } from '../../i18n/useLanguage';

/** 简体中文 / English; each language is named in itself so anyone can find their own. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <Segmented<Language>
      data-testid="language-switch"
      aria-label={t('header.language')}
      size="small"
      value={language}
      onChange={setLanguage}
      options={languages.map((value) => ({
        value,
        label: <span data-testid={`language-${value}`}>{t(`language.${value}`)}</span>,
      }))}
    />
  );
}

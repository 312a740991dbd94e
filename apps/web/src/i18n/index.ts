import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enUS } from './en-US';
import { importProblemsZhCN } from './import-problems.zh-CN';
import { zhCN } from './zh-CN';
import { readStoredLanguage } from './language';

void i18n.use(initReactI18next).init({
  resources: {
    // the server words import problems in English; Chinese words them from their codes (pages/import/useProblemText)
    'zh-CN': { translation: zhCN, importProblems: importProblemsZhCN },
    'en-US': { translation: enUS },
  },
  lng: readStoredLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;

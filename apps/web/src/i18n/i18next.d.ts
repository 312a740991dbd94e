import 'i18next';
import type { Messages } from './zh-CN';

// Makes t('...') keys type-checked against the resource files.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

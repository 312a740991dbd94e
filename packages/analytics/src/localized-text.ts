/** A text shown in the UI, in English and Chinese. */
export interface LocalizedText {
  en: string;
  zh: string;
}

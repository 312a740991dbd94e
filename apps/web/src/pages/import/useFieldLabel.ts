import { useTranslation } from 'react-i18next';
import type { ImportKind } from '../../api/enums';
import type { ImportField } from '../../api/imports';

/** A target field's name in the UI language; the server's (English) label for fields we do not know yet. */
export function useFieldLabel(kind: ImportKind) {
  const { t, i18n } = useTranslation();
  return (field: ImportField): string => {
    const key = `import.fields.${kind}.${field.name}`;
    return i18n.exists(key) ? (t(key as never) as string) : field.label || field.name;
  };
}

/** What a field's column may hold (the fixed values a file spells in English), when the field has a hint. */
export function useFieldHint(kind: ImportKind) {
  const { t, i18n } = useTranslation();
  return (field: ImportField): string | null => {
    const key = `import.fieldHints.${kind}.${field.name}`;
    return i18n.exists(key) ? (t(key as never) as string) : null;
  };
}

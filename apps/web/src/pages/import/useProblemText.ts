import { useTranslation } from 'react-i18next';
import type { ImportRowError } from '../../api/imports';

/**
 * Why a row was refused, in the reader's language. The server's sentence is English; other languages word the
 * problem from its code and values (i18n/import-problems.*.ts), and fall back to the English sentence for a code
 * they do not know yet (a newer server).
 */
export function useProblemText() {
  const { t, i18n } = useTranslation();
  // a namespace of its own, outside the typed `translation` one: only the languages other than English have it
  const ns = 'importProblems' as never;
  return (problem: Pick<ImportRowError, 'code' | 'params' | 'message'>): string => {
    if (!problem.code || i18n.language.startsWith('en') || !i18n.exists(problem.code, { ns })) return problem.message;
    return t(problem.code as never, { ns, ...problem.params }) as string;
  };
}

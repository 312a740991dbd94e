import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStartAnalyticsRun, type ValueParams } from '../../api/analytics';
import { useCurrentUser } from '../../api/auth';
import { isApiError } from '../../api/client';
import { hasRole, modelEditorRoles } from '../../api/segments';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { useFollowedRun } from '../analytics/useFollowedRun';

/**
 * The model is computed by the analytics refresh: this starts one (with the model's settings, kept for later
 * runs), follows it — or one already under way — and refetches every figure when it ends, saying `doneText`
 * (by default that the predictive model has been updated).
 */
export function useModelRefresh(doneText?: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const me = useCurrentUser();
  const canRun = hasRole(me.data?.role, modelEditorRoles);
  const start = useStartAnalyticsRun();
  const { busy, follow, progress } = useFollowedRun(doneText ?? t('segments.common.runDone'), canRun);

  /** Starts a refresh; `params` change the models' settings (`segments`, `relationship`; null: keep them all). */
  const run = (params: Pick<Partial<ValueParams>, 'segments' | 'relationship'> | null, onStarted?: () => void) =>
    start.mutate(params ? { params } : {}, {
      onSuccess: (started) => {
        void message.success(t('segments.common.runStarted'));
        follow(started.id);
        onStarted?.();
      },
      onError: (error) => {
        const runId = isApiError(error, 409) ? (error.details as { runId?: number } | undefined)?.runId : undefined;
        if (runId) {
          void message.info(t('segments.common.alreadyRunning'));
          follow(runId);
          onStarted?.();
        } else {
          notifyError(error);
        }
      },
    });

  return { canRun, busy: busy || start.isPending, starting: start.isPending, run, progress };
}

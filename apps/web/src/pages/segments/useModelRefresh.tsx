import { useEffect, useRef, useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { runFinished, useAnalyticsRun, useAnalyticsRuns, useInvalidateSnapshot, useStartAnalyticsRun } from '../../api/analytics';
import { useCurrentUser } from '../../api/auth';
import { isApiError } from '../../api/client';
import { hasRole, modelEditorRoles, type SegmentParams } from '../../api/segments';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { RunProgress } from '../analytics/RunProgress';

/**
 * The model is computed by the analytics refresh: this starts one (with the model's settings, kept for later
 * runs), follows it — or one already under way — and refetches every figure when it ends.
 */
export function useModelRefresh() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const me = useCurrentUser();
  const canRun = hasRole(me.data?.role, modelEditorRoles);
  const runs = useAnalyticsRuns(canRun);
  const start = useStartAnalyticsRun();
  const invalidate = useInvalidateSnapshot();

  const [startedRunId, setStartedRunId] = useState<number | null>(null);
  const [closedRuns, setClosedRuns] = useState<number[]>([]);
  const runningId = runs.data?.find((run) => !runFinished(run.status))?.id ?? null;
  const candidate = startedRunId ?? runningId;
  const followedId = candidate !== null && !closedRuns.includes(candidate) ? candidate : null;
  const followed = useAnalyticsRun(followedId);
  const status = followed.data?.status;
  const busy = followedId !== null && status !== 'failed';

  const handled = useRef(new Set<number>());
  useEffect(() => {
    if (followedId === null || !runFinished(status) || handled.current.has(followedId)) return;
    handled.current.add(followedId);
    void invalidate();
    if (status === 'done') {
      void message.success(t('segments.common.runDone'));
      setClosedRuns((ids) => [...ids, followedId]);
      setStartedRunId(null);
    }
  }, [followedId, status, invalidate, message, t]);

  const follow = (id: number) => {
    setClosedRuns((ids) => ids.filter((x) => x !== id));
    handled.current.delete(id);
    setStartedRunId(id);
  };

  /** Starts a refresh; `segments` changes the model's settings (null: keep them). */
  const run = (segments: Partial<SegmentParams> | null, onStarted?: () => void) =>
    start.mutate(segments ? { params: { segments } } : {}, {
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

  const progress =
    followedId !== null ? (
      <RunProgress
        run={followed.data}
        onClose={() => {
          setClosedRuns((ids) => [...ids, followedId]);
          setStartedRunId(null);
        }}
      />
    ) : null;

  return { canRun, busy: busy || start.isPending, starting: start.isPending, run, progress };
}

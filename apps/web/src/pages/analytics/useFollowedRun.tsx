import { useEffect, useRef, useState } from 'react';
import { App } from 'antd';
import { runFinished, useAnalyticsRun, useAnalyticsRuns, useInvalidateSnapshot } from '../../api/analytics';
import { RunProgress } from './RunProgress';

/**
 * The analytics refresh a page follows: the one this user started, or one already under way (a scheduled refresh,
 * another tab). When it ends every snapshot figure is refetched once; when it succeeded, `doneText` is said and it
 * is no longer followed. `progress` shows it above the page until then (or until the user closes it).
 */
export function useFollowedRun(doneText: string, enabled = true) {
  const { message } = App.useApp();
  const runs = useAnalyticsRuns(enabled);
  const invalidateSnapshot = useInvalidateSnapshot();

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
    void invalidateSnapshot();
    if (status === 'done') {
      void message.success(doneText);
      setClosedRuns((ids) => [...ids, followedId]);
      setStartedRunId(null);
    }
  }, [followedId, status, invalidateSnapshot, message, doneText]);

  /** Follows a run just started (or found already running). */
  const follow = (id: number) => {
    setClosedRuns((ids) => ids.filter((x) => x !== id));
    handled.current.delete(id);
    setStartedRunId(id);
  };

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

  return { runs, busy, follow, progress };
}

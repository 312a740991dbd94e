import type { ActivityType } from './enums';
import type { RecordMeta } from './list';
import { resourceHooks } from './resource';

export interface Activity extends RecordMeta {
  accountId: number | null;
  /** Not documented in docs/api.md; shown when the server sends it. */
  accountName?: string | null;
  contactId: number | null;
  userId: number | null;
  userName?: string | null;
  type: ActivityType;
  subject: string;
  body: string | null;
  occurredAt: string;
  durationMinutes: number | null;
  outcome: string | null;
  dueAt: string | null;
  completedAt: string | null;
}

export type ActivityInput = Partial<
  Pick<Activity, 'accountId' | 'contactId' | 'body' | 'occurredAt' | 'durationMinutes' | 'outcome' | 'dueAt'>
> & { type: ActivityType; subject: string };

export const activitiesApi = resourceHooks<Activity, ActivityInput, Partial<ActivityInput>>('activities', '/activities', {
  related: ['accounts', 'dashboard', 'audit'],
});

export const {
  useList: useActivities,
  useOne: useActivity,
  useCreate: useCreateActivity,
  useUpdate: useUpdateActivity,
  useRemove: useRemoveActivity,
  useRestore: useRestoreActivity,
} = activitiesApi;

import { useEffect, useState } from 'react';
import { App, type FormInstance } from 'antd';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import type { RecordMeta } from '../../api/list';
import { useNotifyError } from '../feedback/useNotifyError';
import { applyServerErrors } from './applyServerErrors';

/** What a versioned save needs of a collection (api/resource.ts): one record, create, update with `version`. */
interface SavedResource<T, Create, Update> {
  useOne(id: number | undefined): UseQueryResult<T>;
  useCreate(): UseMutationResult<T, Error, Create>;
  useUpdate(): UseMutationResult<T, Error, Update & { id: number; version: number }>;
}

interface Options<T extends RecordMeta, Values, Create, Update> {
  resource: SavedResource<T, Create, Update>;
  form: FormInstance<Values>;
  /** The drawer is open; each opening starts again from `record`. */
  open: boolean;
  /** The record the form is opened on; null for a new one. */
  record: T | null;
  /** The form's values of a record: to show another person's version after a conflict. */
  valuesOf: (record: T) => Values;
  /** What a new record is created with. */
  toCreate: (values: Values) => Create;
  /** What the user changed against the record loaded: only that is sent, so an untouched date keeps its seconds. */
  changes: (loaded: T, values: Values) => Update;
  /** The toast after a save (created: a new record). */
  savedText: (created: boolean) => string;
  /** Closes the drawer: after a save, or when nothing changed. */
  onClose: () => void;
}

/**
 * Creates a record, or saves what changed with the `version` that was loaded (optimistic concurrency). A 409 means
 * someone else saved in between: `conflict` is set, and `reload` fills the form with their version. A 400's field
 * errors land on the fields; any other error is a toast.
 */
export function useVersionedSave<T extends RecordMeta, Values, Create, Update extends object>({
  resource,
  form,
  open,
  record,
  valuesOf,
  toCreate,
  changes,
  savedText,
  onClose,
}: Options<T, Values, Create, Update>) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const create = resource.useCreate();
  const update = resource.useUpdate();
  const fresh = resource.useOne(open && record ? record.id : undefined);
  // The record this form was filled from (its version and values); it only changes when the user (re)loads.
  const [loaded, setLoaded] = useState<T | null>(record);
  const [conflict, setConflict] = useState(false);

  // Each opening starts from the record as shown; the form remounts (destroyOnHidden) with its values,
  // so later refetches never overwrite what the user is typing.
  useEffect(() => {
    if (open) {
      setLoaded(record);
      setConflict(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const onError = (error: unknown) => {
    if (isApiError(error, 409)) setConflict(true);
    else if (!applyServerErrors(form, error)) notifyError(error);
  };
  const saved = (created: boolean) => () => {
    void message.success(savedText(created));
    onClose();
  };

  const submit = (values: Values) => {
    if (!loaded) {
      create.mutate(toCreate(values), { onSuccess: saved(true), onError });
      return;
    }
    const patch = changes(loaded, values);
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    update.mutate({ id: loaded.id, version: loaded.version, ...patch }, { onSuccess: saved(false), onError });
  };

  const reload = async () => {
    const result = await fresh.refetch();
    if (result.data) {
      form.resetFields();
      form.setFieldsValue(valuesOf(result.data) as Parameters<typeof form.setFieldsValue>[0]);
      setLoaded(result.data);
      setConflict(false);
    }
  };

  return {
    /** The record the form holds (null: a new one). */
    loaded,
    /** The last save met a newer version. */
    conflict,
    submit,
    reload,
    saving: create.isPending || update.isPending,
    reloading: fresh.isFetching,
  };
}

export type VersionedSave = ReturnType<typeof useVersionedSave>;

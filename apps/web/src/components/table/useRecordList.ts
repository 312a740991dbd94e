import { useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ListParams, ListResult, RecordMeta } from '../../api/list';
import { useListParams } from './useListParams';
import { recycleBinParam, useRecycleBin } from './useRecycleBin';

/** What a record list needs of its collection (api/resource.ts): the paged list. */
interface ListResource<T> {
  useList(params: ListParams): UseQueryResult<ListResult<T>>;
}

/**
 * The state of a list of records with a form drawer: search, filters, paging and sorting in the URL, the recycle
 * bin (admins), the page of records the server sends, and which record the drawer shows — 'new' for a new one.
 * `filterNames` are the list's own filters; the recycle bin's parameter is added.
 */
export function useRecordList<T extends RecordMeta>(resource: ListResource<T>, filterNames: readonly string[], defaults: { sort?: string; order?: 'asc' | 'desc' } = {}) {
  const list = useListParams([...filterNames, recycleBinParam], defaults);
  const bin = useRecycleBin(list);
  const query = resource.useList(bin.params);
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const close = () => setEditing(null);
  return {
    list,
    bin,
    query,
    /** Opens the drawer on a record, or on a new one. */
    edit: setEditing,
    /** Opens a row in the drawer; nothing in the recycle bin, where a deleted record is only shown. */
    onOpen: bin.active ? undefined : (record: T) => setEditing(record),
    /** The drawer's state: open, and on which record (null: a new one). */
    drawer: { open: editing !== null, record: editing === 'new' ? null : editing, onClose: close },
  };
}

export type RecordList<T extends RecordMeta> = ReturnType<typeof useRecordList<T>>;

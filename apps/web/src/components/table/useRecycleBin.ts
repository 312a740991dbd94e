import { useMemo } from 'react';
import { useIsAdmin } from '../../api/access';
import type { ListParams } from '../../api/list';
import type { useListParams } from './useListParams';

/** The list's URL parameter that shows the recycle bin: `?deleted=only`, as the API takes it. */
export const recycleBinParam = 'deleted';

/**
 * The recycle bin of a list page (admin only): whether it is shown, and the params to ask the server for.
 * The page's useListParams must know `deleted` as a filter. Anyone else gets the active records, even
 * with `deleted=only` in a link they were sent.
 */
export function useRecycleBin(list: Pick<ReturnType<typeof useListParams>, 'params' | 'update'>) {
  const allowed = useIsAdmin();
  const active = allowed && list.params[recycleBinParam] === 'only';
  const params = useMemo<ListParams>(() => {
    const { [recycleBinParam]: _deleted, ...rest } = list.params;
    return active ? { ...rest, [recycleBinParam]: 'only' } : rest;
  }, [list.params, active]);
  return {
    /** The user may see the bin. */
    allowed,
    /** The bin is shown. */
    active,
    /** What to ask the list endpoint for. */
    params,
    show: (bin: boolean) => list.update({ [recycleBinParam]: bin ? 'only' : null }),
  };
}

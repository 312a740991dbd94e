/** Bookkeeping columns of an audit entry, not something a user changed. */
export const hiddenAuditFields = new Set(['version', 'updatedAt', 'createdAt', 'createdBy', 'id', 'deletedAt']);

/** A value that says nothing: null, empty text, an empty list or an empty object. */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value as object).length === 0;
}

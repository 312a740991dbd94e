import type { FormInstance } from 'antd';
import { isApiError } from '../../api/client';

interface FieldIssue {
  path: string;
  message: string;
}

function isFieldIssues(details: unknown): details is FieldIssue[] {
  return Array.isArray(details) && details.every((d) => d && typeof d === 'object' && 'path' in d && 'message' in d);
}

/**
 * Puts a 400 validation_error's `details: [{path, message}]` on the form's fields.
 * Returns true when at least one issue matched a field, so the caller can skip the generic toast.
 */
export function applyServerErrors(form: FormInstance, error: unknown): boolean {
  if (!isApiError(error, 400) || !isFieldIssues(error.details)) return false;
  const known = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const fields = error.details
    .map((issue) => ({ name: issue.path.split('.')[0] ?? '', errors: [issue.message] }))
    .filter((field) => known.has(field.name));
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}

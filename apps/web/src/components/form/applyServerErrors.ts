import type { FormInstance } from 'antd';
import { isApiError } from '../../api/client';

interface FieldIssue {
  path: string;
  message: string;
}

function isFieldIssues(details: unknown): details is FieldIssue[] {
  return Array.isArray(details) && details.every((d) => d && typeof d === 'object' && 'path' in d && 'message' in d);
}

/** `lines.0.quantity` → `['lines', 0, 'quantity']`: the name a Form.List item's field has. */
const toNamePath = (path: string): (string | number)[] =>
  path
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/**
 * The longest start of `name` that is a field of the form (given its registered values), if any. Only the
 * items of a list of objects (a Form.List) have fields of their own: `tags.0` is the field `tags`.
 */
function fieldOf(values: unknown, name: (string | number)[]): (string | number)[] | null {
  let node = values;
  let depth = 0;
  for (const part of name) {
    if (node === null || typeof node !== 'object' || !(part in node)) break;
    const next = (node as Record<string | number, unknown>)[part];
    if (Array.isArray(node) && (next === null || typeof next !== 'object')) break;
    node = next;
    depth += 1;
  }
  // A list item itself is no field: its errors go to the list.
  while (depth > 0 && typeof name[depth - 1] === 'number') depth -= 1;
  return depth > 0 ? name.slice(0, depth) : null;
}

/**
 * Puts a 400 validation_error's `details: [{path, message}]` on the form's fields. Nested paths reach the
 * fields of a Form.List (`lines.0.quantity` → the quantity of the first line); a path deeper than any field
 * lands on the nearest field that holds it (`lines` for "an order needs at least one line").
 * Returns true when at least one issue matched a field, so the caller can skip the generic toast.
 */
export function applyServerErrors(form: FormInstance, error: unknown): boolean {
  if (!isApiError(error, 400) || !isFieldIssues(error.details)) return false;
  const values: unknown = form.getFieldsValue();
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of error.details) {
    const name = fieldOf(values, toNamePath(issue.path));
    if (!name) continue;
    const key = name.join('.');
    const field = byField.get(key) ?? { name, errors: [] };
    field.errors.push(issue.message);
    byField.set(key, field);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField.values()]);
  return true;
}

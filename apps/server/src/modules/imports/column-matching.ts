import { importFields } from './fields.js';
import type { ImportKind } from './schema.js';

/** "Customer ID", "customer_id" and "CustomerID" are the same column name to a person; so they are to us. */
export const normaliseColumnName = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Proposes a column for each target field: first the columns named exactly like a field, then known aliases
 * (InvoiceNo → order, dollar_value → amount, ...). A column is proposed for one field at most; fields with no
 * match get null so the client can show every field.
 */
export function suggestMapping(kind: ImportKind, headers: string[]): Record<string, string | null> {
  const fields = importFields[kind];
  const normalised = headers.map(normaliseColumnName);
  const used = new Set<number>();
  const mapping: Record<string, string | null> = Object.fromEntries(fields.map((f) => [f.name, null]));
  const claim = (fieldName: string, candidates: string[]) => {
    if (mapping[fieldName] !== null) return;
    const index = normalised.findIndex((h, i) => !used.has(i) && candidates.includes(h));
    if (index >= 0) {
      used.add(index);
      mapping[fieldName] = headers[index];
    }
  };
  for (const f of fields) claim(f.name, [normaliseColumnName(f.name)]);
  for (const f of fields) claim(f.name, f.aliases);
  return mapping;
}

import { badRequest } from '../../http/errors.js';
import { importFields } from './fields.js';
import type { ImportKind } from './schema.js';

/** Target field → column of the file, as the client sends it (unmapped fields may be absent, null or ""). */
export type ColumnMapping = Record<string, string | null | undefined>;

/** A mapping checked against the file: where each mapped field's cells are. */
export interface ResolvedMapping {
  kind: ImportKind;
  columns: string[];
  /** field name → index of its column; only mapped fields */
  index: Record<string, number>;
}

export const isMapped = (m: ResolvedMapping, field: string) => m.index[field] !== undefined;
export const columnOf = (m: ResolvedMapping, field: string) => (isMapped(m, field) ? m.columns[m.index[field]] : null);

/**
 * Checks that every key is a field of this kind, every column exists in the file and every required field is
 * mapped; the 400 lists each problem under `mapping.<field>`.
 */
export function resolveMapping(kind: ImportKind, mapping: ColumnMapping, columns: string[]): ResolvedMapping {
  const fields = importFields[kind];
  const details: { path: string; message: string }[] = [];
  const index: Record<string, number> = {};
  for (const [name, column] of Object.entries(mapping)) {
    if (!fields.some((f) => f.name === name)) {
      details.push({ path: `mapping.${name}`, message: `unknown field for ${kind} (fields: ${fields.map((f) => f.name).join(', ')})` });
      continue;
    }
    if (column === null || column === undefined || column === '') continue;
    const at = columns.indexOf(column);
    if (at < 0) details.push({ path: `mapping.${name}`, message: `the file has no column "${column}" (columns: ${columns.join(', ')})` });
    else index[name] = at;
  }
  for (const f of fields) {
    if (f.required && index[f.name] === undefined && !details.some((d) => d.path === `mapping.${f.name}`)) {
      details.push({ path: `mapping.${f.name}`, message: 'required' });
    }
  }
  if (kind === 'orders' && index.unit_price === undefined && index.amount === undefined && !details.some((d) => d.path === 'mapping.unit_price')) {
    details.push({ path: 'mapping.unit_price', message: 'required: map unit_price or amount (unit price = amount / quantity)' });
  }
  if (details.length) throw badRequest(`Invalid mapping: ${details.map((d) => d.path).join(', ')}`, details);
  return { kind, columns, index };
}

/** `order=InvoiceNo,sku=StockCode` (the CLI's --map) → {order: 'InvoiceNo', sku: 'StockCode'}. */
export function parseMapArgument(values: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const value of values) {
    for (const pair of value.split(',')) {
      if (pair.trim() === '') continue;
      const eq = pair.indexOf('=');
      if (eq <= 0) throw badRequest(`--map expects field=Column pairs, got "${pair}"`, [{ path: 'mapping', message: `not a field=Column pair: ${pair}` }]);
      mapping[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
  }
  return mapping;
}

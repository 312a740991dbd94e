/**
 * The fields of a form's input that differ from the record's input as loaded: what a versioned PATCH sends, so an
 * untouched field is never written back (nor checked again by the server, as a status move or an owner would be).
 */
export function changedFields<Input extends object>(after: Input, before: Input): Partial<Input> {
  const patch: Partial<Input> = {};
  for (const key of Object.keys(after) as (keyof Input)[]) {
    if (after[key] !== before[key]) patch[key] = after[key];
  }
  return patch;
}

import { useEnumLabel, type EnumName } from './EnumTag';

/** Select/Radio options for an enumeration, labelled in the UI language. */
export function useEnumOptions<V extends string>(name: EnumName, values: readonly V[]) {
  const label = useEnumLabel();
  return values.map((value) => ({ value, label: label(name, value) }));
}

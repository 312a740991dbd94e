import type { attributesZhCN } from './attributes.zh-CN';

/** English: an account's typed custom attributes. */
export const attributesEnUS: typeof attributesZhCN = {
  title: 'Custom attributes',
  hint: 'Further facts about the customer, such as income, household size or employees. Numeric attributes feed the customer groups and the propensity models.',
  add: 'Add attribute',
  name: 'Attribute',
  type: 'Type',
  value: 'Value',
  types: { number: 'Number', text: 'Text', boolean: 'Yes/no' },
  nameRequired: 'Name the attribute',
  duplicate: 'The attribute “{{name}}” appears twice',
  notANumber: 'Enter a number',
  remove: 'Remove attribute',
};

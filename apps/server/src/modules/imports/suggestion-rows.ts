import { suggestionStatuses } from '../products/schema.js';
import { freeText, identifier, instant, oneOf } from './field-types.js';
import type { RecordKindSpec } from './record-rows.js';

export type SuggestionField = 'external_id' | 'account' | 'product' | 'suggestion' | 'status' | 'suggested_at' | 'response' | 'reviewed_at';

const statusAliases = { open: 'new', pending: 'new', accepted: 'adopted', implemented: 'adopted', declined: 'rejected' } as const;

/**
 * Customers' product suggestions keyed by their id in the source (external_id): about a product (its SKU,
 * which must exist) or, without one, an idea for a new product. Each counts towards the customer's
 * "innovation elasticity" factor. Status and review time are taken as the file has them.
 */
export const suggestionSpec: RecordKindSpec<SuggestionField> = {
  name: 'suggestions',
  fields: {
    external_id: { type: identifier, required: 'the suggestion id is empty' },
    account: { type: identifier, required: 'the customer is empty', refersTo: 'accounts' },
    product: { type: identifier, refersTo: 'products' },
    suggestion: { type: freeText, required: 'the suggestion is empty' },
    status: { type: oneOf(suggestionStatuses, statusAliases) },
    // NOT NULL: see referral-rows.ts
    suggested_at: { type: instant, required: 'the suggestion date is empty' },
    response: { type: freeText },
    reviewed_at: { type: instant },
  },
  key: ['external_id'],
  describe: (key) => `suggestion ${key.external_id}`,
};

import type { RecordTable } from './record-upsert.js';
import type { SuggestionField } from './suggestion-rows.js';

/** Product suggestions, upserted by external id (the unique index product_suggestions_external_id_key). */
export const suggestionTable: RecordTable<SuggestionField> = {
  table: 'product_suggestions',
  conflict: '(external_id) WHERE external_id IS NOT NULL',
  columns: {
    external_id: { column: 'external_id', param: 'text[]' },
    account: { column: 'account_id', param: 'bigint[]' },
    product: { column: 'product_id', param: 'bigint[]' },
    suggestion: { column: 'suggestion', param: 'text[]' },
    // NOT NULL: the column's default on an empty cell
    status: { column: 'status', param: 'text[]', value: (v) => `coalesce(${v}, 'new')` },
    suggested_at: { column: 'suggested_at', param: 'timestamptz[]' },
    response: { column: 'response', param: 'text[]' },
    reviewed_at: { column: 'reviewed_at', param: 'timestamptz[]' },
  },
};

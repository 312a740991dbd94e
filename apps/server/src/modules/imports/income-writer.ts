import type { IncomeField } from './income-rows.js';
import type { RecordTable } from './record-upsert.js';

/** Income figures, upserted by customer and period start (the unique index account_income_period_key). */
export const incomeTable: RecordTable<IncomeField> = {
  table: 'account_income_history',
  conflict: '(account_id, period_start) WHERE deleted_at IS NULL',
  columns: {
    account: { column: 'account_id', param: 'bigint[]' },
    period_start: { column: 'period_start', param: 'date[]' },
    // NOT NULL: the column's default on an empty cell
    period_type: { column: 'period_type', param: 'text[]', value: (v) => `coalesce(${v}, 'year')` },
    income: { column: 'income', param: 'numeric[]' },
    source: { column: 'source', param: 'text[]' },
    notes: { column: 'notes', param: 'text[]' },
  },
};

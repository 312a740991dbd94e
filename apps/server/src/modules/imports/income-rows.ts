import { periodStartProblem } from '../accounts/income.js';
import { incomePeriodTypes } from '../accounts/schema.js';
import { day, freeText, identifier, money, oneOf } from './field-types.js';
import { problemOf } from './problem.js';
import type { RecordKindSpec } from './record-rows.js';

export type IncomeField = 'account' | 'period_start' | 'period_type' | 'income' | 'source' | 'notes';

type PeriodType = (typeof incomePeriodTypes)[number];
const periodAliases = { annual: 'year', yearly: 'year', quarterly: 'quarter', monthly: 'month' } as const;

/**
 * A customer's own revenue or income per period (the "income growth rate" factor), keyed as in Relata by
 * customer and period start (account_income_period_key): one figure per customer and period. A period starts
 * on its first day; without a period type (column unmapped or cell empty) a period is a year, the column's
 * default.
 */
export const incomeSpec: RecordKindSpec<IncomeField> = {
  name: 'income',
  fields: {
    account: { type: identifier, required: 'the customer is empty', refersTo: 'accounts' },
    period_start: { type: day, required: 'the period start is empty' },
    period_type: { type: oneOf(incomePeriodTypes, periodAliases) },
    income: { type: money(16), required: 'the income is empty' },
    source: { type: freeText },
    notes: { type: freeText },
  },
  key: ['account', 'period_start'],
  describe: (key) => `the income of customer ${key.account} for the period starting ${key.period_start}`,
  checkRow(values, problem) {
    const start = values.period_start as string;
    const periodType = (values.period_type as PeriodType | null | undefined) ?? 'year';
    const problemOfStart = periodStartProblem(start, periodType);
    if (problemOfStart) problem('period_start', problemOf('periodStart', `${start}: ${problemOfStart}`, { value: start, periodType }));
  },
};

/**
 * The row readers of record files (tickets, referrals, suggestions, income) on their own: what each cell
 * becomes, what a blank means, the rules within a row and the key's uniqueness. What the rows name in the
 * database is checked by the API tests (relationship-data-imports.api.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { compileDateFormat } from './date-format.js';
import { incomeSpec } from './income-rows.js';
import { resolveMapping } from './mapping.js';
import { problemOf } from './problem.js';
import { RecordRows } from './record-rows.js';
import { referralSpec } from './referral-rows.js';
import { RowErrors } from './row-errors.js';
import type { ReadingContext } from './row-reading.js';
import type { ImportKind } from './schema.js';
import { ticketSpec } from './ticket-rows.js';

/** A reading context for a file whose header names the fields themselves. */
function contextFor(kind: ImportKind, header: string[], dateFormat = 'ISO'): ReadingContext {
  const mapping = resolveMapping(kind, Object.fromEntries(header.map((h) => [h, h])), header);
  return { mapping, dateFormat: compileDateFormat(dateFormat), errors: new RowErrors() };
}

describe('ticket rows', () => {
  const header = ['external_id', 'account', 'subject', 'kind', 'priority', 'status', 'opened_at', 'closed_at', 'minutes_spent', 'cost_spent', 'csat', 'assignee'];

  it('reads English words in any case, money with thousands, and leaves blanks to the defaults', () => {
    const ctx = contextFor('tickets', header, 'D/M/YYYY H:mm');
    const reader = new RecordRows(ctx, ticketSpec);
    reader.readRow(2, [' T-1 ', 'C-1', ' Broken tile ', 'Inquiry', 'CRITICAL', 'On hold', '5/3/2024 9:30', '', '', '1,234.5', '', 'Agent@Example.COM']);
    reader.readRow(3, [' T-2 ', 'C-1', 'x', '', '', 'in-progress', '6/3/2024 9:30', '7/3/2024 10:00', '45', '0', '5', ''], new Set([0]));
    expect(ctx.errors.errors).toEqual([]);
    const plan = reader.finish();
    expect(plan.rows).toEqual([2, 3]);
    expect(plan.values).toEqual({
      external_id: ['T-1', ' T-2 '], // a quoted number keeps its blanks
      account: ['C-1', 'C-1'],
      subject: [' Broken tile ', 'x'], // free text as written
      kind: ['question', null],
      priority: ['urgent', null],
      status: ['waiting', 'in_progress'],
      opened_at: ['2024-03-05T09:30:00.000Z', '2024-03-06T09:30:00.000Z'],
      closed_at: [null, '2024-03-07T10:00:00.000Z'],
      minutes_spent: [null, 45],
      cost_spent: [1234.5, 0],
      csat: [null, 5],
      assignee: ['agent@example.com', null],
    });
    expect(plan.summary).toEqual({ tickets: 2 });
    expect(reader.preview[0]).toMatchObject({ row: 2, external_id: 'T-1', assignee: 'agent@example.com' });
  });

  it('names each problem by field; a row closed before it opened is refused; only a valid row claims its number', () => {
    const ctx = contextFor('tickets', header);
    const reader = new RecordRows(ctx, ticketSpec);
    reader.readRow(2, ['T-1', '', '', 'bug', '', '', 'yesterday', '', '1.5', '-1', '0', '']);
    reader.readRow(3, ['T-1', 'C-1', 'Fine', '', '', '', '2024-03-05T10:00:00Z', '2024-03-05T09:59:59Z', '', '', '', '']);
    reader.readRow(4, ['T-1', 'C-1', 'Fine', '', '', '', '2024-03-05T10:00:00Z', '', '', '', '', '']);
    reader.readRow(5, ['T-1', 'C-2', 'Again', '', '', '', '2024-03-05T10:00:00Z', '', '', '', '', '']);
    expect(ctx.errors.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [2, 'account', 'the customer is empty'],
      [2, 'subject', 'the subject is empty'],
      [2, 'kind', '"bug" is not one of: request, complaint, question, incident'],
      [2, 'opened_at', expect.stringContaining('"yesterday"')],
      [2, 'minutes_spent', '"1.5" is not a whole number'],
      [2, 'cost_spent', '-1 is negative'],
      [2, 'csat', '0 is not between 1 and 5'],
      [3, 'closed_at', '2024-03-05T09:59:59.000Z is before the ticket was opened (2024-03-05T10:00:00.000Z)'],
      [5, 'external_id', 'ticket T-1 is already on row 4'],
    ]);
    expect(reader.finish().rows).toEqual([4]);
  });
});

describe('referral rows', () => {
  it('refuses a customer referring themselves and a referred customer named twice', () => {
    const ctx = contextFor('referrals', ['referrer', 'referred', 'value']);
    const reader = new RecordRows(ctx, referralSpec);
    reader.readRow(2, ['C-1', 'C-1', '']);
    reader.readRow(3, ['C-1', 'C-2', '10']);
    reader.readRow(4, ['C-3', 'C-2', '']);
    expect(ctx.errors.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [2, 'referred', 'customer C-1 cannot refer themselves'],
      [4, 'referred', 'the referral of customer C-2 is already on row 3'],
    ]);
  });
});

describe('income rows', () => {
  it('checks that a period starts on its first day, a year when the type is not given', () => {
    const ctx = contextFor('income', ['account', 'period_start', 'period_type', 'income'], 'D.M.YYYY');
    const reader = new RecordRows(ctx, incomeSpec);
    reader.readRow(2, ['C-1', '1.1.2023', '', '100']);
    reader.readRow(3, ['C-1', '01.01.2024', 'Yearly', '1,000,000.5']);
    expect(ctx.errors.errors).toEqual([]);
    expect(reader.finish().values).toEqual({
      account: ['C-1', 'C-1'],
      period_start: ['2023-01-01', '2024-01-01'],
      period_type: [null, 'year'],
      income: [100, 1000000.5],
    });

    const monthly = contextFor('income', ['account', 'period_start', 'period_type', 'income']);
    const months = new RecordRows(monthly, incomeSpec);
    months.readRow(2, ['C-1', '2024-05-01', 'monthly', '1']);
    months.readRow(3, ['C-1', '2024-05-01', '', '1']);
    months.readRow(4, ['C-1', '2024-05-15', 'month', '1']);
    expect(monthly.errors.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [3, 'period_start', '2024-05-01: a year must start on its first day (e.g. 2024-01-01)'],
      [4, 'period_start', '2024-05-15: a month must start on its first day (e.g. 2024-05-01)'],
    ]);
    // the code and values the web app words in Chinese
    expect(monthly.errors.errors.map((e) => [e.code, e.params])).toEqual([
      ['periodStart', { value: '2024-05-01', periodType: 'year' }],
      ['periodStart', { value: '2024-05-15', periodType: 'month' }],
    ]);
  });
});

describe('row errors found after the pass', () => {
  const said = (message: string) => problemOf('empty', message);
  it('are put back in row order, each invalid row listed once', () => {
    const errors = new RowErrors();
    errors.add(3, 'b', 'b', said('second'));
    errors.add(7, 'a', 'a', said('fourth'));
    errors.add(5, 'a', 'a', said('third, found late'));
    errors.add(3, 'a', 'a', said('also row 3, found late'));
    errors.add(2, 'a', 'a', said('first, found late'));
    expect(errors.errors.map((e) => [e.row, e.message])).toEqual([
      [2, 'first, found late'],
      [3, 'second'],
      [3, 'also row 3, found late'],
      [5, 'third, found late'],
      [7, 'fourth'],
    ]);
    expect(errors.invalidRows).toEqual([2, 3, 5, 7]);
  });
});

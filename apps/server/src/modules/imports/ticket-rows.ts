import { ticketKinds, ticketPriorities, ticketStatuses } from '../tickets/schema.js';
import { email, freeText, identifier, instant, money, oneOf, wholeNumber } from './field-types.js';
import { problemOf } from './problem.js';
import type { RecordKindSpec } from './record-rows.js';

export type TicketField =
  | 'external_id'
  | 'account'
  | 'subject'
  | 'kind'
  | 'priority'
  | 'status'
  | 'opened_at'
  | 'resolved_at'
  | 'closed_at'
  | 'sla_due_at'
  | 'minutes_spent'
  | 'cost_spent'
  | 'csat'
  | 'nps'
  | 'description'
  | 'assignee';

/** Words helpdesks use for the same things. */
const kindAliases = { inquiry: 'question', enquiry: 'question', problem: 'incident', complain: 'complaint' } as const;
const priorityAliases = { medium: 'normal', critical: 'urgent' } as const;
const statusAliases = { new: 'open', reopened: 'open', pending: 'waiting', on_hold: 'waiting', solved: 'resolved', done: 'closed' } as const;

/**
 * Tickets keyed by their number in the helpdesk they come from (external_id), each about a customer who must
 * be in Relata already. Times spent and costs are the ticket's totals: they feed the "total service cost"
 * factor. The file's statuses and times are taken as they are: an import records the helpdesk's history, it
 * does not stamp "resolved now" as the form does.
 */
export const ticketSpec: RecordKindSpec<TicketField> = {
  name: 'tickets',
  fields: {
    external_id: { type: identifier, required: 'the ticket number is empty' },
    account: { type: identifier, required: 'the customer is empty', refersTo: 'accounts' },
    subject: { type: freeText, required: 'the subject is empty' },
    kind: { type: oneOf(ticketKinds, kindAliases) },
    priority: { type: oneOf(ticketPriorities, priorityAliases) },
    status: { type: oneOf(ticketStatuses, statusAliases) },
    opened_at: { type: instant, required: 'the opening time is empty' },
    resolved_at: { type: instant },
    closed_at: { type: instant },
    sla_due_at: { type: instant },
    // the ticket form's bounds
    minutes_spent: { type: wholeNumber(0, 1_000_000) },
    cost_spent: { type: money(14) },
    csat: { type: wholeNumber(1, 5) },
    nps: { type: wholeNumber(0, 10) },
    description: { type: freeText },
    assignee: { type: email, refersTo: 'users' },
  },
  key: ['external_id'],
  describe: (key) => `ticket ${key.external_id}`,
  checkRow(values, problem) {
    // as the ticket form: a ticket is not resolved or closed before it was opened
    const opened = values.opened_at as string;
    for (const field of ['resolved_at', 'closed_at'] as const) {
      const at = values[field];
      if (typeof at === 'string' && Date.parse(at) < Date.parse(opened)) problem(field, problemOf('beforeOpened', `${at} is before the ticket was opened (${opened})`, { value: at, opened }));
    }
  },
};

import type { CalendarDate } from './calendar/day-number.js';

/** One purchase (an order, an invoice) of a customer: the input of RFM, ABC and the CLV summary. */
export interface Transaction {
  customerId: string | number;
  date: CalendarDate;
  /** Value of the purchase (revenue or margin, in one currency). */
  amount: number;
}

import { computeCustomerValue, type PurchaseDays, type ValueParams } from '../analytics/customer-value.js';
import type { ScoreColumns } from './customer-features.js';
import type { OrderLines } from './inputs.js';

/** CLV and P(alive) as the customer-value refresh would have computed them at `day`. */
export function scoresAt(lines: OrderLines, byAccountDay: Int32Array, day: number, valueParams: ValueParams): ScoreColumns {
  // one row per customer and day with something bought (as loadPurchaseDays does in SQL)
  const accountIds: number[] = [];
  const days: number[] = [];
  const revenue: number[] = [];
  const margin: number[] = [];
  let bought = false;
  const close = () => {
    if (accountIds.length > 0 && !bought) (accountIds.pop(), days.pop(), revenue.pop(), margin.pop());
  };
  for (let k = 0; k < byAccountDay.length; k++) {
    const i = byAccountDay[k];
    if (lines.day[i] >= day) continue;
    const last = accountIds.length - 1;
    if (last < 0 || accountIds[last] !== lines.account[i] || days[last] !== lines.day[i]) {
      close();
      accountIds.push(lines.account[i]);
      days.push(lines.day[i]);
      revenue.push(0);
      margin.push(0);
      bought = false;
    }
    revenue[revenue.length - 1] += lines.revenue[i];
    margin[margin.length - 1] += lines.margin[i];
    bought ||= lines.quantity[i] > 0;
  }
  close();
  const history: PurchaseDays = { accountIds: Float64Array.from(accountIds), days: Int32Array.from(days), revenue: Float64Array.from(revenue), margin: Float64Array.from(margin) };
  const none = { ids: new Float64Array(0), priceRatio: new Float64Array(0), referredBy: new Float64Array(0), endorsements: new Float64Array(0) };
  // an impossibly long holdout skips the BG/NBD holdout check, which is not needed here
  const { customers } = computeCustomerValue(history, none, day - 1, { ...valueParams, holdoutWeeks: 1e6 });
  return { ids: customers.map((c) => c.accountId), clv: customers.map((c) => c.predictedClv), pAlive: customers.map((c) => c.pAlive) };
}

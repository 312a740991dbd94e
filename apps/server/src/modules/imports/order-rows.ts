import { orderStatuses } from '../orders/schema.js';
import { type CellProblem, isProblem } from './cell-problem.js';
import { choiceValue, decimalValue, integerValue, isBlank, keyValue, roundCents, textValue, withinNumeric } from './cell-values.js';
import { isMapped } from './mapping.js';
import { problemOf, type Problem } from './problem.js';
import { isoDay, isQuoted, PREVIEW_ROWS, reportProblem, type ReadingContext, type RowReader } from './row-reading.js';

type OrderStatus = (typeof orderStatuses)[number];

/**
 * What an orders file will write: the accounts and products its rows reference, its orders and their lines,
 * as columns ready for bulk SQL.
 */
export interface OrderPlan {
  accounts: { externalId: string[]; name: string[]; country: (string | null)[] };
  products: { sku: string[]; name: string[]; category: (string | null)[]; listPrice: (number | null)[]; unitCost: (number | null)[] };
  orders: {
    orderNo: string[];
    account: (string | null)[];
    orderedAt: string[];
    status: string[];
    /** Σ line amounts, in cents precision */
    total: number[];
    /** the line numbers this file writes, as a PostgreSQL int[] literal (to find lines it does not touch) */
    lineNos: string[];
  };
  lines: {
    orderNo: string[];
    lineNo: number[];
    sku: (string | null)[];
    description: (string | null)[];
    quantity: number[];
    unitPrice: number[];
    unitCost: (number | null)[];
  };
  /** which optional fields the mapping has: unmapped ones never overwrite what the database holds */
  mapped: { account: boolean; sku: boolean; productName: boolean; unitCost: boolean; status: boolean };
  summary: { orders: number; lines: number; guestLines: number; cancelledOrders: number; accounts: number; products: number };
}

interface OrderDraft {
  orderNo: string;
  firstRow: number;
  /** rows of this order so far, valid or not: a line's number is its ordinal, stable when bad rows are fixed later */
  rowsSeen: number;
  /** customer of the first valid row; undefined until there is one */
  account: string | null | undefined;
  accountRow: number;
  lineNos: number[];
  orderedAt: number;
  status: OrderStatus | null;
  allNegative: boolean;
  total: number;
  /** line number → row, when the file has its own line numbers */
  explicitLines?: Map<number, number>;
}

const statusAliases: Record<string, OrderStatus> = { canceled: 'cancelled', complete: 'completed', done: 'completed', returns: 'returned', pending: 'open' };

/**
 * Reads order lines, one row per line. The order is the order number; without one (CDNOW), the customer's
 * purchases of one day are one order `<customer>-<YYYYMMDD>`, as lifetimes aggregates transactions by day.
 * Guest sales (no customer) are kept with no account. An order's date is the earliest of its rows; its status,
 * unless mapped, is 'cancelled' when every line has a negative quantity (Online Retail's C-invoices), else
 * 'completed'.
 */
export class OrderRows implements RowReader<OrderPlan> {
  readonly preview: Record<string, unknown>[] = [];
  private readonly previewOrders: OrderDraft[] = [];
  private readonly orders = new Map<string, OrderDraft>();
  private readonly accounts = new Map<string, { name: string | null; country: string | null }>();
  private readonly products = new Map<string, { sku: string; name: string | null; category: string | null; listPrice: number | null; unitCost: number | null }>();
  private readonly lines: OrderPlan['lines'] = { orderNo: [], lineNo: [], sku: [], description: [], quantity: [], unitPrice: [], unitCost: [] };
  private guestLines = 0;

  /** column index of each field, -1 when not mapped (read for every row, so looked up once) */
  private readonly at: Record<'order' | 'line' | 'date' | 'account' | 'account_name' | 'country' | 'sku' | 'product_name' | 'category' | 'quantity' | 'unit_price' | 'amount' | 'unit_cost' | 'status', number>;

  constructor(private readonly ctx: ReadingContext) {
    const at = (field: string) => ctx.mapping.index[field] ?? -1;
    this.at = {
      order: at('order'),
      line: at('line'),
      date: at('date'),
      account: at('account'),
      account_name: at('account_name'),
      country: at('country'),
      sku: at('sku'),
      product_name: at('product_name'),
      category: at('category'),
      quantity: at('quantity'),
      unit_price: at('unit_price'),
      amount: at('amount'),
      unit_cost: at('unit_cost'),
      status: at('status'),
    };
  }

  private cell(cells: string[], field: keyof OrderRows['at']): string | undefined {
    const i = this.at[field];
    return i < 0 ? undefined : cells[i];
  }

  // The lines of an order usually share their date: read each distinct text once.
  private lastDateText = '';
  private lastDate: number | CellProblem = NaN;

  private problem(row: number, field: string, why: Problem) {
    reportProblem(this.ctx, row, field, why);
  }

  readRow(row: number, cells: string[], quoted?: ReadonlySet<number>) {
    const ctx = this.ctx;
    const errorsBefore = ctx.errors.errorCount;

    const dateCell = this.cell(cells, 'date')!;
    let orderedAt = NaN;
    if (isBlank(dateCell)) this.problem(row, 'date', problemOf('empty', 'the date is empty'));
    else {
      if (dateCell !== this.lastDateText) {
        this.lastDateText = dateCell;
        this.lastDate = ctx.dateFormat.parse(dateCell);
      }
      const parsed = this.lastDate;
      if (isProblem(parsed)) this.problem(row, 'date', parsed);
      else orderedAt = parsed;
    }
    const account = keyValue(this.cell(cells, 'account'), isQuoted(ctx, quoted, 'account'));

    let orderNo: string | null = null;
    if (isMapped(ctx.mapping, 'order')) {
      orderNo = keyValue(this.cell(cells, 'order'), isQuoted(ctx, quoted, 'order'));
      if (orderNo === null) this.problem(row, 'order', problemOf('empty', 'the order number is empty'));
    } else if (!Number.isNaN(orderedAt)) {
      const day = isoDay(orderedAt).replace(/-/g, '');
      // a guest has no customer to group by: each guest row is its own order
      orderNo = account !== null ? `${account}-${day}` : `guest-${day}-${row}`;
    }

    let draft: OrderDraft | undefined;
    let lineNo = 0;
    if (orderNo !== null) {
      draft = this.orders.get(orderNo);
      if (!draft) {
        draft = { orderNo, firstRow: row, rowsSeen: 0, account: undefined, accountRow: 0, lineNos: [], orderedAt: Infinity, status: null, allNegative: true, total: 0 };
        this.orders.set(orderNo, draft);
      }
      draft.rowsSeen++;
      if (isMapped(ctx.mapping, 'line')) {
        const cell = this.cell(cells, 'line')!;
        const n = isBlank(cell) ? null : integerValue(cell);
        if (n === null) this.problem(row, 'line', problemOf('empty', 'the line number is empty'));
        else if (isProblem(n)) this.problem(row, 'line', n);
        else if (n < 1 || n > 2_147_483_647) this.problem(row, 'line', problemOf('lineOutOfRange', `line number ${n} is out of range (1 or more)`, { value: n }));
        else {
          draft.explicitLines ??= new Map();
          const earlier = draft.explicitLines.get(n);
          if (earlier !== undefined) this.problem(row, 'line', problemOf('duplicateLine', `order ${orderNo} already has line ${n} on row ${earlier}`, { order: orderNo, line: n, row: earlier }));
          else {
            draft.explicitLines.set(n, row);
            lineNo = n;
          }
        }
      } else lineNo = draft.rowsSeen;
      if (draft.account !== undefined && draft.account !== account && isMapped(ctx.mapping, 'account')) {
        this.problem(
          row,
          'account',
          draft.account === null
            ? problemOf('orderGuestElsewhere', `order ${orderNo} belongs to no customer (guest sale) on row ${draft.accountRow}`, { order: orderNo, row: draft.accountRow })
            : problemOf('orderCustomerDiffers', `order ${orderNo} belongs to customer ${draft.account} on row ${draft.accountRow}`, {
                order: orderNo,
                customer: draft.account,
                row: draft.accountRow,
              }),
        );
      }
    }

    const quantity = this.number(row, cells, 'quantity', 14, 3, true);
    if (quantity === 0) this.problem(row, 'quantity', problemOf('zeroQuantity', 'the quantity is 0 (use a negative quantity for returns and cancellations)'));
    let unitPrice = this.number(row, cells, 'unit_price', 14, 4, !isMapped(ctx.mapping, 'amount'));
    const amount = this.number(row, cells, 'amount', 14, 2, !isMapped(ctx.mapping, 'unit_price'));
    if (quantity !== null && quantity !== 0 && amount !== null) {
      if (unitPrice === null) {
        const derived = amount / quantity;
        if (isProblem(withinNumeric(derived, 14, 4))) this.problem(row, 'amount', problemOf('unitPriceTooLarge', `the unit price ${amount} / ${quantity} is too large`, { amount, quantity }));
        else unitPrice = derived;
      } else if (Math.abs(quantity * unitPrice - amount) > 0.005 + Math.abs(amount) * 1e-9) {
        this.problem(row, 'amount', problemOf('amountMismatch', `${amount} is not quantity × unit price (${quantity} × ${unitPrice} = ${roundCents(quantity * unitPrice)})`, { amount, quantity, unitPrice, product: roundCents(quantity * unitPrice) }));
      }
    }
    const unitCost = this.number(row, cells, 'unit_cost', 14, 4, false);

    let status: OrderStatus | null = null;
    const statusCell = this.cell(cells, 'status');
    if (statusCell !== undefined && !isBlank(statusCell)) {
      const s = choiceValue(statusCell, orderStatuses, statusAliases);
      if (isProblem(s)) this.problem(row, 'status', s);
      else status = s;
    }

    if (ctx.errors.errorCount !== errorsBefore || draft === undefined || quantity === null || unitPrice === null) return;

    // Valid: the row becomes a line, and feeds its order, account and product.
    const sku = keyValue(this.cell(cells, 'sku'), isQuoted(ctx, quoted, 'sku'));
    const productName = textValue(this.cell(cells, 'product_name'));
    if (draft.account === undefined) {
      draft.account = account;
      draft.accountRow = row;
    }
    draft.lineNos.push(lineNo);
    if (orderedAt < draft.orderedAt) draft.orderedAt = orderedAt;
    if (draft.status === null) draft.status = status;
    if (quantity > 0) draft.allNegative = false;
    draft.total += amount ?? quantity * unitPrice;

    if (account !== null) {
      const known = this.accounts.get(account);
      const name = textValue(this.cell(cells, 'account_name'));
      const country = textValue(this.cell(cells, 'country'));
      if (!known) this.accounts.set(account, { name, country });
      else {
        known.name ??= name;
        known.country ??= country;
      }
    } else this.guestLines++;

    let productKey: string | null = null;
    if (sku !== null) {
      const known = this.products.get(sku);
      const category = textValue(this.cell(cells, 'category'));
      // the list price is the first price seen; a negative price is an adjustment (Online Retail's "bad debt"), not a price
      const price = unitPrice >= 0 ? unitPrice : null;
      if (!known) this.products.set(sku, { sku, name: productName, category, listPrice: price, unitCost });
      else {
        known.name ??= productName;
        known.category ??= category;
        known.listPrice ??= price;
        known.unitCost ??= unitCost;
      }
      // the first row's string: a million lines then share one copy of each SKU
      productKey = known?.sku ?? sku;
    }

    const lines = this.lines;
    lines.orderNo.push(draft.orderNo);
    lines.lineNo.push(lineNo);
    lines.sku.push(productKey);
    lines.description.push(productName);
    lines.quantity.push(quantity);
    lines.unitPrice.push(unitPrice);
    lines.unitCost.push(unitCost);

    if (this.preview.length < PREVIEW_ROWS) {
      this.preview.push({
        row,
        order: draft.orderNo,
        line: lineNo,
        date: new Date(orderedAt).toISOString(),
        account,
        account_name: textValue(this.cell(cells, 'account_name')),
        country: textValue(this.cell(cells, 'country')),
        sku,
        product_name: productName,
        category: textValue(this.cell(cells, 'category')),
        quantity,
        unit_price: unitPrice,
        amount: amount ?? roundCents(quantity * unitPrice),
        unit_cost: unitCost,
        status,
      });
      this.previewOrders.push(draft);
    }
  }

  /** A number cell: null when empty (a problem if required), the value when it fits numeric(precision, scale). */
  private number(row: number, cells: string[], field: 'quantity' | 'unit_price' | 'amount' | 'unit_cost', precision: number, scale: number, required: boolean) {
    const cell = this.cell(cells, field);
    if (cell === undefined || isBlank(cell)) {
      if (required && cell !== undefined) this.problem(row, field, problemOf('empty', `the ${field.replace('_', ' ')} is empty`));
      return null;
    }
    const value = decimalValue(cell);
    if (isProblem(value)) {
      this.problem(row, field, value);
      return null;
    }
    const fits = withinNumeric(value, precision, scale);
    if (isProblem(fits)) {
      this.problem(row, field, fits);
      return null;
    }
    return value;
  }

  finish(): OrderPlan {
    const mapping = this.ctx.mapping;
    const orders: OrderPlan['orders'] = { orderNo: [], account: [], orderedAt: [], status: [], total: [], lineNos: [] };
    let cancelledOrders = 0;
    const statusOf = (d: OrderDraft): OrderStatus => d.status ?? (d.allNegative ? 'cancelled' : 'completed');
    for (const d of this.orders.values()) {
      if (d.lineNos.length === 0) continue; // every row of it was invalid
      const status = statusOf(d);
      if (status === 'cancelled') cancelledOrders++;
      orders.orderNo.push(d.orderNo);
      orders.account.push(d.account ?? null);
      orders.orderedAt.push(new Date(d.orderedAt).toISOString());
      orders.status.push(status);
      orders.total.push(roundCents(d.total));
      orders.lineNos.push(`{${d.lineNos.join(',')}}`);
    }
    this.preview.forEach((p, i) => (p.status = statusOf(this.previewOrders[i])));

    const accounts: OrderPlan['accounts'] = { externalId: [], name: [], country: [] };
    for (const [id, a] of this.accounts) {
      accounts.externalId.push(id);
      accounts.name.push(a.name ?? `Customer ${id}`);
      accounts.country.push(a.country);
    }
    const products: OrderPlan['products'] = { sku: [], name: [], category: [], listPrice: [], unitCost: [] };
    for (const [sku, p] of this.products) {
      products.sku.push(sku);
      products.name.push(p.name ?? sku);
      products.category.push(p.category);
      products.listPrice.push(p.listPrice === null ? null : roundCents(p.listPrice));
      products.unitCost.push(p.unitCost === null ? null : roundCents(p.unitCost));
    }
    return {
      accounts,
      products,
      orders,
      lines: this.lines,
      mapped: {
        account: isMapped(mapping, 'account'),
        sku: isMapped(mapping, 'sku'),
        productName: isMapped(mapping, 'product_name'),
        unitCost: isMapped(mapping, 'unit_cost'),
        status: isMapped(mapping, 'status'),
      },
      summary: {
        orders: orders.orderNo.length,
        lines: this.lines.orderNo.length,
        guestLines: this.guestLines,
        cancelledOrders,
        accounts: accounts.externalId.length,
        products: products.sku.length,
      },
    };
  }
}

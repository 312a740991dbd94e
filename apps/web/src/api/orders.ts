import type { OrderStatus } from './enums';
import type { RecordMeta } from './list';
import { resourceHooks } from './resource';

export interface OrderLine {
  id: number;
  lineNo: number;
  productId: number | null;
  sku: string | null;
  productName: string | null;
  description: string | null;
  quantity: number;
  unitPrice: number;
  unitCost: number | null;
}

export interface Order extends RecordMeta {
  orderNo: string;
  /** Null for a guest sale. */
  accountId: number | null;
  /** Not documented in docs/api.md; shown when the server sends it. */
  accountName?: string | null;
  orderedAt: string;
  status: OrderStatus;
  currency: string;
  channel: string | null;
  totalAmount: number;
  notes: string | null;
  /** Present on GET /api/orders/:id. */
  lines?: OrderLine[];
}

export interface OrderLineInput {
  productId?: number | null;
  description?: string | null;
  /** Not 0; negative for a return. */
  quantity: number;
  unitPrice: number;
  unitCost?: number | null;
}

export interface OrderInput {
  /** Left out: the server numbers the order. 409 when the number is taken. */
  orderNo?: string;
  /** Null or left out: a guest sale (not for sales users). */
  accountId?: number | null;
  /** ISO date-time; now when left out. */
  orderedAt?: string;
  status?: OrderStatus;
  /** Three letters; CNY when left out. */
  currency?: string;
  channel?: string | null;
  notes?: string | null;
  /** 1 to 1000 lines. */
  lines: OrderLineInput[];
}

/** What PATCH /api/orders/:id changes (the number and the lines are fixed once the order exists). */
export type OrderPatch = Partial<Omit<OrderInput, 'lines' | 'orderNo'>>;

export const ordersApi = resourceHooks<Order, OrderInput, OrderPatch>('orders', '/orders', {
  related: ['accounts', 'dashboard', 'audit'],
  savedAlsoChanges: ['accounts', 'dashboard', 'audit'],
});

export const {
  useList: useOrders,
  useOne: useOrder,
  useCreate: useCreateOrder,
  useUpdate: useUpdateOrder,
  useRemove: useRemoveOrder,
  useRestore: useRestoreOrder,
} = ordersApi;

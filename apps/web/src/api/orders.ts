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
  productId?: number;
  description?: string;
  quantity: number;
  unitPrice: number;
  unitCost?: number;
}

export interface OrderInput {
  orderNo?: string;
  accountId?: number | null;
  orderedAt?: string;
  status?: OrderStatus;
  currency?: string;
  channel?: string;
  notes?: string;
  lines: OrderLineInput[];
}

export const ordersApi = resourceHooks<Order, OrderInput, Partial<Omit<OrderInput, 'lines'>>>('orders', '/orders', {
  related: ['accounts', 'dashboard', 'audit'],
});

export const {
  useList: useOrders,
  useOne: useOrder,
  useCreate: useCreateOrder,
  useUpdate: useUpdateOrder,
  useRemove: useRemoveOrder,
  useRestore: useRestoreOrder,
} = ordersApi;

import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Activity } from './activities';

export interface RevenueMonth {
  /** `YYYY-MM` */
  month: string;
  revenue: number;
  orders: number;
}

export interface TopProduct {
  productId: number;
  sku: string;
  name: string;
  revenue: number;
  quantity: number;
}

export interface Dashboard {
  accounts: number;
  contacts: number;
  products: number;
  orders: number;
  revenue: number;
  revenueByMonth: RevenueMonth[];
  topProducts: TopProduct[];
  recentActivities: Activity[];
}

export function useDashboard() {
  return useQuery({
    queryKey: ['dashboard'],
    queryFn: ({ signal }) => api<Dashboard>('/dashboard', { signal }),
    staleTime: 30_000,
  });
}

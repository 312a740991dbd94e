import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { RecordMeta } from './list';
import { resourceHooks } from './resource';

export interface Product extends RecordMeta {
  sku: string;
  name: string;
  category: string | null;
  kind: 'product' | 'service';
  listPrice: number | null;
  unitCost: number | null;
  valueAdded: boolean;
  /** `YYYY-MM-DD` */
  launchDate: string | null;
  active: boolean;
  description: string | null;
}

export type ProductInput = Partial<
  Pick<Product, 'category' | 'kind' | 'listPrice' | 'unitCost' | 'valueAdded' | 'launchDate' | 'active' | 'description'>
> & { sku: string; name: string };

export const productsApi = resourceHooks<Product, ProductInput, Partial<ProductInput>>('products', '/products', {
  related: ['dashboard', 'search', 'audit'],
});

export const {
  useList: useProducts,
  useOne: useProduct,
  useCreate: useCreateProduct,
  useUpdate: useUpdateProduct,
  useRemove: useRemoveProduct,
  useRestore: useRestoreProduct,
} = productsApi;

/** The server may answer a bare array or `{items}`; both are accepted. */
export function useProductCategories() {
  return useQuery({
    queryKey: ['products', 'categories'],
    queryFn: async ({ signal }) => {
      const data = await api<string[] | { items: string[] }>('/products/categories', { signal });
      return Array.isArray(data) ? data : data.items;
    },
    staleTime: 60_000,
  });
}

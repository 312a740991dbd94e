import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';

export interface SearchAccountHit {
  id: number;
  name: string;
  email?: string | null;
  externalId?: string | null;
}

export interface SearchContactHit {
  id: number;
  name: string;
  accountId: number;
  accountName?: string | null;
  email?: string | null;
}

export interface SearchProductHit {
  id: number;
  sku: string;
  name: string;
}

export interface SearchResults {
  accounts: SearchAccountHit[];
  contacts: SearchContactHit[];
  products: SearchProductHit[];
}

export function useSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['search', text],
    queryFn: ({ signal }) => api<SearchResults>('/search', { query: { q: text }, signal }),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

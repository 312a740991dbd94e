import type { QueryValue } from './client';

/** Query of every list endpoint: `?page&pageSize&sort&order&q&<filters>`. */
export interface ListParams {
  page?: number;
  pageSize?: number;
  sort?: string;
  order?: 'asc' | 'desc';
  q?: string;
  [filter: string]: QueryValue;
}

export interface ListResult<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Fields every editable business record carries. */
export interface RecordMeta {
  id: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

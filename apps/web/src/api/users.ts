import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Role } from './enums';
import type { ListParams, ListResult } from './list';

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  locale?: string;
  createdAt: string;
  updatedAt?: string;
}

export interface UserInput {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export interface UserPatch {
  name?: string;
  role?: Role;
  active?: boolean;
  password?: string;
}

const usersKey = ['users'] as const;

/** Admin only. Accepts a paged answer or a bare array. */
export function useUsers(params: ListParams = {}) {
  return useQuery({
    queryKey: [...usersKey, 'list', params],
    queryFn: async ({ signal }) => {
      const data = await api<ListResult<User> | User[]>('/users', { query: params, signal });
      return Array.isArray(data) ? { items: data, total: data.length, page: 1, pageSize: data.length } : data;
    },
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UserInput) => api<User>('/users', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UserPatch & { id: number }) => api<User>(`/users/${id}`, { method: 'PATCH', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

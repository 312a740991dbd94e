import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from './client';
import type { Role } from './enums';

export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: string;
}

export interface ApiToken {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt?: string | null;
}

export const meKey = ['auth', 'me'] as const;
const tokensKey = ['auth', 'tokens'] as const;

/** The signed-in user, or null when there is no session (401). */
export function useCurrentUser() {
  return useQuery({
    queryKey: meKey,
    queryFn: async ({ signal }) => {
      try {
        return (await api<{ user: CurrentUser }>('/auth/me', { signal })).user;
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['login'],
    mutationFn: (credentials: { email: string; password: string }) =>
      api<{ user: CurrentUser }>('/auth/login', { method: 'POST', body: credentials }),
    onSuccess: ({ user }) => {
      // Whatever was cached belonged to the previous session.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      client.setQueryData(meKey, user);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      client.clear();
      client.setQueryData(meKey, null);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api<void>('/auth/password', { method: 'POST', body }),
  });
}

/** The server may answer a bare array or `{items}`; both are accepted. */
export function useApiTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: async ({ signal }) => {
      const data = await api<ApiToken[] | { items: ApiToken[] }>('/auth/tokens', { signal });
      return Array.isArray(data) ? data : data.items;
    },
  });
}

export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string }) => api<ApiToken & { token: string }>('/auth/tokens', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/auth/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}

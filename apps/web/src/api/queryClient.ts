import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './client';
import { meKey } from './auth';

/**
 * A 4xx will not change on retry, so only network errors and 5xx are retried (once).
 * A 401 anywhere means the session ended: re-asking /auth/me sends the user to the login page.
 */
export function createQueryClient(): QueryClient {
  const sessionEnded = (error: unknown) => {
    if (isApiError(error, 401)) void client.invalidateQueries({ queryKey: meKey });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[0] !== 'auth') sessionEnded(error);
      },
    }),
    mutationCache: new MutationCache({
      // A failed sign-in is a 401 too, but not the end of a session.
      onError: (error, _variables, _context, mutation) => {
        if (mutation.options.mutationKey?.[0] !== 'login') sessionEnded(error);
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < 1 && !(isApiError(error) && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
        staleTime: 15_000,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

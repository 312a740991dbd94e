import { useCurrentUser } from './auth';
import type { Role } from './enums';
import type { RecordMeta } from './list';
import { resourceHooks } from './resource';

export const suggestionStatuses = ['new', 'reviewed', 'adopted', 'rejected'] as const;
export type SuggestionStatus = (typeof suggestionStatuses)[number];

/** A customer's suggestion about a product, or an idea for a new one (no product). */
export interface Suggestion extends RecordMeta {
  accountId: number;
  accountName?: string | null;
  productId: number | null;
  productSku?: string | null;
  productName?: string | null;
  suggestion: string;
  status: SuggestionStatus;
  suggestedAt: string;
  /** The company's answer; set by a reviewer. */
  response: string | null;
  reviewedAt: string | null;
}

export interface SuggestionInput {
  accountId: number;
  productId?: number | null;
  suggestion: string;
  status?: SuggestionStatus;
  suggestedAt?: string;
  response?: string | null;
}

export const suggestionsApi = resourceHooks<Suggestion, SuggestionInput, Partial<SuggestionInput>>('suggestions', '/suggestions', {
  related: ['audit'],
  savedAlsoChanges: ['audit'],
});

export const {
  useList: useSuggestions,
  useOne: useSuggestion,
  useCreate: useCreateSuggestion,
  useUpdate: useUpdateSuggestion,
} = suggestionsApi;

/** Reviewing (a status other than "new", a response) is for admins and managers (apps/server/src/modules/products/suggestions.ts). */
export const suggestionReviewers: readonly Role[] = ['admin', 'manager'];
export function useCanReviewSuggestions(): boolean {
  const role = useCurrentUser().data?.role;
  return role !== undefined && suggestionReviewers.includes(role);
}

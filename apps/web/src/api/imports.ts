import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { ImportKind } from './enums';

export interface ImportField {
  name: string;
  required: boolean;
  label: string;
}

export interface ImportUpload {
  id: number;
  /** Kept by the client from the chosen file when the server does not echo it. */
  fileName?: string;
  /** The delimiter the server detected, when it says (a name such as "semicolon", or the character). */
  delimiter?: string;
  /** A date format that fits the sampled dates, when the server can tell. */
  suggestedDateFormat?: string | null;
  headers: string[];
  sample: Array<Record<string, unknown> | unknown[]>;
  suggestedMapping: Record<string, string | null>;
  fields: ImportField[];
}

export interface ImportOptions {
  /** target field -> source column */
  mapping: Record<string, string>;
  delimiter?: string;
  dateFormat?: string;
}

export interface ImportRowError {
  /** spreadsheet row: the header is row 1 */
  row: number;
  column: string | null;
  field?: string | null;
  /** the server's English sentence */
  message: string;
  /** what kind of problem, and the values it names: worded in the reader's language (pages/import/useProblemText) */
  code?: string | null;
  params?: Record<string, string | number>;
}

export interface ImportValidation {
  totalRows: number;
  validRows: number;
  invalidRows: number;
  /** All problems found; `errors` may list only the first ones. */
  errorCount?: number;
  errors: ImportRowError[];
  preview: Array<Record<string, unknown>>;
  /** A date format that fits the file's dates, when the server can tell. */
  suggestedDateFormat?: string | null;
  /** A problem that stops the whole file (unreadable CSV structure). */
  fatal?: ImportRowError | null;
}

export interface ImportWriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** The stored result of a run (the server's ImportReport); every part optional so an older server still renders. */
export interface ImportReport {
  outcome?: 'imported' | 'dry_run' | 'rejected';
  message?: string;
  fatal?: ImportRowError | null;
  totalRows?: number;
  validRows?: number;
  invalidRows?: number;
  skippedRows?: number[];
  accounts?: ImportWriteCounts;
  products?: ImportWriteCounts;
  orders?: ImportWriteCounts;
  lines?: ImportWriteCounts;
  tickets?: ImportWriteCounts;
  referrals?: ImportWriteCounts;
  suggestions?: ImportWriteCounts;
  income?: ImportWriteCounts;
  durationMs?: number;
  [key: string]: unknown;
}

export type ImportStatus = 'uploaded' | 'validated' | 'running' | 'done' | 'failed';

export interface ImportJob {
  id: number;
  kind: ImportKind;
  fileName: string;
  status: ImportStatus;
  progress: number;
  totalRows: number | null;
  report: ImportReport | null;
  error?: string | null;
  createdAt: string;
  finishedAt?: string | null;
}

export function useUploadImport() {
  return useMutation({
    mutationFn: ({ file, kind }: { file: File; kind: ImportKind }) => {
      const form = new FormData();
      // Fields before the file: a streaming multipart parser sees `kind` first.
      form.append('kind', kind);
      form.append('file', file);
      return api<ImportUpload>('/imports', { method: 'POST', body: form });
    },
  });
}

export function useValidateImport() {
  return useMutation({
    mutationFn: ({ id, ...body }: ImportOptions & { id: number }) =>
      api<ImportValidation>(`/imports/${id}/validate`, { method: 'POST', body }),
  });
}

export function useRunImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ImportOptions & { id: number; skipInvalid?: boolean }) =>
      api<unknown>(`/imports/${id}/run`, { method: 'POST', body }),
    onSuccess: (_data, { id }) => client.invalidateQueries({ queryKey: ['imports', id] }),
  });
}

const finished = (status: ImportStatus | undefined) => status === 'done' || status === 'failed';

/** Polls the job while it runs (docs/api.md: GET /api/imports/:id gives status, progress, report). */
export function useImportJob(id: number | undefined, poll: boolean) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['imports', id],
    queryFn: async ({ signal }) => {
      const job = await api<ImportJob>(`/imports/${id}`, { signal });
      if (finished(job.status)) {
        // Imported records show up in every list, on the dashboard and in the past imports.
        void client.invalidateQueries({
          predicate: ({ queryKey }) => queryKey[0] !== 'auth' && !(queryKey[0] === 'imports' && queryKey[1] === id),
        });
      }
      return job;
    },
    enabled: id !== undefined,
    refetchInterval: (query) => (poll && !finished(query.state.data?.status) ? 700 : false),
  });
}

export function useImportJobs() {
  return useQuery({
    queryKey: ['imports', 'list'],
    queryFn: async ({ signal }) => {
      const data = await api<ImportJob[] | { items: ImportJob[] }>('/imports', { signal });
      return Array.isArray(data) ? data : data.items;
    },
  });
}

import { z } from 'zod';

/** Paging, sorting and search shared by every list endpoint. */
export const listQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  sort: z.string().max(40).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  q: z.string().max(200).optional(),
  deleted: z.enum(['exclude', 'only']).default('exclude'),
});
export type ListQuery = z.infer<typeof listQuery>;

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

export const idParams = z.object({ id: z.coerce.number().int().positive() });

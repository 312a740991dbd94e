import { z } from 'zod';

/** What an analyst may set for the predictive model; kept with the run's parameters (`params.segments`). */
export interface SegmentParams {
  /** feature names to cluster on; null = every available behaviour feature, category share and well-filled numeric attribute */
  features: string[] | null;
  /** number of customer groups; 'auto' = the best mean silhouette for k in 2..8 */
  groups: number | 'auto';
  /**
   * fuzzy c-means fuzzifier m > 1. Not Bezdek's usual 2: on 15–20 standardised features m = 2 pulls every centre to
   * the grand mean and every membership to 1/c (Winkler, Klawonn & Kruse 2011, "Fuzzy c-means in high dimensional
   * spaces"); 1.3 keeps distinct groups and still gives customers between groups a share in each.
   */
  fuzziness: number;
  /** association rules on order baskets, for the products-together page */
  minSupport: number;
  minConfidence: number;
  /** offers kept per customer */
  offersPerCustomer: number;
}

export const defaultSegmentParams: SegmentParams = {
  features: null,
  groups: 'auto',
  fuzziness: 1.3,
  minSupport: 0.01,
  minConfidence: 0.3,
  offersPerCustomer: 5,
};

export const segmentParamsInput = z
  .object({
    features: z.array(z.string().min(1).max(100)).min(2).max(60).nullable(),
    groups: z.union([z.literal('auto'), z.number().int().min(2).max(12)]),
    fuzziness: z.number().gt(1).max(5),
    minSupport: z.number().gt(0).max(1),
    minConfidence: z.number().gt(0).max(1),
    offersPerCustomer: z.number().int().min(1).max(20),
  })
  .strict()
  .partial();

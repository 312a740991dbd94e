import { z } from 'zod';

/** What an analyst may set for the propensity and churn models (`params.propensity` of a run). */
export interface PropensityParams {
  /** days ahead a prediction is about, and how far back the models learn from */
  horizonDays: number;
  /** largest product groups that get a model of their own (besides "any purchase" and churn) */
  productGroups: number;
}

export const defaultPropensityParams: PropensityParams = { horizonDays: 90, productGroups: 3 };

export const propensityParamsInput = z
  .object({ horizonDays: z.number().int().min(14).max(365), productGroups: z.number().int().min(0).max(10) })
  .strict()
  .partial();

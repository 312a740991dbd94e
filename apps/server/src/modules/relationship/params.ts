import { z } from 'zod';

/** What an analyst may set for relationship value and exit management (`params.relationship` of a run). */
export interface RelationshipParams {
  /** a customer becomes an exit candidate after being classed bad in this many consecutive snapshots */
  exitSnapshots: number;
}

export const defaultRelationshipParams: RelationshipParams = { exitSnapshots: 3 };

export const relationshipParamsInput = z.object({ exitSnapshots: z.number().int().min(2).max(24) }).strict().partial();

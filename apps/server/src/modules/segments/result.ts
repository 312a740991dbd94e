/** What a predictive-model computation hands back to be stored (built in the worker, written by store.ts). */
import type { LocalizedText } from '@relata/analytics';
import type { StoredReason } from './offer-reasons.js';

export interface GroupProfileRecord {
  size: number;
  fuzzySize: number;
  /** the stored profile: centroid in own and standard units, distinguishing features, words */
  profile: Record<string, unknown> & { features: string[]; zCentroid: number[]; suggestedName: LocalizedText };
}


export interface SegmentResult {
  summary: Record<string, unknown>;
  groups: GroupProfileRecord[];
  members: { accountIds: number[]; memberships: Float64Array[] };
  productGroups: { anchor: number; cohesion: number; items: number[] }[];
  associations: { customerGroup: number; productGroup: number; attributes: { attribute: string; degree: number }[]; support: number; confidence: number; lift: number }[];
  rules: { antecedent: number[]; consequent: number; support: number; confidence: number; lift: number; count: number }[];
  offers: { accountId: number; rank: number; productId: number; probability: number; expectedValue: number; reason: StoredReason }[];
}

/**
 * What a customer group is like, for the analyst: its size, its centre in the original units and in
 * z units, and the features that set it apart — those whose group mean lies furthest from the overall
 * mean, in standard deviations (|z| largest first). Each comes with a direction and the degree to
 * which the group "has" that attribute, Φ(z) for 'high' and Φ(−z) for 'low' (Φ the standard normal
 * CDF): z = +1 gives "high" to degree 0.84. This is the attribute–membership-degree pair of the
 * product's CG × PSG entity. Features within `minAbsZ` of the mean (default 0.2 sd, Cohen's "small"
 * effect) are not called distinguishing, so a middling group is described as such.
 *
 * Groups come as hard assignments (k-means) or as membership degrees (fuzzy c-means). With degrees a
 * group's mean weighs each customer by their degree, Σ_i u_ij x_i / Σ_i u_ij, its fuzzy size is
 * Σ_i u_ij and its (hard) size counts the customers whose largest degree is in it (ties: lower group).
 */
import type { LocalizedText } from '../localized-text.js';
import { describeGroup, suggestGroupName } from './describe-group.js';
import type { FeatureRows } from './feature-matrix.js';
import { normalCdf } from './normal-cdf.js';

export type GroupMembership = { assignments: ArrayLike<number> } | { memberships: readonly ArrayLike<number>[] };

export interface DistinguishingFeature {
  feature: string;
  /** Column of the feature. */
  index: number;
  direction: 'high' | 'low';
  /** (group mean − overall mean) / sd. */
  z: number;
  /** Degree in [0, 1] to which the group has the attribute "high feature" or "low feature". */
  degree: number;
}

export interface GroupProfile {
  group: number;
  size: number;
  fuzzySize: number;
  centroid: Float64Array;
  centroidZ: Float64Array;
  /** Largest |z| first. */
  distinguishing: DistinguishingFeature[];
  describe: LocalizedText;
  suggestedName: LocalizedText;
}

export interface ProfileOptions {
  /** Feature name → label shown in the texts; the name itself when missing. */
  labels?: Readonly<Record<string, LocalizedText>>;
  /** Distinguishing features per group at most, default 3. */
  top?: number;
  /** Smallest |z| that counts as distinguishing, default 0.2. */
  minAbsZ?: number;
}

/** `standardised` are the z-scores of `raw` row for row (`standardise`). */
export function profileGroups(
  featureNames: readonly string[],
  raw: FeatureRows,
  standardised: FeatureRows,
  groups: GroupMembership,
  options: ProfileOptions = {},
): GroupProfile[] {
  const n = raw.length;
  const d = featureNames.length;
  if (standardised.length !== n) throw new RangeError(`${n} raw rows but ${standardised.length} standardised ones`);
  const weights = membershipWeights(groups, n);
  const groupCount = weights[0]?.length ?? 0;
  const { top = 3, minAbsZ = 0.2 } = options;

  const overallZ = weightedMeans(standardised, d, () => 1)[0];
  const centroid = weightedMeans(raw, d, (i, g) => weights[i][g], groupCount);
  const centroidZ = weightedMeans(standardised, d, (i, g) => weights[i][g], groupCount);

  return Array.from({ length: groupCount }, (_, g) => {
    let size = 0;
    let fuzzySize = 0;
    for (let i = 0; i < n; i++) {
      fuzzySize += weights[i][g];
      if (largest(weights[i]) === g) size++;
    }
    const distinguishing = featureNames
      .map((feature, index): DistinguishingFeature => {
        const z = centroidZ[g][index] - overallZ[index];
        return { feature, index, direction: z >= 0 ? 'high' : 'low', z, degree: normalCdf(Math.abs(z)) };
      })
      .filter((f) => Math.abs(f.z) >= minAbsZ)
      .sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || a.index - b.index)
      .slice(0, top);
    return {
      group: g,
      size,
      fuzzySize,
      centroid: centroid[g],
      centroidZ: centroidZ[g],
      distinguishing,
      describe: describeGroup(distinguishing, fuzzySize, options.labels),
      suggestedName: suggestGroupName(distinguishing, fuzzySize, options.labels),
    };
  });
}

/** n rows of per-group weights: 0/1 for assignments, the degrees for memberships. */
function membershipWeights(groups: GroupMembership, n: number): ArrayLike<number>[] {
  if ('memberships' in groups) {
    if (groups.memberships.length !== n) throw new RangeError(`${n} rows but ${groups.memberships.length} membership rows`);
    return [...groups.memberships];
  }
  const { assignments } = groups;
  if (assignments.length !== n) throw new RangeError(`${n} rows but ${assignments.length} assignments`);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isInteger(assignments[i]) || assignments[i] < 0) throw new RangeError(`assignment of row ${i} is not a group number: ${assignments[i]}`);
    count = Math.max(count, assignments[i] + 1);
  }
  return Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(count);
    row[assignments[i]] = 1;
    return row;
  });
}

/** Per group, Σ_i w(i, g) x_i / Σ_i w(i, g) (NaN for a group with no weight). */
function weightedMeans(rows: FeatureRows, d: number, weight: (i: number, g: number) => number, groupCount = 1): Float64Array[] {
  const sums = Array.from({ length: groupCount }, () => new Float64Array(d));
  const totals = new Float64Array(groupCount);
  rows.forEach((row, i) => {
    if (row.length !== d) throw new RangeError(`row ${i} has ${row.length} features, expected ${d}`);
    for (let g = 0; g < groupCount; g++) {
      const w = weight(i, g);
      if (w === 0) continue;
      totals[g] += w;
      for (let j = 0; j < d; j++) sums[g][j] += w * row[j];
    }
  });
  return sums.map((sum, g) => sum.map((s) => s / totals[g]));
}

function largest(row: ArrayLike<number>): number {
  let best = 0;
  for (let g = 1; g < row.length; g++) if (row[g] > row[best]) best = g;
  return best;
}

/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007, "k-means++: the advantages of careful seeding",
 * SODA): the first centre is a uniformly random point, each next one is drawn with probability
 * proportional to D(x)², the squared distance to the nearest centre chosen so far. Greedy variant
 * (mentioned in the paper's conclusion; scikit-learn's default): draw 2 + ⌊ln k⌋ candidates and keep the one that
 * lowers the potential Σ D(x)² most, which makes a bad start (two seeds in one natural group) rarer.
 *
 * When all points coincide with chosen centres (fewer distinct points than k) the next centre is
 * drawn uniformly, so some centres repeat and their groups stay empty.
 */
import { squaredDistance, type DenseMatrix } from './feature-matrix.js';

/** k × columns centres, row-major. */
export function kMeansPlusPlus(data: DenseMatrix, k: number, random: () => number): Float64Array {
  const { rows: n, columns: d, values } = data;
  const centres = new Float64Array(k * d);
  const copyCentre = (index: number, into: number) => centres.set(values.subarray(index * d, index * d + d), into * d);

  const nearest = new Float64Array(n);
  const candidateNearest = new Float64Array(n);
  const bestNearest = new Float64Array(n);
  const cumulative = new Float64Array(n);

  const first = Math.floor(random() * n);
  copyCentre(first, 0);
  let potential = 0;
  for (let i = 0; i < n; i++) {
    nearest[i] = squaredDistance(values, i * d, values, first * d, d);
    potential += nearest[i];
  }

  const trials = 2 + Math.floor(Math.log(k));
  for (let c = 1; c < k; c++) {
    let sum = 0;
    for (let i = 0; i < n; i++) cumulative[i] = sum += nearest[i];
    let bestPotential = Infinity;
    let best = 0;
    for (let t = 0; t < trials; t++) {
      const candidate = potential > 0 ? upperBound(cumulative, random() * sum) : Math.floor(random() * n);
      let candidatePotential = 0;
      for (let i = 0; i < n; i++) {
        const distance = Math.min(nearest[i], squaredDistance(values, i * d, values, candidate * d, d));
        candidateNearest[i] = distance;
        candidatePotential += distance;
      }
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        best = candidate;
        bestNearest.set(candidateNearest);
      }
    }
    copyCentre(best, c);
    nearest.set(bestNearest);
    potential = bestPotential;
  }
  return centres;
}

/** First index whose cumulative weight exceeds r: the point drawn with probability ∝ its weight. */
function upperBound(cumulative: Float64Array, r: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

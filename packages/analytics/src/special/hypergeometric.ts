/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z), as needed by the BG/NBD model:
 * E[X(t)] (Fader, Hardie & Lee 2005, "Counting your customers the easy way", Marketing Science
 * 24(2):275–284, eq. 9) and E[Y(t) | x, t_x, T] (eq. 10) both contain ₂F₁ at an argument in [0, 1).
 *
 * Method: the Gauss series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ (Abramowitz & Stegun 15.1.1), summed until the
 * remaining tail is below machine precision. For z < −½ the Pfaff transformation (A&S 15.3.4)
 * ₂F₁(a, b; c; z) = (1−z)^(−a) ₂F₁(a, c−b; c; z/(z−1)) maps the argument into (⅓, 1). Near z = 1 the
 * series needs about 40/(1−z) terms — 5,000 for t = 520 weeks at α ≈ 4 — which is still cheap, so no
 * z → 1−z transformation (with its degenerate integer cases) is attempted; z ≥ 1 is rejected.
 */

const MAX_TERMS = 10_000_000;
const EPSILON = 1e-17;
const RESCALE = 1e250;
const LOG_RESCALE = Math.log(RESCALE);

function checkArguments(c: number, z: number): void {
  if (!(z < 1)) throw new RangeError(`hyp2f1: the series needs z < 1 (got ${z})`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1: c must not be 0, −1, −2, … (got ${c})`);
}

/** ₂F₁(a, b; c; z) for real a, b, c (c not a non-positive integer) and z < 1. */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  checkArguments(c, z);
  if (z < -0.5) return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1));
  let term = 1;
  let sum = 1;
  const tailFactor = 1 - Math.abs(z);
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    term *= ratio;
    sum += term;
    if (term === 0) return sum;
    // Stop once the terms shrink and the geometric bound on the tail is negligible.
    if (Math.abs(ratio) < 1 && Math.abs(term) <= EPSILON * Math.abs(sum) * tailFactor) return sum;
  }
  throw new RangeError(`hyp2f1(${a}, ${b}; ${c}; ${z}) did not converge in ${MAX_TERMS} terms`);
}

/**
 * ln ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, where every term of the series is positive.
 * The running sum is rescaled so that customers with hundreds of purchases (a = r + x, b = b + x
 * in eq. 10, where the series grows like e^(x·z)) do not overflow.
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(a > 0 && b > 0 && c > 0 && z >= 0)) {
    const value = hyp2f1(a, b, c, z);
    return Math.log(value); // NaN for a negative value: no real logarithm
  }
  checkArguments(c, z);
  let term = 1;
  let sum = 1;
  let logScale = 0;
  const tailFactor = 1 - z;
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    term *= ratio;
    sum += term;
    if (term === 0) break;
    if (sum > RESCALE) {
      sum /= RESCALE;
      term /= RESCALE;
      logScale += LOG_RESCALE;
    }
    if (ratio < 1 && term <= EPSILON * sum * tailFactor) return logScale + Math.log(sum);
  }
  if (term === 0) return logScale + Math.log(sum);
  throw new RangeError(`logHyp2f1(${a}, ${b}; ${c}; ${z}) did not converge in ${MAX_TERMS} terms`);
}

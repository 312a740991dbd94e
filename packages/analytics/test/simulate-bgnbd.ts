// Seeded simulation of the BG/NBD purchase process (Fader, Hardie & Lee 2005, §2, assumptions
// i–v) for parameter-recovery tests: λ ~ Gamma(r, rate α), p ~ Beta(a, b); while active the
// customer buys as a Poisson process with rate λ; after each repeat purchase the customer drops
// out with probability p (never at the first purchase, time 0 — as in the likelihood, where a
// customer with x = 0 contributes e^(−λT)).

import { seededRandom } from '../src/segments/random.js';

export { seededRandom };

function normal(random: () => number): number {
  // Box–Muller
  let u = 0;
  while (u === 0) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, scale 1) by Marsaglia & Tsang 2000 (ACM TOMS 26(3)); shape < 1 by the u^(1/k) boost. */
export function gammaVariate(shape: number, random: () => number): number {
  if (shape < 1) return gammaVariate(shape + 1, random) * Math.pow(random() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

export interface SimulatedCustomers {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

/**
 * n customers; each one's observation length T (weeks) is a whole number of days between
 * minDays and maxDays, /7, like a cohort acquired over a quarter.
 */
export function simulateBgNbd(
  params: { r: number; alpha: number; a: number; b: number },
  n: number,
  seed: number,
  window: { minDays: number; maxDays: number },
): SimulatedCustomers {
  const random = seededRandom(seed);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lambda = gammaVariate(params.r, random) / params.alpha;
    const ga = gammaVariate(params.a, random);
    const p = ga / (ga + gammaVariate(params.b, random));
    const days = window.minDays + Math.floor(random() * (window.maxDays - window.minDays + 1));
    T[i] = days / 7;
    let t = 0;
    let count = 0;
    let last = 0;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (t > T[i]) break;
      count++;
      last = t;
      if (random() < p) break; // drops out after this purchase
    }
    x[i] = count;
    tx[i] = last;
  }
  return { x, tx, T };
}

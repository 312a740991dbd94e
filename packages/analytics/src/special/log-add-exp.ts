/**
 * ln(e^u + e^v) and ln(1 + e^d) without overflow: the likelihoods of customers with hundreds of
 * purchases have terms like ((α+T)/(α+t_x))^(r+x) that overflow a double when taken literally.
 */

/** ln(1 + e^d), exact for large |d| (softplus). */
export function log1pExp(d: number): number {
  return d > 0 ? d + Math.log1p(Math.exp(-d)) : Math.log1p(Math.exp(d));
}

/** ln(e^u + e^v). Either argument may be −Infinity. */
export function logAddExp(u: number, v: number): number {
  if (u === -Infinity) return v;
  if (v === -Infinity) return u;
  return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
}

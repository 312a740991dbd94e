/**
 * Standard normal CDF Φ(x) = erfc(−x/√2) / 2, with erfc by the Chebyshev fit of Press et al.,
 * Numerical Recipes (2nd ed., §6.2, `erfcc`): relative error below 1.2e-7 for every x — far finer
 * than the two decimals a membership degree is shown with.
 */
export function normalCdf(x: number): number {
  return erfc(-x / Math.SQRT2) / 2;
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const tail =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? tail : 2 - tail;
}

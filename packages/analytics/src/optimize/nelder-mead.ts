/**
 * Nelder–Mead downhill simplex minimiser.
 *
 * J. A. Nelder & R. Mead 1965, "A simplex method for function minimization", The Computer Journal
 * 7(4):308–313, with the conventions of Lagarias, Reeds, Wright & Wright 1998 ("Convergence
 * properties of the Nelder–Mead simplex method in low dimensions", SIAM J. Optim. 9(1):112–147):
 * reflection ρ = 1, expansion χ = 2, contraction γ = ½ (outside and inside), shrink σ = ½,
 * expansion accepted only when it beats the reflected point. The stopping rule is SciPy's:
 * every vertex within `xTolerance` of the best one (max-norm) and every function value within
 * `fTolerance` of the best value.
 *
 * Used for maximum likelihood of the BG/NBD and Gamma-Gamma models on log-transformed parameters
 * (unconstrained), as in Fader & Hardie's spreadsheets and the `lifetimes` package. Non-finite
 * objective values are treated as +Infinity, so a parameter region where the likelihood overflows
 * simply repels the simplex.
 */

export interface NelderMeadOptions {
  /** Edge length of the initial simplex along each axis (number or one per coordinate). Default 0.1. */
  initialStep?: number | ArrayLike<number>;
  /** Default 1e-8. */
  xTolerance?: number;
  /** Default 1e-10. */
  fTolerance?: number;
  /** Default 200 × dimension. */
  maxIterations?: number;
  /** Default 400 × dimension. */
  maxEvaluations?: number;
}

export interface NelderMeadResult {
  x: Float64Array;
  fx: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export function nelderMead(
  objective: (x: Float64Array) => number,
  start: ArrayLike<number>,
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const n = start.length;
  if (n === 0) throw new RangeError('nelderMead: empty start point');
  const xTolerance = options.xTolerance ?? 1e-8;
  const fTolerance = options.fTolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 200 * n;
  const maxEvaluations = options.maxEvaluations ?? 400 * n;
  const step = options.initialStep ?? 0.1;

  let evaluations = 0;
  const f = (x: Float64Array): number => {
    evaluations++;
    const value = objective(x);
    return Number.isFinite(value) ? value : Infinity;
  };

  // Simplex: n + 1 vertices, kept sorted by function value (best first).
  const vertices: Float64Array[] = [];
  const values = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const v = Float64Array.from(start);
    if (i > 0) v[i - 1] += typeof step === 'number' ? step : step[i - 1];
    vertices.push(v);
    values[i] = f(v);
  }
  const order = new Int32Array(n + 1);
  const sortSimplex = (): void => {
    for (let i = 0; i <= n; i++) order[i] = i;
    order.sort((i, j) => (values[i] < values[j] ? -1 : values[i] > values[j] ? 1 : i - j));
    const vs = Array.from(order, (i) => vertices[i]);
    const fs = Array.from(order, (i) => values[i]);
    for (let i = 0; i <= n; i++) {
      vertices[i] = vs[i];
      values[i] = fs[i];
    }
  };
  sortSimplex();

  const centroid = new Float64Array(n);
  const reflected = new Float64Array(n);
  const trial = new Float64Array(n);
  const along = (coefficient: number, out: Float64Array): void => {
    // out = centroid + coefficient · (centroid − worst)
    const worst = vertices[n];
    for (let k = 0; k < n; k++) out[k] = centroid[k] + coefficient * (centroid[k] - worst[k]);
  };
  const replaceWorst = (x: Float64Array, fx: number): void => {
    vertices[n].set(x);
    values[n] = fx;
  };

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && evaluations < maxEvaluations) {
    // Converged?
    let xSpread = 0;
    let fSpread = 0;
    for (let i = 1; i <= n; i++) {
      fSpread = Math.max(fSpread, Math.abs(values[i] - values[0]));
      for (let k = 0; k < n; k++) xSpread = Math.max(xSpread, Math.abs(vertices[i][k] - vertices[0][k]));
    }
    if (xSpread <= xTolerance && fSpread <= fTolerance) {
      converged = true;
      break;
    }
    iterations++;

    centroid.fill(0);
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) centroid[k] += vertices[i][k] / n;

    along(1, reflected);
    const fReflected = f(reflected);
    if (fReflected < values[0]) {
      along(2, trial);
      const fExpanded = f(trial);
      if (fExpanded < fReflected) replaceWorst(trial, fExpanded);
      else replaceWorst(reflected, fReflected);
    } else if (fReflected < values[n - 1]) {
      replaceWorst(reflected, fReflected);
    } else {
      let shrink = false;
      if (fReflected < values[n]) {
        along(0.5, trial); // outside contraction
        const fContracted = f(trial);
        if (fContracted <= fReflected) replaceWorst(trial, fContracted);
        else shrink = true;
      } else {
        along(-0.5, trial); // inside contraction
        const fContracted = f(trial);
        if (fContracted < values[n]) replaceWorst(trial, fContracted);
        else shrink = true;
      }
      if (shrink) {
        const best = vertices[0];
        for (let i = 1; i <= n; i++) {
          for (let k = 0; k < n; k++) vertices[i][k] = best[k] + 0.5 * (vertices[i][k] - best[k]);
          values[i] = f(vertices[i]);
        }
      }
    }
    sortSimplex();
  }

  return { x: Float64Array.from(vertices[0]), fx: values[0], iterations, evaluations, converged };
}

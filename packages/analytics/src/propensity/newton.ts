/**
 * Newton's method with a backtracking (Armijo) line search for a smooth, strictly convex objective
 * of a few dozen parameters: the optimiser of the binary logistic regression (logistic-regression.ts)
 * and of the multinomial one (relationship-value/softmax-regression.ts). Each model supplies its
 * objective, gradient and Hessian; the steps, the stopping rule and the line search are here.
 *
 * A step solves H s = g by Cholesky (H is positive definite through the models' penalties); the Newton
 * decrement gᵀH⁻¹g / 2 estimates how far the objective is above its minimum. Below the tolerance, the
 * iterate is inside the region of quadratic convergence: the last full step is taken unchecked (it
 * costs nothing and squares the error) and the search stops. Otherwise the step is halved until it
 * decreases the objective by at least 1e-4 · t · decrement (Armijo, c = 1e-4; the full step almost
 * always passes), and when no step decreases it at all, the iterate is at the minimum to machine
 * precision.
 */

export interface NewtonProblem {
  /** Number of parameters p. */
  parameters: number;
  /** Length of what `objective` leaves behind for `derivatives` (e.g. each row's linear predictor). */
  stateLength: number;
  /** The objective at `params`; fills `state` with what the derivatives at `params` need. */
  objective(params: Float64Array, state: Float64Array): number;
  /**
   * Adds the gradient and the lower triangle of the Hessian (p × p, row-major) at `theta` into
   * `gradient` and `hessian`, which arrive zeroed; `state` is what `objective(theta)` left.
   */
  derivatives(theta: Float64Array, state: Float64Array, gradient: Float64Array, hessian: Float64Array): void;
}

export interface NewtonResult {
  iterations: number;
  converged: boolean;
  /** The objective at the final `theta`. */
  objective: number;
}

/**
 * Minimises `problem` from `theta`, which is updated in place to the solution. Stops when the
 * Newton decrement / 2 falls below `tolerance` (in the objective's units) or after `maxIterations`.
 */
export function newtonMinimise(problem: NewtonProblem, theta: Float64Array, { tolerance, maxIterations }: { tolerance: number; maxIterations: number }): NewtonResult {
  const p = problem.parameters;
  const state = new Float64Array(problem.stateLength);
  const trialState = new Float64Array(problem.stateLength);
  let objective = problem.objective(theta, state);
  let iterations = 0;
  let converged = false;
  const gradient = new Float64Array(p);
  const hessian = new Float64Array(p * p);
  while (iterations < maxIterations) {
    iterations++;
    gradient.fill(0);
    hessian.fill(0);
    problem.derivatives(theta, state, gradient, hessian);
    cholesky(hessian, p);
    const step = choleskySolve(hessian, p, gradient);
    let decrement = 0;
    for (let j = 0; j < p; j++) decrement += gradient[j] * step[j];
    if (decrement / 2 < tolerance) {
      // inside the region of quadratic convergence: the last full step costs nothing and squares the error
      for (let j = 0; j < p; j++) theta[j] -= step[j];
      objective = problem.objective(theta, state);
      converged = true;
      break;
    }
    // backtracking (Armijo, c = 1e-4): the full Newton step almost always passes
    let t = 1;
    const trial = new Float64Array(p);
    let trialObjective = Infinity;
    for (let halvings = 0; halvings < 50; halvings++) {
      for (let j = 0; j < p; j++) trial[j] = theta[j] - t * step[j];
      trialObjective = problem.objective(trial, trialState);
      if (trialObjective <= objective - 1e-4 * t * decrement) break;
      t /= 2;
    }
    if (!(trialObjective < objective)) {
      // no decrease within rounding: at the optimum to machine precision
      converged = true;
      break;
    }
    theta.set(trial);
    state.set(trialState);
    objective = trialObjective;
  }
  return { iterations, converged, objective };
}

/** In-place Cholesky factorisation of a symmetric positive-definite p × p matrix (row-major, lower triangle used). */
function cholesky(a: Float64Array, p: number): void {
  for (let j = 0; j < p; j++) {
    let diagonal = a[j * p + j];
    for (let k = 0; k < j; k++) diagonal -= a[j * p + k] ** 2;
    // the penalties keep H positive definite; only rounding can make a pivot non-positive
    if (!(diagonal > 0)) diagonal = 1e-12;
    const l = Math.sqrt(diagonal);
    a[j * p + j] = l;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j];
      for (let k = 0; k < j; k++) s -= a[i * p + k] * a[j * p + k];
      a[i * p + j] = s / l;
    }
  }
}

/** Solves L Lᵀ x = b for x (L from `cholesky`). */
function choleskySolve(l: Float64Array, p: number, b: Float64Array): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < p; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= l[i * p + k] * x[k];
    x[i] = s / l[i * p + i];
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < p; k++) s -= l[k * p + i] * x[k];
    x[i] = s / l[i * p + i];
  }
  return x;
}

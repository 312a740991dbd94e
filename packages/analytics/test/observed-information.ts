// Standard errors of maximum-likelihood estimates from the observed information: the inverse of
// the negative Hessian of the log-likelihood, by central finite differences on log parameters,
// mapped back by the delta method (SE(θ) = θ · SE(ln θ)). Used by the recovery tests to set a
// tolerance that follows from the sample, not from a guess.

export function standardErrorsOnLogScale(
  logLikelihood: (logParams: Float64Array) => number,
  logParams: Float64Array,
  step = 1e-4,
): Float64Array {
  const k = logParams.length;
  const H: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const at = (di: number, si: number, dj: number, sj: number): number => {
    const p = Float64Array.from(logParams);
    p[di] += si * step;
    p[dj] += sj * step;
    return logLikelihood(p);
  };
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const value = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * step * step);
      H[i][j] = H[j][i] = -value; // observed information
    }
  }
  const inverse = invert(H);
  return Float64Array.from({ length: k }, (_, i) => Math.sqrt(inverse[i][i]));
}

/** Gauss–Jordan with partial pivoting (small symmetric positive-definite matrices). */
function invert(m: number[][]): number[][] {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
    [a[c], a[pivot]] = [a[pivot], a[c]];
    const d = a[c][c];
    if (d === 0) throw new Error('singular information matrix');
    for (let j = 0; j < 2 * n; j++) a[c][j] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r][c];
      for (let j = 0; j < 2 * n; j++) a[r][j] -= f * a[c][j];
    }
  }
  return a.map((row) => row.slice(n));
}

/**
 * `symmetricInverse`: the inverse of a small symmetric positive-definite matrix (row-major, n × n) by Cholesky
 * factorisation — the covariance of a maximum-likelihood fit from its information matrix, or a Newton step.
 * Returns undefined when the matrix is not positive definite (a collinear or constant covariate), so the caller
 * can name the cause.
 */
export function symmetricInverse(a: ArrayLike<number>, n: number): Float64Array | undefined {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        // Relative to the diagonal: a pivot lost to rounding is a singular matrix, not a huge variance.
        if (!(s > 1e-12 * Math.abs(a[i * n + i])) || !Number.isFinite(s)) return undefined;
        l[i * n + i] = Math.sqrt(s);
      } else l[i * n + j] = s / l[j * n + j];
    }
  }
  // L⁻¹ by forward substitution, then A⁻¹ = L⁻ᵀ L⁻¹.
  const li = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    li[j * n + j] = 1 / l[j * n + j];
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= l[i * n + k] * li[k * n + j];
      li[i * n + j] = s / l[i * n + i];
    }
  }
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += li[k * n + i] * li[k * n + j];
      inv[i * n + j] = inv[j * n + i] = s;
    }
  return inv;
}

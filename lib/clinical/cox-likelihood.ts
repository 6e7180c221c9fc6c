/**
 * `coxLikelihood`: Cox's partial log-likelihood of coefficients β, its gradient and its Hessian, with tied event
 * times handled by Efron's or Breslow's approximation — the quantity `coxPh` maximises. One pass over the rows
 * from the latest time back, growing the risk set's sums S0 = Σ w, S1 = Σ w x, S2 = Σ w x xᵀ (w = exp(x·β)).
 * Efron: the d tied events at a time leave the risk set a fraction l/d at a time, l = 0 … d−1; Breslow: never.
 */

/** Rows as a row-major n × p matrix, follow-up times and 0/1 events. */
export interface CoxData {
  x: Float64Array;
  p: number;
  time: Float64Array;
  event: Uint8Array;
  /** Row indices by time, latest first. */
  order: Int32Array;
}

export interface CoxLikelihood {
  logLikelihood: number;
  gradient: Float64Array;
  /** Row-major p × p; negative definite at a maximum. */
  hessian: Float64Array;
}

/** Orders rows for coxLikelihood: latest time first. */
export function coxData(x: Float64Array, p: number, time: Float64Array, event: Uint8Array): CoxData {
  const order = Int32Array.from(time, (_, i) => i).sort((a, b) => time[b] - time[a]);
  return { x, p, time, event, order };
}

export function coxLikelihood(data: CoxData, beta: Float64Array, ties: 'efron' | 'breslow'): CoxLikelihood {
  const { x, p, time, event, order } = data;
  const n = time.length;
  const eta = new Float64Array(n);
  let top = -Infinity;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let a = 0; a < p; a++) s += x[i * p + a] * beta[a];
    eta[i] = s;
    if (s > top) top = s;
  }
  // exp(η − max η): a common factor cancels in every ratio and in the log-likelihood's differences.
  const w = Float64Array.from(eta, (v) => Math.exp(v - top));
  let ll = 0;
  const grad = new Float64Array(p);
  const hess = new Float64Array(p * p);
  let s0 = 0;
  const s1 = new Float64Array(p);
  const s2 = new Float64Array(p * p);
  const t1 = new Float64Array(p);
  const t2 = new Float64Array(p * p);
  const m1 = new Float64Array(p);
  for (let k = 0; k < n;) {
    const now = time[order[k]];
    let d = 0;
    let t0 = 0;
    t1.fill(0);
    t2.fill(0);
    for (; k < n && time[order[k]] === now; k++) {
      const i = order[k];
      const wi = w[i];
      s0 += wi;
      for (let a = 0; a < p; a++) {
        const xa = x[i * p + a];
        s1[a] += wi * xa;
        for (let b = 0; b <= a; b++) s2[a * p + b] += wi * xa * x[i * p + b];
      }
      if (!event[i]) continue;
      d++;
      t0 += wi;
      ll += eta[i] - top;
      for (let a = 0; a < p; a++) {
        const xa = x[i * p + a];
        grad[a] += xa;
        t1[a] += wi * xa;
        for (let b = 0; b <= a; b++) t2[a * p + b] += wi * xa * x[i * p + b];
      }
    }
    for (let l = 0; l < d; l++) {
      const f = ties === 'efron' ? l / d : 0;
      const phi = s0 - f * t0;
      ll -= Math.log(phi);
      for (let a = 0; a < p; a++) {
        m1[a] = (s1[a] - f * t1[a]) / phi;
        grad[a] -= m1[a];
      }
      for (let a = 0; a < p; a++) for (let b = 0; b <= a; b++) hess[a * p + b] -= (s2[a * p + b] - f * t2[a * p + b]) / phi - m1[a] * m1[b];
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) hess[b * p + a] = hess[a * p + b];
  return { logLikelihood: ll, gradient: grad, hessian: hess };
}

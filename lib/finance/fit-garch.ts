/**
 * `fitGarch`: a GARCH(1,1) or GJR-GARCH(1,1,1) volatility model with a constant (or zero) mean, fitted by maximum
 * likelihood with normal or standardised Student-t innovations, as `arch`'s `arch_model(r, vol="GARCH", p=1,
 * o=0|1, q=1, dist="normal"|"t")` defines it:
 *   σ²ₜ = ω + α ε²ₜ₋₁ + γ ε²ₜ₋₁·[εₜ₋₁ < 0] + β σ²ₜ₋₁,  εₜ = rₜ − μ,
 * with the pre-sample ε² and σ² set to arch's backcast (an exponentially weighted mean of the first 75 squared
 * residuals around the sample mean, weights 0.94ᵏ, fixed during the fit; half of it for the asymmetric term). Returns in percent (100 × simple returns) keep
 * ω away from the optimiser's floor, as arch advises.
 */
import { InputError } from '../util/errors';
import { returnSeries } from './return-series';
import { logGamma } from '../util/distributions';
import { nelderMead } from '../util/nelder-mead';

export interface GarchOptions {
  /** Mean model: a constant μ, or zero (returns already demeaned). Defaults to "constant". */
  mean?: 'constant' | 'zero';
  /** 1 adds the GJR asymmetry γ (bad news raises volatility more). Defaults to 0. */
  o?: 0 | 1;
  /** Innovation distribution. Defaults to "normal". */
  dist?: 'normal' | 't';
}

export interface GarchFit {
  params: { mu: number; omega: number; alpha: number; gamma: number; beta: number; nu?: number };
  logLikelihood: number;
  /** σₜ for every period of the fitted returns. */
  conditionalVolatility: Float64Array;
  /** Persistence α + γ/2 + β (below 1 for a stationary model). */
  persistence: number;
  /** Conditional variance forecasts 1 … h periods after the last return. */
  forecastVariance(h: number): Float64Array;
  /** The options it was fitted with. */
  options: Required<GarchOptions>;
}

/** arch's backcast: Σ wₖ ε²ₖ over the first min(75, n) residuals, wₖ ∝ 0.94ᵏ. */
function backcast(e: Float64Array): number {
  const tau = Math.min(75, e.length);
  let num = 0;
  let den = 0;
  for (let k = 0; k < tau; k++) {
    const w = 0.94 ** k;
    num += w * e[k] * e[k];
    den += w;
  }
  return num / den;
}

/** Conditional variances by the recursion, into `out`. */
function variances(e: Float64Array, omega: number, alpha: number, gamma: number, beta: number, bc: number, out: Float64Array): void {
  let prevE2 = bc;
  let prevNeg = 0.5 * bc;
  let prevS2 = bc;
  for (let t = 0; t < e.length; t++) {
    const s2 = omega + alpha * prevE2 + gamma * prevNeg + beta * prevS2;
    out[t] = s2;
    prevE2 = e[t] * e[t];
    prevNeg = e[t] < 0 ? prevE2 : 0;
    prevS2 = s2;
  }
}

/**
 * Fits the model.
 * @example const g = fitGarch(returns.map((r) => 100 * r), { dist: 't' }); g.params.beta; g.forecastVariance(10)
 */
export function fitGarch(returns: ArrayLike<number>, options: GarchOptions = {}): GarchFit {
  const opts: Required<GarchOptions> = { mean: options.mean ?? 'constant', o: options.o ?? 0, dist: options.dist ?? 'normal' };
  if (!['constant', 'zero'].includes(opts.mean)) throw new InputError(`fitGarch: mean must be "constant" or "zero", got ${JSON.stringify(opts.mean)}`);
  if (opts.o !== 0 && opts.o !== 1) throw new InputError(`fitGarch: o must be 0 (GARCH) or 1 (GJR-GARCH), got ${opts.o}`);
  if (!['normal', 't'].includes(opts.dist)) throw new InputError(`fitGarch: dist must be "normal" or "t", got ${JSON.stringify(opts.dist)}`);
  const r = returnSeries('fitGarch', returns, 30, ' to estimate a volatility model');
  const n = r.length;
  const mean0 = opts.mean === 'constant' ? r.reduce((s, v) => s + v, 0) / n : 0;
  let var0 = 0;
  for (const v of r) var0 += (v - mean0) ** 2;
  var0 /= n;
  const e = new Float64Array(n);
  // As arch: the backcast comes from the residuals of the starting mean and stays fixed while μ moves.
  const bc = backcast(Float64Array.from(r, (v) => v - mean0));
  const s2 = new Float64Array(n);
  const t = opts.dist === 't';
  // x = [μ, ln ω, √α, √γ, √β, ln(ν − 2)]: positivity by the transforms, stationarity by an infinite penalty.
  const unpack = (x: Float64Array) => ({
    mu: opts.mean === 'constant' ? x[0] : 0,
    omega: Math.exp(x[1]),
    alpha: x[2] * x[2],
    gamma: opts.o ? x[3] * x[3] : 0,
    beta: x[4] * x[4],
    nu: t ? 2 + Math.exp(x[5]) : Infinity,
  });
  const negLogLik = (x: Float64Array): number => {
    const p = unpack(x);
    if (p.alpha + p.gamma / 2 + p.beta >= 1 || (t && !(p.nu > 2.05 && p.nu < 500))) return Infinity;
    for (let i = 0; i < n; i++) e[i] = r[i] - p.mu;
    variances(e, p.omega, p.alpha, p.gamma, p.beta, bc, s2);
    let ll = 0;
    if (!t) {
      for (let i = 0; i < n; i++) ll += Math.log(s2[i]) + (e[i] * e[i]) / s2[i];
      return 0.5 * (ll + n * Math.log(2 * Math.PI));
    }
    const c = logGamma((p.nu + 1) / 2) - logGamma(p.nu / 2) - 0.5 * Math.log(Math.PI * (p.nu - 2));
    for (let i = 0; i < n; i++) ll += c - 0.5 * Math.log(s2[i]) - ((p.nu + 1) / 2) * Math.log(1 + (e[i] * e[i]) / (s2[i] * (p.nu - 2)));
    return -ll;
  };
  const start = [mean0, Math.log(var0 * 0.05), Math.sqrt(opts.o ? 0.03 : 0.08), Math.sqrt(opts.o ? 0.1 : 0), Math.sqrt(0.88), Math.log(6)];
  const { x } = nelderMead(negLogLik, start, { tolerance: 1e-13, maxEvaluations: 40_000 });
  const p = unpack(x);
  const ll = -negLogLik(x);
  const sigma = Float64Array.from(s2, Math.sqrt);
  const last = { e2: e[n - 1] * e[n - 1], neg: e[n - 1] < 0 ? e[n - 1] * e[n - 1] : 0, s2: s2[n - 1] };
  const persistence = p.alpha + p.gamma / 2 + p.beta;
  return {
    params: { mu: p.mu, omega: p.omega, alpha: p.alpha, gamma: p.gamma, beta: p.beta, ...(t ? { nu: p.nu } : {}) },
    logLikelihood: ll,
    conditionalVolatility: sigma,
    persistence,
    options: opts,
    forecastVariance(h: number): Float64Array {
      if (!(Number.isInteger(h) && h >= 1)) throw new InputError(`forecastVariance: h must be a whole number of periods ≥ 1, got ${h}`);
      const out = new Float64Array(h);
      out[0] = p.omega + p.alpha * last.e2 + p.gamma * last.neg + p.beta * last.s2;
      for (let k = 1; k < h; k++) out[k] = p.omega + persistence * out[k - 1];
      return out;
    },
  };
}

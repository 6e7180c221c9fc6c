/**
 * `rollingGarchValueAtRisk`: one-step-ahead VaR and expected shortfall from a GARCH model, out of sample — the
 * model is refitted every `refitEvery` periods on the `window` periods before, and between refits its variance is
 * carried forward by the recursion with each new return as it arrives; the forecast for period t uses returns up
 * to t − 1 only. VaR_t = −(μ + σ_t · q), q the standardised innovation quantile at 1 − level.
 */
import { InputError } from '../util/errors';
import { checkList, checkPositiveInt } from '../util/check';
import { normalPdf, normalQuantile, studentTPdf, studentTQuantile } from '../util/distributions';
import { fitGarch, type GarchOptions } from './fit-garch';

export interface RollingGarchOptions extends GarchOptions {
  /** Past periods each fit uses. Defaults to 1000. */
  window?: number;
  /** Periods between refits. Defaults to 20. */
  refitEvery?: number;
  /** VaR level. Defaults to 0.99. */
  level?: number;
  /** The returns' scale for fitting (100: percent, which keeps ω well above the optimiser's floor). Defaults to 100. */
  scale?: number;
}

/** Standardised (unit-variance) quantile and tail mean at probability a. */
function tail(a: number, nu: number | undefined): { q: number; es: number } {
  if (nu === undefined) {
    const z = normalQuantile(a);
    return { q: z, es: -normalPdf(z) / a };
  }
  const s = Math.sqrt((nu - 2) / nu);
  const t = studentTQuantile(a, nu);
  return { q: s * t, es: -s * (studentTPdf(t, nu) / a) * ((nu + t * t) / (nu - 1)) };
}

/**
 * Out-of-sample VaR and ES forecasts (positive losses, in the returns' units), NaN before the first full window.
 * @example const g = rollingGarchValueAtRisk(r, { dist: 't', level: 0.99 }); kupiecTest(exceedances(r, g.valueAtRisk), { level: 0.99 })
 */
export function rollingGarchValueAtRisk(
  returns: ArrayLike<number>,
  options: RollingGarchOptions = {},
): { valueAtRisk: Float64Array; expectedShortfall: Float64Array; volatility: Float64Array; fits: number } {
  checkList('rollingGarchValueAtRisk: returns', returns);
  const window = checkPositiveInt('window', options.window ?? 1000, 30);
  const refitEvery = checkPositiveInt('refitEvery', options.refitEvery ?? 20);
  const level = options.level ?? 0.99;
  if (!(level > 0.5 && level < 1)) throw new InputError(`rollingGarchValueAtRisk: level must be between 0.5 and 1, got ${level}`);
  const scale = options.scale ?? 100;
  const r = Float64Array.from(returns, (v) => v * scale);
  if (r.length <= window)
    throw new InputError(
      `rollingGarchValueAtRisk: ${r.length} returns leave no period after a window of ${window}; use a shorter window (-p window=250) or more data`,
    );
  const n = r.length;
  const v = new Float64Array(n).fill(NaN);
  const es = new Float64Array(n).fill(NaN);
  const vol = new Float64Array(n).fill(NaN);
  let fits = 0;
  let fit: ReturnType<typeof fitGarch> | undefined;
  let s2 = 0;
  let q = { q: 0, es: 0 };
  for (let t = window; t < n; t++) {
    if ((t - window) % refitEvery === 0) {
      fit = fitGarch(r.subarray(t - window, t), options); // periods t − window … t − 1
      fits++;
      s2 = fit.forecastVariance(1)[0];
      q = tail(1 - level, fit.params.nu);
    } else {
      const p = fit!.params;
      const e = r[t - 1] - p.mu;
      s2 = p.omega + p.alpha * e * e + (e < 0 ? p.gamma * e * e : 0) + p.beta * s2;
    }
    const sd = Math.sqrt(s2);
    vol[t] = sd / scale;
    v[t] = -(fit!.params.mu + sd * q.q) / scale;
    es[t] = -(fit!.params.mu + sd * q.es) / scale;
  }
  return { valueAtRisk: v, expectedShortfall: es, volatility: vol, fits };
}

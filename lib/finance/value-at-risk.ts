/**
 * `valueAtRisk` and `expectedShortfall` of a return series, as positive losses: VaR at level 0.99 is the loss
 * exceeded on 1% of periods, expected shortfall the mean loss on those periods. Four methods, one definition each:
 * - historical: the (1 − level) quantile of the returns, linearly interpolated (NumPy's `percentile`, as
 *   empyrical's `value_at_risk`); shortfall: the mean of the k = ⌊(n − 1)(1 − level)⌋ + 1 smallest returns (empyrical's
 *   `conditional_value_at_risk`);
 * - normal: mean + standard deviation (n − 1) × z, z the normal (1 − level) quantile;
 * - t: Student-t with ν from the excess kurtosis K (ν = 4 + 6 / K; `df` sets it), scaled to the sample variance;
 * - cornish-fisher: the normal quantile corrected for skewness S and excess kurtosis K (population moments, as
 *   SciPy's `skew`/`kurtosis`): z + (z² − 1)S/6 + (z³ − 3z)K/24 − (2z³ − 5z)S²/36; shortfall not defined (refused).
 */
import { InputError } from '../util/errors';
import { checkList } from '../util/check';
import { returnSeries } from './return-series';
import { quantile } from '../util/stats';
import { normalPdf, normalQuantile, studentTPdf, studentTQuantile } from '../util/distributions';

export type RiskMethod = 'historical' | 'normal' | 't' | 'cornish-fisher';
const METHODS: readonly RiskMethod[] = ['historical', 'normal', 't', 'cornish-fisher'];

export interface RiskOptions {
  /** Confidence level: 0.99 is the loss exceeded on 1% of periods. Defaults to 0.95. */
  level?: number;
  /** How the return distribution is modelled (see the file's header). Defaults to "historical". */
  method?: RiskMethod;
  /** Degrees of freedom for method "t". Defaults to 4 + 6 / excess kurtosis (normal when the kurtosis is not above 0). */
  df?: number;
}

/** Mean, sample standard deviation, population skewness and excess kurtosis. */
export function moments(r: ArrayLike<number>): { mean: number; sd: number; skew: number; kurt: number } {
  checkList('moments: returns', r);
  const n = r.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += r[i];
  mean /= n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = r[i] - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  const pop = m2 / n;
  return { mean, sd: Math.sqrt(m2 / (n - 1)), skew: m3 / n / pop ** 1.5, kurt: m4 / n / (pop * pop) - 3 };
}

function checked(caller: string, returns: ArrayLike<number>, options: RiskOptions): { r: Float64Array; level: number; method: RiskMethod } {
  const level = options.level ?? 0.95;
  if (!(level > 0.5 && level < 1)) throw new InputError(`${caller}: level must be between 0.5 and 1 (0.99 for the 1% tail), got ${level}`);
  const method = options.method ?? 'historical';
  if (!METHODS.includes(method)) throw new InputError(`${caller}: unknown method ${JSON.stringify(method)} (valid: ${METHODS.join(', ')})`);
  return { r: returnSeries(caller, returns, 2), level, method };
}

/** ν for the t method: given, or from the excess kurtosis (Infinity: no excess kurtosis, the normal). */
function degrees(kurt: number, df: number | undefined): number {
  if (df !== undefined) {
    if (!(df > 2)) throw new InputError(`df must be above 2 (the variance is infinite below), got ${df}`);
    return df;
  }
  return kurt > 0 ? 4 + 6 / kurt : Infinity;
}

/**
 * Value-at-Risk as a positive loss.
 * @example valueAtRisk(logReturns(close).slice(1), { level: 0.99, method: 't' })  // 0.031: a 3.1% loss on 1% of days
 */
export function valueAtRisk(returns: ArrayLike<number>, options: RiskOptions = {}): number {
  const { r, level, method } = checked('valueAtRisk', returns, options);
  const a = 1 - level;
  if (method === 'historical') return -quantile(Array.from(r), a);
  const { mean, sd, skew, kurt } = moments(r);
  const z = normalQuantile(a);
  if (method === 'normal') return -(mean + sd * z);
  if (method === 'cornish-fisher') {
    const zcf = z + ((z * z - 1) * skew) / 6 + ((z ** 3 - 3 * z) * kurt) / 24 - ((2 * z ** 3 - 5 * z) * skew * skew) / 36;
    return -(mean + sd * zcf);
  }
  const nu = degrees(kurt, options.df);
  if (!Number.isFinite(nu)) return -(mean + sd * z);
  return -(mean + sd * Math.sqrt((nu - 2) / nu) * studentTQuantile(a, nu));
}

/**
 * Expected shortfall (conditional VaR) as a positive loss: the mean loss beyond the VaR.
 * @example expectedShortfall(returns, { level: 0.975 })
 */
export function expectedShortfall(returns: ArrayLike<number>, options: RiskOptions = {}): number {
  const { r, level, method } = checked('expectedShortfall', returns, options);
  const a = 1 - level;
  if (method === 'cornish-fisher')
    throw new InputError('expectedShortfall: the Cornish-Fisher expansion gives a quantile, not a tail mean; use method "historical", "normal" or "t"');
  if (method === 'historical') {
    const k = Math.floor((r.length - 1) * a) + 1;
    const sorted = Float64Array.from(r).sort();
    let sum = 0;
    for (let i = 0; i < k; i++) sum += sorted[i];
    return -(sum / k);
  }
  const { mean, sd, kurt } = moments(r);
  const nu = method === 't' ? degrees(kurt, options.df) : Infinity;
  if (!Number.isFinite(nu)) return -(mean - (sd * normalPdf(normalQuantile(a))) / a);
  const t = studentTQuantile(a, nu);
  // Tail mean of a standard t below t_a: −f(t_a)/a · (ν + t_a²)/(ν − 1); scaled to unit variance by √((ν − 2)/ν).
  return -(mean - sd * Math.sqrt((nu - 2) / nu) * ((studentTPdf(t, nu) / a) * ((nu + t * t) / (nu - 1))));
}

/**
 * `fitAutoregressive` and `autoregressiveForecast`: the classical baseline beside persistence — an AR(p) model
 * y[t] = c + φ1·y[t−1] + … + φp·y[t−p] + e[t] fitted by ordinary least squares on the training rows only
 * (statsmodels' `AutoReg(y, lags=p, trend="c")`, conditional least squares). Forecasts `horizon` rows ahead are
 * made recursively from the values observed up to the forecast origin, as statsmodels' `forecast(h)`, so the model
 * never sees the value it forecasts. The least-squares solve is a Householder QR, not the normal equations: the
 * lags of a level series are nearly collinear.
 */
import { InputError } from '../util/errors';
import { checkPositiveInt } from '../util/check';
import { checkList } from '../util/check';

export interface AutoregressiveFit {
  lags: number;
  /** c (0 when `trend` is "n"). */
  intercept: number;
  /** φ1 … φp: coefficient of y[t−1] first. */
  coefficients: Float64Array;
  /** Residual variance with statsmodels' divisor (observations used, not degrees of freedom). */
  sigma2: number;
  /** Rows the fit used (the training rows after the first `lags`). */
  observations: number;
}

export interface FitAutoregressiveOptions {
  /** Lags p. Required. */
  lags: number;
  /** "c" fits an intercept (the default, as statsmodels); "n" none. */
  trend?: 'c' | 'n';
  /** Fit on rows [0, trainEnd) only. Defaults to the whole series. */
  trainEnd?: number;
}

/** Least squares min ‖Xb − y‖ by Householder QR; X is row-major [n × k], n ≥ k. */
function leastSquares(x: Float64Array, y: Float64Array, n: number, k: number): Float64Array {
  const a = Float64Array.from(x);
  const b = Float64Array.from(y);
  for (let j = 0; j < k; j++) {
    let norm = 0;
    for (let i = j; i < n; i++) norm += a[i * k + j] ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    const alpha = a[j * k + j] > 0 ? -norm : norm;
    const v = new Float64Array(n - j);
    for (let i = j; i < n; i++) v[i - j] = a[i * k + j];
    v[0] -= alpha;
    let vv = 0;
    for (const e of v) vv += e * e;
    if (vv === 0) continue;
    for (let c = j; c < k; c++) {
      let d = 0;
      for (let i = j; i < n; i++) d += v[i - j] * a[i * k + c];
      const f = (2 * d) / vv;
      for (let i = j; i < n; i++) a[i * k + c] -= f * v[i - j];
    }
    let d = 0;
    for (let i = j; i < n; i++) d += v[i - j] * b[i];
    const f = (2 * d) / vv;
    for (let i = j; i < n; i++) b[i] -= f * v[i - j];
  }
  const beta = new Float64Array(k);
  let scale = 0;
  for (let j = 0; j < k; j++) scale = Math.max(scale, Math.abs(a[j * k + j]));
  for (let j = k - 1; j >= 0; j--) {
    const r = a[j * k + j];
    if (Math.abs(r) <= 1e-12 * scale)
      throw new InputError(`fitAutoregressive: the lagged values are linearly dependent (the series is constant or repeats exactly); use fewer lags`);
    let s = b[j];
    for (let c = j + 1; c < k; c++) s -= a[j * k + c] * beta[c];
    beta[j] = s / r;
  }
  return beta;
}

function checkSeries(series: ArrayLike<number>, end: number, what: string): void {
  for (let i = 0; i < end; i++)
    if (!Number.isFinite(series[i])) throw new InputError(`${what}: the series holds ${series[i]} at row ${i}; fill or drop missing values before fitting`);
}

/**
 * Fits AR(p) by least squares on the training rows.
 * @example const ar = fitAutoregressive(level, { lags: 3, trainEnd: split.train.numRows });
 */
export function fitAutoregressive(series: ArrayLike<number>, options: FitAutoregressiveOptions): AutoregressiveFit {
  checkList('fitAutoregressive: series', series);
  const p = checkPositiveInt('lags', options.lags);
  const end = options.trainEnd ?? series.length;
  if (!(Number.isInteger(end) && end >= 0 && end <= series.length))
    throw new InputError(`fitAutoregressive: trainEnd must be a row count 0..${series.length}, got ${end}`);
  const trend = options.trend ?? 'c';
  if (trend !== 'c' && trend !== 'n') throw new InputError(`fitAutoregressive: trend must be "c" or "n", got ${String(trend)}`);
  const k = p + (trend === 'c' ? 1 : 0);
  const n = end - p;
  if (n < k + 1)
    throw new InputError(`fitAutoregressive: ${end} training rows leave ${Math.max(n, 0)} observations for ${k} coefficients; use fewer lags or more rows`);
  checkSeries(series, end, 'fitAutoregressive');
  const x = new Float64Array(n * k);
  const y = new Float64Array(n);
  for (let t = p; t < end; t++) {
    const r = t - p;
    let c = 0;
    if (trend === 'c') x[r * k + c++] = 1;
    for (let l = 1; l <= p; l++) x[r * k + c++] = series[t - l];
    y[r] = series[t];
  }
  const beta = leastSquares(x, y, n, k);
  let ss = 0;
  for (let r = 0; r < n; r++) {
    let f = 0;
    for (let c = 0; c < k; c++) f += x[r * k + c] * beta[c];
    ss += (y[r] - f) ** 2;
  }
  const intercept = trend === 'c' ? beta[0] : 0;
  return { lags: p, intercept, coefficients: beta.subarray(trend === 'c' ? 1 : 0), sigma2: ss / n, observations: n };
}

/** `autoregressiveForecast`'s options: a fit, or what `fitAutoregressive` needs, and the horizon. */
export type AutoregressiveForecastOptions = {
  /** Rows between the forecast origin and the target. Defaults to 1. */
  horizon?: number;
} & (
  | {
      /** A model from `fitAutoregressive`. */
      fit: AutoregressiveFit;
      /** Training rows; targets before it are refused. Defaults to none. */
      trainEnd?: number;
    }
  | FitAutoregressiveOptions
);

/**
 * AR forecasts for `targetRows` of the series, each made `horizon` rows ahead from the values observed up to the
 * row `horizon` before it (recursive forecasting). Pass a fit from `fitAutoregressive`, or `lags` and `trainEnd` to
 * fit here; either way target rows inside the training rows are refused, so the evaluation stays out of sample.
 * @example const ar = autoregressiveForecast(level, rows, { lags: 3, trainEnd: trainRows });
 */
export function autoregressiveForecast(series: ArrayLike<number>, targetRows: ArrayLike<number>, options: AutoregressiveForecastOptions): Float64Array {
  checkList('autoregressiveForecast: series', series);
  const h = checkPositiveInt('horizon', options.horizon ?? 1);
  if (!('fit' in options && options.fit) && options.trainEnd === undefined)
    throw new InputError(
      'autoregressiveForecast: pass trainEnd (the number of training rows) so the model is fitted on them only, or a fit from fitAutoregressive',
    );
  const fit = 'fit' in options && options.fit ? options.fit : fitAutoregressive(series, options as FitAutoregressiveOptions);
  const trainEnd = options.trainEnd;
  const p = fit.lags;
  const phi = fit.coefficients;
  const out = new Float64Array(targetRows.length);
  for (let i = 0; i < targetRows.length; i++) {
    const row = targetRows[i];
    if (!(Number.isInteger(row) && row >= 0 && row < series.length + h))
      throw new InputError(`autoregressiveForecast: target row ${row} is not a row of the series (0..${series.length - 1})`);
    if (trainEnd !== undefined && row < trainEnd)
      throw new InputError(`autoregressiveForecast: target row ${row} is inside the training rows (< ${trainEnd}); forecast rows after the training period`);
    const origin = row - h; // last observed row
    if (origin - p + 1 < 0) throw new InputError(`autoregressiveForecast: target row ${row} has fewer than ${p} observations ${h} row(s) before it`);
    const hist: number[] = [];
    for (let t = origin - p + 1; t <= origin; t++) {
      if (!Number.isFinite(series[t])) throw new InputError(`autoregressiveForecast: the series holds ${series[t]} at row ${t}, needed for target row ${row}`);
      hist.push(series[t]);
    }
    for (let s = 0; s < h; s++) {
      let f = fit.intercept;
      for (let l = 1; l <= p; l++) f += phi[l - 1] * hist[hist.length - l];
      hist.push(f);
    }
    out[i] = hist[hist.length - 1];
  }
  return out;
}

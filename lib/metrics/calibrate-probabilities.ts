/**
 * `calibrateProbabilities`: turns a classifier's scores into probabilities that mean what they say (of the cases
 * given 0.8, about 80% are positive), fitted on validation cases the model was not trained on — scikit-learn's
 * CalibratedClassifierCV on a fitted model. "sigmoid" is Platt scaling, p = 1 / (1 + exp(A·s + B)), with Platt's
 * smoothed targets (n₊ + 1)/(n₊ + 2) and 1/(n₋ + 2); two numbers, safe on few cases. "isotonic" is the best
 * non-decreasing step function (pool adjacent violators), linear between its steps and clipped at the ends; more
 * flexible, and it needs more cases (scikit-learn advises against it below about 1,000). Both keep the ranking, so
 * ROC-AUC is unchanged by sigmoid and nearly so by isotonic; class weights and dropout often leave probabilities
 * skewed, which is what this repairs.
 */
import { InputError } from '../util/errors';
import { checkBinaryLabels, checkPair } from './check';

export interface CalibrationFitOptions {
  /** "sigmoid" (Platt, default) or "isotonic". */
  method?: 'sigmoid' | 'isotonic';
}

/** A fitted calibration map: `transform(scores)` gives calibrated probabilities. */
export interface FittedCalibration {
  method: 'sigmoid' | 'isotonic';
  /** Platt's A and B (sigmoid), or the isotonic steps' scores and values. */
  parameters: { a: number; b: number } | { x: Float64Array; y: Float64Array };
  transform(scores: ArrayLike<number>): Float64Array;
}

function platt(y: ArrayLike<number>, s: ArrayLike<number>): { a: number; b: number } {
  const n = y.length;
  let pos = 0;
  for (let i = 0; i < n; i++) pos += y[i];
  const neg = n - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  // Newton's method on the log loss of sigmoid(−(a·s + b)) against the smoothed targets (convex in a, b).
  let a = 0;
  let b = Math.log((neg + 1) / (pos + 1));
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0,
      gb = 0,
      haa = 0,
      hab = 0,
      hbb = 0;
    for (let i = 0; i < n; i++) {
      const t = y[i] > 0 ? hi : lo;
      const p = 1 / (1 + Math.exp(a * s[i] + b));
      const d = t - p; // derivative of the loss with respect to (a·s + b)
      const w = p * (1 - p);
      ga += d * s[i];
      gb += d;
      haa += w * s[i] * s[i];
      hab += w * s[i];
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 1e-300)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-12 && Math.abs(db) < 1e-12) break;
  }
  return { a, b };
}

function isotonic(y: ArrayLike<number>, s: ArrayLike<number>): { x: Float64Array; y: Float64Array } {
  const order = Array.from({ length: s.length }, (_, i) => i).sort((i, j) => s[i] - s[j]);
  // Equal scores are one point (their mean label, weighted by count), as scikit-learn does.
  const xs: number[] = [];
  const sums: number[] = [];
  const counts: number[] = [];
  for (const i of order) {
    if (xs.length && xs[xs.length - 1] === s[i]) {
      sums[sums.length - 1] += y[i];
      counts[counts.length - 1]++;
    } else {
      xs.push(s[i]);
      sums.push(y[i]);
      counts.push(1);
    }
  }
  // Pool adjacent violators: blocks of (sum, count, first point).
  const bs: number[] = [];
  const bc: number[] = [];
  const bstart: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    bs.push(sums[i]);
    bc.push(counts[i]);
    bstart.push(i);
    while (bs.length > 1 && bs[bs.length - 2] / bc[bc.length - 2] >= bs[bs.length - 1] / bc[bc.length - 1]) {
      bs[bs.length - 2] += bs.pop()!;
      bc[bc.length - 2] += bc.pop()!;
      bstart.pop();
    }
  }
  const fitted = new Float64Array(xs.length);
  for (let k = 0; k < bs.length; k++) {
    const end = k + 1 < bstart.length ? bstart[k + 1] : xs.length;
    for (let i = bstart[k]; i < end; i++) fitted[i] = bs[k] / bc[k];
  }
  return { x: Float64Array.from(xs), y: fitted };
}

function interpolate(x: Float64Array, y: Float64Array, v: number): number {
  if (v <= x[0]) return y[0];
  const last = x.length - 1;
  if (v >= x[last]) return y[last];
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid] <= v) lo = mid;
    else hi = mid;
  }
  return y[lo] + ((y[hi] - y[lo]) * (v - x[lo])) / (x[hi] - x[lo]);
}

/**
 * Fits a calibration map on validation labels (0/1) and the model's scores for them (predict's probabilities).
 * @example const cal = calibrateProbabilities(valid.y, await predict(model, valid)); const p = cal.transform(await predict(model, test));
 */
export function calibrateProbabilities(labels: ArrayLike<number>, scores: ArrayLike<number>, options: CalibrationFitOptions = {}): FittedCalibration {
  checkPair('calibrateProbabilities', labels, scores);
  checkBinaryLabels('calibrateProbabilities', labels);
  const method = options.method ?? 'sigmoid';
  let pos = 0;
  for (let i = 0; i < labels.length; i++) pos += labels[i];
  if (pos === 0 || pos === labels.length)
    throw new InputError(`calibrateProbabilities needs both classes among the validation cases; got ${labels.length} cases, all ${pos ? 1 : 0}`);
  const check = (v: ArrayLike<number>) => {
    for (let i = 0; i < v.length; i++)
      if (!Number.isFinite(v[i])) throw new InputError(`calibrateProbabilities: score ${v[i]} at index ${i}; check the model's output`);
  };
  if (method === 'sigmoid') {
    const { a, b } = platt(labels, scores);
    return { method, parameters: { a, b }, transform: (s) => (check(s), Float64Array.from(s, (v) => 1 / (1 + Math.exp(a * v + b)))) };
  }
  if (method === 'isotonic') {
    const steps = isotonic(labels, scores);
    return { method, parameters: steps, transform: (s) => (check(s), Float64Array.from(s, (v) => interpolate(steps.x, steps.y, v))) };
  }
  throw new InputError(`calibrateProbabilities: method must be "sigmoid" or "isotonic", got ${JSON.stringify(method)}`);
}

/**
 * `calibrationSlope`: logistic recalibration of predicted probabilities (Cox 1958), which TRIPOD asks a model's
 * report to give. The slope β from logit P(y = 1) = α + β · logit(p): 1 is ideal, below 1 means predictions too
 * extreme (overfitting). The intercept (calibration-in-the-large) is α with the slope fixed at 1 — logit(p) as an
 * offset: 0 is ideal, below 0 means risks overestimated. Both by Newton–Raphson (IRLS), as statsmodels' `Logit` and
 * `GLM(..., offset=logit(p))` fit them, with Wald standard errors and intervals; the observed/expected ratio beside.
 */
import { InputError } from '../util/errors';
import { checkPair, checkBinaryLabels, checkProbabilities } from '../metrics/check';
import { normalQuantile } from '../util/distributions';

export interface CalibrationSlopeOptions {
  /** Confidence level of the intervals. Defaults to 0.95. */
  level?: number;
}

export interface Estimate {
  estimate: number;
  standardError: number;
  lower: number;
  upper: number;
}

export interface CalibrationSlopeResult {
  slope: Estimate;
  /** The slope model's own intercept α (with the slope free). */
  slopeIntercept: number;
  /** Calibration-in-the-large: the intercept with the slope fixed at 1. */
  intercept: Estimate;
  /** Observed events ÷ the sum of predicted probabilities (1 is ideal). */
  observedExpected: number;
}

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Newton–Raphson for a logistic model with columns [1, x] (or [1] and offset x): coefficients and their covariance. */
function irls(y: ArrayLike<number>, x: Float64Array, withSlope: boolean): { b: number[]; cov: number[][] } {
  const n = y.length;
  let b = withSlope ? [0, 1] : [0];
  for (let iter = 0; iter < 100; iter++) {
    const g = withSlope ? [0, 0] : [0];
    const h = withSlope
      ? [
          [0, 0],
          [0, 0],
        ]
      : [[0]];
    for (let i = 0; i < n; i++) {
      const eta = withSlope ? b[0] + b[1] * x[i] : b[0] + x[i];
      const mu = sigmoid(eta);
      const w = mu * (1 - mu);
      const r = y[i] - mu;
      g[0] += r;
      h[0][0] += w;
      if (withSlope) {
        g[1] += r * x[i];
        h[0][1] += w * x[i];
        h[1][1] += w * x[i] * x[i];
      }
    }
    let step: number[];
    if (withSlope) {
      h[1][0] = h[0][1];
      const det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
      step = [(h[1][1] * g[0] - h[0][1] * g[1]) / det, (-h[1][0] * g[0] + h[0][0] * g[1]) / det];
    } else step = [g[0] / h[0][0]];
    b = b.map((v, j) => v + step[j]);
    if (step.every((s) => Math.abs(s) < 1e-12)) {
      if (!withSlope) return { b, cov: [[1 / h[0][0]]] };
      const det = h[0][0] * h[1][1] - h[0][1] * h[0][1];
      return {
        b,
        cov: [
          [h[1][1] / det, -h[0][1] / det],
          [-h[0][1] / det, h[0][0] / det],
        ],
      };
    }
  }
  throw new InputError(
    'calibrationSlope: the logistic recalibration did not converge (separable outcomes: every event above every non-event?); report the ROC-AUC instead',
  );
}

/**
 * Calibration slope, calibration-in-the-large and the observed/expected ratio of predicted probabilities.
 * @example calibrationSlope(yTest, pTest).slope.estimate  // 0.8: predictions a little too extreme
 */
export function calibrationSlope(actual: ArrayLike<number>, proba: ArrayLike<number>, options: CalibrationSlopeOptions = {}): CalibrationSlopeResult {
  checkPair('calibrationSlope', actual, proba);
  checkBinaryLabels('calibrationSlope', actual);
  checkProbabilities('calibrationSlope', proba);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InputError(`calibrationSlope: level must be in (0, 1), got ${level}`);
  let events = 0;
  let expected = 0;
  for (let i = 0; i < actual.length; i++) {
    events += actual[i];
    expected += proba[i];
  }
  if (events === 0 || events === actual.length) throw new InputError(`calibrationSlope needs both outcomes; all ${actual.length} are ${events ? 1 : 0}`);
  // Probabilities of exactly 0 or 1 have no logit: clipped as scikit-learn clips log loss.
  const eps = 1e-15;
  const x = Float64Array.from(proba, (p) => logit(Math.min(1 - eps, Math.max(eps, p))));
  const z = normalQuantile(1 - (1 - level) / 2);
  const est = (b: number, v: number): Estimate => ({ estimate: b, standardError: Math.sqrt(v), lower: b - z * Math.sqrt(v), upper: b + z * Math.sqrt(v) });
  const s = irls(actual, x, true);
  const c = irls(actual, x, false);
  return { slope: est(s.b[1], s.cov[1][1]), slopeIntercept: s.b[0], intercept: est(c.b[0], c.cov[0][0]), observedExpected: events / expected };
}

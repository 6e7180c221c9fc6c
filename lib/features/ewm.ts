/**
 * Exponentially weighted mean with pandas' `ewm(...).mean()` semantics (ignore_na = False): `adjust: true`
 * divides by the sum of decayed weights; `adjust: false` is the recursion y = (1-α)·y + α·x.
 */
import { InputError } from '../util/errors';
import { checkList } from '../util/check';

export interface EwmOptions {
  /** Span: α = 2 / (span + 1). Give exactly one of span, alpha, halflife, com. */
  span?: number;
  /** Smoothing factor in (0, 1]. */
  alpha?: number;
  /** Centre of mass: α = 1 / (1 + com). */
  com?: number;
  /** Half-life in rows: α = 1 - exp(-ln 2 / halflife). */
  halflife?: number;
  /** Weighted-average form (pandas' default) or the recursive form. Defaults to true. */
  adjust?: boolean;
  /** Observations needed before a value is given. Defaults to 0. */
  minPeriods?: number;
}

/** α from exactly one of span, alpha, com, halflife. */
export function ewmAlpha(options: EwmOptions): number {
  const given = (['span', 'alpha', 'com', 'halflife'] as const).filter((k) => options[k] !== undefined);
  if (given.length !== 1) throw new InputError(`ewm needs exactly one of span, alpha, com, halflife (got ${given.join(', ') || 'none'})`);
  const alpha =
    options.span !== undefined
      ? 2 / (options.span + 1)
      : options.alpha !== undefined
        ? options.alpha
        : options.com !== undefined
          ? 1 / (1 + options.com)
          : 1 - Math.exp(-Math.LN2 / options.halflife!);
  if (!(alpha > 0 && alpha <= 1)) throw new InputError(`ewm: ${given[0]} = ${options[given[0]]} gives α = ${alpha}; α must be in (0, 1]`);
  return alpha;
}

/**
 * The centre of mass from exactly one of span, alpha, com, halflife, as pandas' `get_center_of_mass` computes it
 * (the options checked as `ewmAlpha` checks them).
 */
function ewmCenterOfMass(options: EwmOptions): number {
  ewmAlpha(options);
  if (options.com !== undefined) return options.com;
  if (options.span !== undefined) return (options.span - 1) / 2;
  if (options.alpha !== undefined) return (1 - options.alpha) / options.alpha;
  return 1 / (1 - Math.exp(Math.log(0.5) / options.halflife!)) - 1;
}

/** Exponentially weighted moving average. */
export function ewm(x: ArrayLike<number>, options: EwmOptions): Float64Array {
  checkList('ewm: x', x);
  const alpha = ewmAlpha(options);
  const adjust = options.adjust ?? true;
  const minPeriods = options.minPeriods ?? 0;
  const out = new Float64Array(x.length).fill(NaN);
  let num = 0;
  let den = 0;
  let y = NaN;
  let seen = 0;
  for (let t = 0; t < x.length; t++) {
    const v = x[t];
    const valid = !Number.isNaN(v);
    if (adjust) {
      if (seen > 0) {
        num *= 1 - alpha;
        den *= 1 - alpha;
      }
      if (valid) {
        num += v;
        den += 1;
      }
      if (den > 0) y = num / den;
    } else if (valid) {
      // Weights of the observations since the last valid one decay too (ignore_na = False).
      y =
        seen === 0
          ? v
          : (() => {
              let w = 1 - alpha;
              for (let back = t - 1; back >= 0 && Number.isNaN(x[back]); back--) w *= 1 - alpha;
              return (w * y + alpha * v) / (w + alpha);
            })();
    }
    if (valid) seen++;
    if (seen > 0 && seen >= minPeriods) out[t] = y;
  }
  return out;
}

/**
 * Exponentially weighted sample variance, pandas' `ewm(...).var()` (bias = false, ignore_na = false): the
 * weighted variance of the observations so far, each weight decaying by 1 − α per row (missing rows included),
 * times the bias correction (Σw)² / ((Σw)² − Σw²). NaN until two observations (and `minPeriods`) are in.
 * `ewmStd` is its square root: EWMA volatility (RiskMetrics uses α = 0.06).
 */
export function ewmVar(x: ArrayLike<number>, options: EwmOptions): Float64Array {
  checkList('ewmVar: x', x);
  // α by way of the centre of mass, as pandas computes it: the decay 1 − α then rounds as pandas' does, which
  // decides whether (Σw)² − Σw² is still above 0 after a gap.
  const alpha = 1 / (1 + ewmCenterOfMass(options));
  const adjust = options.adjust ?? true;
  const minPeriods = Math.max(options.minPeriods ?? 0, 1);
  const decay = 1 - alpha;
  const newWt = adjust ? 1 : alpha;
  const out = new Float64Array(x.length);
  let mean = NaN;
  let variance = 0; // biased weighted variance of the observations so far
  let sumWt = 1;
  let sumWt2 = 1;
  let oldWt = 1;
  let nobs = 0;
  for (let t = 0; t < x.length; t++) {
    const v = x[t];
    const observed = v === v;
    if (observed) nobs++;
    if (mean === mean) {
      sumWt *= decay;
      sumWt2 *= decay * decay;
      oldWt *= decay;
      if (observed) {
        const oldMean = mean;
        // Only when it moves: a constant series keeps a variance of exactly 0.
        if (mean !== v) mean = (oldWt * oldMean + newWt * v) / (oldWt + newWt);
        variance = (oldWt * (variance + (oldMean - mean) * (oldMean - mean)) + newWt * ((v - mean) * (v - mean))) / (oldWt + newWt);
        sumWt += newWt;
        sumWt2 += newWt * newWt;
        oldWt += newWt;
        if (!adjust) {
          sumWt /= oldWt;
          sumWt2 /= oldWt * oldWt;
          oldWt = 1;
        }
      }
    } else if (observed) mean = v;
    const numerator = sumWt * sumWt;
    const denominator = numerator - sumWt2;
    out[t] = nobs >= minPeriods && denominator > 0 ? (numerator / denominator) * variance : NaN;
  }
  return out;
}

/** Exponentially weighted sample standard deviation, pandas' `ewm(...).std()`: the square root of `ewmVar`. */
export function ewmStd(x: ArrayLike<number>, options: EwmOptions): Float64Array {
  checkList('ewmStd: x', x);
  return ewmVar(x, options).map((v) => (v < 0 ? 0 : Math.sqrt(v)));
}

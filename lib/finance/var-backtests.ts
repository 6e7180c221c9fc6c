/**
 * Backtests of a VaR model's exceedances (a 1 where the loss passed the VaR forecast, else 0):
 * - `kupiecTest`: proportion of failures (Kupiec 1995) — is the exceedance rate 1 − level? LR = −2 ln L(p)/L(x/n),
 *   chi-squared with 1 degree of freedom;
 * - `christoffersenTest`: independence (Christoffersen 1998) — does an exceedance make the next one likelier? — from
 *   the first-order transition counts, and conditional coverage = both, chi-squared with 2 degrees of freedom.
 * A small p-value rejects the model at that test; "passes" uses the 5% significance level unless told.
 */
import { InputError } from '../util/errors';
import { checkList } from '../util/check';
import { chiSquaredSf } from '../util/distributions';

export interface CoverageTest {
  statistic: number;
  pValue: number;
  /** The p-value is at least the significance level (default 0.05). */
  passes: boolean;
}

export interface KupiecResult extends CoverageTest {
  exceedances: number;
  periods: number;
  /** The share of periods that exceeded the VaR, and the share the level promises. */
  rate: number;
  expectedRate: number;
}

export interface ChristoffersenResult {
  independence: CoverageTest;
  conditionalCoverage: CoverageTest;
  /** Transition counts: n01 = a quiet period followed by an exceedance, n11 = two in a row, and so on. */
  transitions: { n00: number; n01: number; n10: number; n11: number };
}

export interface VarBacktestOptions {
  /** The VaR's confidence level (0.99: 1% of periods should exceed). Defaults to 0.95. */
  level?: number;
  /** Significance level of "passes". Defaults to 0.05. */
  significance?: number;
}

/** x ln y with 0 ln 0 = 0. */
const xlogy = (x: number, y: number) => (x === 0 ? 0 : x * Math.log(y));

function hits(caller: string, exceedances: ArrayLike<number | boolean>): Uint8Array {
  checkList(`${caller}: exceedances`, exceedances);
  const out = new Uint8Array(exceedances.length);
  for (let i = 0; i < out.length; i++) {
    const v = exceedances[i];
    if (v !== 0 && v !== 1 && v !== true && v !== false) throw new InputError(`${caller}: exceedances are 1 (the loss passed the VaR) or 0, got ${v} at ${i}`);
    out[i] = v ? 1 : 0;
  }
  if (out.length === 0) throw new InputError(`${caller} needs at least one period`);
  return out;
}

function levels(caller: string, options: VarBacktestOptions): { p: number; alpha: number } {
  const level = options.level ?? 0.95;
  const alpha = options.significance ?? 0.05;
  if (!(level > 0 && level < 1)) throw new InputError(`${caller}: level must be in (0, 1), got ${level}`);
  if (!(alpha > 0 && alpha < 1)) throw new InputError(`${caller}: significance must be in (0, 1), got ${alpha}`);
  return { p: 1 - level, alpha };
}

/**
 * Kupiec's proportion-of-failures test.
 * @example kupiecTest(exceeded, { level: 0.99 })  // { exceedances: 14, periods: 1000, pValue: 0.23, passes: true, … }
 */
export function kupiecTest(exceedances: ArrayLike<number | boolean>, options: VarBacktestOptions = {}): KupiecResult {
  const h = hits('kupiecTest', exceedances);
  const { p, alpha } = levels('kupiecTest', options);
  const n = h.length;
  const x = h.reduce((s, v) => s + v, 0);
  const phat = x / n;
  const statistic = -2 * (xlogy(n - x, 1 - p) + xlogy(x, p) - xlogy(n - x, 1 - phat) - xlogy(x, phat));
  const pValue = chiSquaredSf(Math.max(statistic, 0), 1);
  return { statistic, pValue, passes: pValue >= alpha, exceedances: x, periods: n, rate: phat, expectedRate: p };
}

/**
 * Christoffersen's independence and conditional-coverage tests.
 * @example christoffersenTest(exceeded, { level: 0.99 }).conditionalCoverage.passes
 */
export function christoffersenTest(exceedances: ArrayLike<number | boolean>, options: VarBacktestOptions = {}): ChristoffersenResult {
  const h = hits('christoffersenTest', exceedances);
  const { alpha } = levels('christoffersenTest', options);
  const t = { n00: 0, n01: 0, n10: 0, n11: 0 };
  for (let i = 1; i < h.length; i++) {
    if (h[i - 1] === 0) {
      if (h[i]) t.n01++;
      else t.n00++;
    } else if (h[i]) t.n11++;
    else t.n10++;
  }
  const pi0 = t.n01 / Math.max(1, t.n00 + t.n01);
  const pi1 = t.n11 / Math.max(1, t.n10 + t.n11);
  const pi = (t.n01 + t.n11) / Math.max(1, t.n00 + t.n01 + t.n10 + t.n11);
  const restricted = xlogy(t.n00 + t.n10, 1 - pi) + xlogy(t.n01 + t.n11, pi);
  const unrestricted = xlogy(t.n00, 1 - pi0) + xlogy(t.n01, pi0) + xlogy(t.n10, 1 - pi1) + xlogy(t.n11, pi1);
  const ind = Math.max(0, -2 * (restricted - unrestricted));
  const pInd = chiSquaredSf(ind, 1);
  const pof = kupiecTest(h, options).statistic;
  const cc = pof + ind;
  const pCc = chiSquaredSf(cc, 2);
  return {
    independence: { statistic: ind, pValue: pInd, passes: pInd >= alpha },
    conditionalCoverage: { statistic: cc, pValue: pCc, passes: pCc >= alpha },
    transitions: t,
  };
}

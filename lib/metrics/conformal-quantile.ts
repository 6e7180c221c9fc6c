/**
 * The split-conformal quantile: of n calibration scores, the k-th smallest with k = ⌈(n + 1)(1 − α)⌉ — the rule
 * that makes a new exchangeable point's score fall at or below it with probability ≥ 1 − α (Vovk et al.; MAPIE's
 * "higher" quantile, which the tests compare with). Too few rows for the level is an error, not an infinite band.
 */
import { InputError } from '../util/errors';

export function checkAlpha(fn: string, alpha: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new InputError(`${fn}: alpha must be in (0, 1) — 0.1 for 90% coverage — got ${alpha}`);
  return alpha;
}

/** The k-th smallest score, k = ⌈(n + 1)(1 − alpha)⌉. */
export function conformalQuantile(fn: string, scores: Float64Array, alpha: number): number {
  const n = scores.length;
  // The small epsilon keeps (n + 1)(1 − α) = 18.000000000000004 from rounding up to 19.
  const k = Math.ceil((n + 1) * (1 - alpha) - 1e-9);
  if (k > n) {
    throw new InputError(
      `${fn}: ${n} calibration rows are too few for ${Math.round((1 - alpha) * 1000) / 10}% coverage (it needs at least ${Math.ceil(1 / alpha) - 1}); hold out more calibration rows or raise alpha`,
    );
  }
  return Float64Array.from(scores).sort()[k - 1];
}

/**
 * `concordanceIndexIpcw`: Uno's C — Harrell's concordance with each comparable pair weighted by the squared
 * inverse probability of censoring at the earlier event time, G from the training set, so the estimate does not
 * depend on the test set's censoring; pairs are counted up to `tau` (scikit-survival's `concordance_index_ipcw`,
 * ties in risk within 1e-8 count a half).
 */
import { InputError } from '../util/errors';
import { checkList } from '../util/check';
import { survivalData } from './survival-data';
import { censoringSurvival, censoringWeights, type SurvivalOutcome } from './censoring-survival';

export interface ConcordanceIpcwOptions {
  /** Only events before tau count (a time up to which the training follow-up is long enough). Defaults to none. */
  tau?: number;
}

/** Weighted Harrell's C over comparable pairs (scikit-survival's pair rules: later rows, and censored rows tied in time). */
export function weightedConcordance(t: Float64Array, e: Uint8Array, risk: ArrayLike<number>, w: Float64Array, caller: string): number {
  const order = Int32Array.from(t, (_, i) => i).sort((a, b) => t[a] - t[b]);
  const n = t.length;
  let numerator = 0;
  let denominator = 0;
  let comparable = false;
  for (let i = 0; i < n - 1;) {
    let end = i + 1;
    while (end < n && t[order[end]] === t[order[i]]) end++;
    for (let j = i; j < end; j++) {
      const a = order[j];
      if (!e[a]) continue;
      comparable = true;
      let pairs = 0;
      let score = 0;
      // Censored rows at the same time, then every later row.
      for (let k = i; k < n; k++) {
        const b = order[k];
        if (k < end && e[b]) continue;
        pairs++;
        if (Math.abs(risk[b] - risk[a]) <= 1e-8) score += 0.5;
        else if (risk[b] < risk[a]) score += 1;
      }
      numerator += w[a] * score;
      denominator += w[a] * pairs;
    }
    i = end;
  }
  if (!comparable) throw new InputError(`${caller}: no comparable pair (no event before another follow-up ends); it needs at least one event`);
  return numerator / denominator;
}

/**
 * Uno's concordance of risk scores (higher = earlier event) on a test set, weighted by the training censoring.
 * @example concordanceIndexIpcw({ time: trainT, event: trainE }, { time: testT, event: testE }, risk, { tau: 730 })
 */
export function concordanceIndexIpcw(train: SurvivalOutcome, test: SurvivalOutcome, risk: ArrayLike<number>, options: ConcordanceIpcwOptions = {}): number {
  const caller = 'concordanceIndexIpcw';
  const g = censoringSurvival(train, caller);
  const { t, e } = survivalData(caller, test?.time, test?.event);
  checkList(`${caller}: risk`, risk);
  if (risk.length !== t.length) throw new InputError(`${caller}: ${t.length} test times but ${risk.length} risk scores`);
  for (let i = 0; i < risk.length; i++) if (!Number.isFinite(risk[i])) throw new InputError(`${caller}: risk holds ${risk[i]} at ${i}`);
  const tau = options.tau;
  if (tau !== undefined && !(tau > 0)) throw new InputError(`${caller}: tau must be a positive time, got ${tau}`);
  const keep = Uint8Array.from(t, (ti) => (tau === undefined || ti < tau ? 1 : 0));
  const kept = t.filter((_, i) => keep[i]);
  const w = new Float64Array(t.length);
  const wk = censoringWeights(
    g,
    kept,
    e.filter((_, i) => keep[i]),
    caller,
  );
  let k = 0;
  for (let i = 0; i < t.length; i++) if (keep[i]) w[i] = wk[k++];
  return weightedConcordance(
    t,
    e,
    risk,
    Float64Array.from(w, (v) => v * v),
    caller,
  );
}

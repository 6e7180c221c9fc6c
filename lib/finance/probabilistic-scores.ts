/**
 * Scores of probabilistic forecasts, lower is better:
 * - `pinballLoss`: the quantile (pinball) loss of a forecast of the q-quantile, mean of max(q·(y − ŷ), (q − 1)·(y − ŷ))
 *   — scikit-learn's `mean_pinball_loss(alpha=q)`;
 * - `crpsSamples`: the continuous ranked probability score of an ensemble (samples) per observation,
 *   E|X − y| − ½ E|X − X′| — properscoring's `crps_ensemble`;
 * - `crpsQuantiles`: CRPS approximated from forecast quantiles as twice the mean pinball loss over the levels (the
 *   quantile decomposition of CRPS; exact as the levels fill (0, 1)).
 * `quantileCoverage`: the share of observations at or below each forecast quantile (q for a calibrated forecast).
 */
import { InputError } from '../util/errors';
import { checkList, checkSameLength } from '../util/check';

function checkQuantile(caller: string, q: number): void {
  if (!(q > 0 && q < 1)) throw new InputError(`${caller}: quantile levels lie strictly between 0 and 1, got ${q}`);
}

/**
 * Mean pinball loss of forecasts of the q-quantile.
 * @example pinballLoss(actual, forecastOf95th, 0.95)
 */
export function pinballLoss(actual: ArrayLike<number>, forecast: ArrayLike<number>, q: number): number {
  checkSameLength('pinballLoss: actual', actual, 'forecast', forecast);
  checkQuantile('pinballLoss', q);
  if (actual.length === 0) throw new InputError('pinballLoss needs at least one observation');
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const d = actual[i] - forecast[i];
    s += d >= 0 ? q * d : (q - 1) * d;
  }
  return s / actual.length;
}

/**
 * CRPS of an ensemble forecast per observation: `samples` is row-major, `members` values per observation.
 * @example crpsSamples(actual, draws, 100)  // Float64Array, one score per observation
 */
export function crpsSamples(actual: ArrayLike<number>, samples: ArrayLike<number>, members: number): Float64Array {
  checkList('crpsSamples: actual', actual);
  checkList('crpsSamples: samples', samples);
  if (!(Number.isInteger(members) && members >= 1) || samples.length !== actual.length * members)
    throw new InputError(`crpsSamples: samples must hold ${actual.length} × members values (row-major), got ${samples.length} for members ${members}`);
  const out = new Float64Array(actual.length);
  const x = new Float64Array(members);
  for (let i = 0; i < actual.length; i++) {
    for (let m = 0; m < members; m++) x[m] = samples[i * members + m];
    x.sort();
    let absDiff = 0;
    for (let m = 0; m < members; m++) absDiff += Math.abs(x[m] - actual[i]);
    // E|X − X′| over ordered members: Σ (2k − m + 1) x₍ₖ₎ · 2 / m² (pairs counted both ways).
    let spread = 0;
    for (let k = 0; k < members; k++) spread += (2 * k - members + 1) * x[k];
    out[i] = absDiff / members - spread / (members * members);
  }
  return out;
}

/** CRPS from forecast quantiles at `levels`: 2 × the mean pinball loss over the levels, per observation averaged. */
export function crpsQuantiles(actual: ArrayLike<number>, quantiles: ArrayLike<number>, levels: readonly number[]): number {
  checkList('crpsQuantiles: actual', actual);
  checkList('crpsQuantiles: quantiles', quantiles);
  if (quantiles.length !== actual.length * levels.length)
    throw new InputError(
      `crpsQuantiles: quantiles must hold ${actual.length} × ${levels.length} values (a row of levels per observation), got ${quantiles.length}`,
    );
  levels.forEach((q) => checkQuantile('crpsQuantiles', q));
  let s = 0;
  for (let j = 0; j < levels.length; j++) {
    const f = Float64Array.from(actual, (_, i) => quantiles[i * levels.length + j]);
    s += pinballLoss(actual, f, levels[j]);
  }
  return (2 * s) / levels.length;
}

/** The share of observations at or below each level's forecast quantile. */
export function quantileCoverage(actual: ArrayLike<number>, quantiles: ArrayLike<number>, levels: readonly number[]): number[] {
  checkList('quantileCoverage: actual', actual);
  if (quantiles.length !== actual.length * levels.length)
    throw new InputError(`quantileCoverage: quantiles must hold ${actual.length} × ${levels.length} values`);
  return levels.map((_, j) => {
    let below = 0;
    for (let i = 0; i < actual.length; i++) if (actual[i] <= quantiles[i * levels.length + j]) below++;
    return below / actual.length;
  });
}

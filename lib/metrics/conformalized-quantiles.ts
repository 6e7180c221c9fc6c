/**
 * `conformalizedQuantiles`: conformalized quantile regression (Romano, Patterson & Candès, 2019) — a learned
 * quantile band [q_lo, q_hi] corrected on held-out calibration rows so that it covers at least 1 − alpha of new
 * values whatever the model learned. The score of a calibration row is how far y falls outside its band,
 * E = max(q_lo − y, y − q_hi) (negative inside); the band widens (or narrows, when Q < 0) by Q, the split-conformal
 * quantile of E: [q_lo − Q, q_hi + Q]. The band keeps the model's shape (wide where it learned wide), unlike
 * ŷ ± q. MAPIE's `ConformalizedQuantileRegressor` with the symmetric score.
 */
import { InputError } from '../util/errors';
import { checkPair } from './check';
import { checkAlpha, conformalQuantile } from './conformal-quantile';
import type { ConformalBand } from './split-conformal';

export interface ConformalizedQuantilesOptions {
  /** Miscoverage: 0.1 for 90% bands (from, say, the 0.05 and 0.95 quantiles). Defaults to 0.1. */
  alpha?: number;
}

/** A fitted correction: the conformal quantile Q of the scores, and `interval` for new bands. */
export class FittedConformalizedQuantiles {
  constructor(
    /** Added to both ends of a band (negative: the learned band was wider than it needed to be). */
    readonly correction: number,
    readonly alpha: number,
    readonly calibrationSize: number,
  ) {}

  /** [q_lo − Q, q_hi + Q] for new learned bands. */
  interval(lower: ArrayLike<number>, upper: ArrayLike<number>): ConformalBand {
    checkPair('conformalizedQuantiles.interval', lower, upper);
    return {
      lower: Float64Array.from(lower, (v) => v - this.correction),
      upper: Float64Array.from(upper, (v) => v + this.correction),
    };
  }
}

/**
 * Fits the correction on calibration rows the quantile model was not trained on.
 * @example const cqr = conformalizedQuantiles(calY, calLo, calHi, { alpha: 0.1 }); const band = cqr.interval(testLo, testHi);
 */
export function conformalizedQuantiles(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  options: ConformalizedQuantilesOptions = {},
): FittedConformalizedQuantiles {
  checkPair('conformalizedQuantiles', actual, lower);
  checkPair('conformalizedQuantiles', actual, upper);
  const alpha = checkAlpha('conformalizedQuantiles', options.alpha ?? 0.1);
  const scores = Float64Array.from(actual, (y, i) => {
    if (!(lower[i] <= upper[i]))
      throw new InputError(`conformalizedQuantiles: row ${i} has lower ${lower[i]} above upper ${upper[i]}; pass the low quantile first`);
    return Math.max(lower[i] - y, y - upper[i]);
  });
  return new FittedConformalizedQuantiles(conformalQuantile('conformalizedQuantiles', scores, alpha), alpha, actual.length);
}

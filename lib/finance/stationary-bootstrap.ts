/**
 * `stationaryBootstrap`: a seeded interval for a statistic of a time series by Politis & Romano's stationary
 * bootstrap (1994): resamples are glued from blocks that start at random rows and run on for a geometric number
 * of rows (mean `meanBlock`), wrapping round the end. Blocks keep the short-range dependence of returns (volatility
 * clusters) that resampling single rows destroys, which makes iid intervals of a mean return too narrow.
 */
import { InputError } from '../util/errors';
import { checkPositiveInt, describeArgument } from '../util/check';
import { seededRng } from '../util/rng';
import { percentileInterval, type ConfidenceInterval } from '../metrics/bootstrap';

export interface StationaryBootstrapOptions {
  /** Mean block length in rows. Defaults to round(n^(1/3)), at least 1 (1 is the ordinary iid bootstrap). */
  meanBlock?: number;
  /** Resamples. Defaults to 2000. */
  resamples?: number;
  /** Confidence level. Defaults to 0.95. */
  level?: number;
  /** Seed of the resampling. Defaults to 42. */
  seed?: number;
}

/**
 * Row positions of stationary-bootstrap resamples of n rows: calls `use(rows)` once per resample with the same
 * reused array (copy it to keep it).
 */
export function stationaryResamples(n: number, options: StationaryBootstrapOptions, use: (rows: Int32Array) => void): void {
  if (!Number.isInteger(n) || n < 1 || typeof use !== 'function' || (options !== undefined && typeof options !== 'object'))
    throw new InputError(`stationaryResamples takes the number of rows, options and a function of each resample's rows, got ${describeArgument(n)}`);
  options ??= {};
  const resamples = checkPositiveInt('resamples', options.resamples ?? 2000, 10);
  const meanBlock = options.meanBlock ?? Math.max(1, Math.round(Math.cbrt(n)));
  if (!(meanBlock >= 1)) throw new InputError(`meanBlock must be ≥ 1 (rows per block on average), got ${meanBlock}`);
  const rng = seededRng(options.seed ?? 42);
  const p = 1 / meanBlock; // chance that a row starts a new block
  const rows = new Int32Array(n);
  for (let r = 0; r < resamples; r++) {
    let at = Math.floor(rng() * n);
    for (let i = 0; i < n; i++) {
      if (i > 0) at = rng() < p ? Math.floor(rng() * n) : (at + 1) % n;
      rows[i] = at;
    }
    use(rows);
  }
}

/** The percentile interval of `statistic` over stationary-bootstrap resamples of `series`. */
export function stationaryBootstrap(
  series: ArrayLike<number>,
  statistic: (values: Float64Array) => number,
  options: StationaryBootstrapOptions = {},
): ConfidenceInterval {
  if (!series || typeof series.length !== 'number' || series.length < 2)
    throw new InputError(`stationaryBootstrap needs a series of at least 2 values, got ${series?.length ?? String(series)}`);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InputError(`level must be in (0, 1), got ${level}`);
  const x = Float64Array.from(series);
  for (let i = 0; i < x.length; i++)
    if (!Number.isFinite(x[i])) throw new InputError(`stationaryBootstrap: the series holds ${x[i]} at position ${i}; drop or fill it first`);
  const sample = new Float64Array(x.length);
  const values: number[] = [];
  stationaryResamples(x.length, options, (rows) => {
    for (let i = 0; i < rows.length; i++) sample[i] = x[rows[i]];
    values.push(statistic(sample));
  });
  return percentileInterval(values, statistic(x), level);
}

/**
 * `partialDependence`: the model's average prediction when one feature is set to each value of a grid in every row
 * (Friedman 2001), and the per-row curves (individual conditional expectation) behind that average. As scikit-learn's
 * `partial_dependence(method="brute")`: the grid is `gridResolution` evenly spaced values between the feature's
 * 5th and 95th percentiles (scipy's `mquantiles`), or its distinct values when it has fewer. It shows what the model
 * does, not what the data does: rows are pushed to values they may never take together with their other features.
 * For windows the feature is set to the value at every lag.
 */
import { InputError } from '../util/errors';
import { checkPositiveInt } from '../util/check';
import type { Model } from '../models/model';
import { checkX, InputData } from '../train/check-training-data';
import { predict } from '../train/predict';
import { checkModel } from '../models/model';

export interface PartialDependenceOptions {
  /** Feature names, one per feature (the last axis of x); needed to pick the feature by name. */
  features?: readonly string[];
  /** Grid values. Defaults to the percentile grid described above. */
  grid?: readonly number[];
  /** Points of the default grid. Defaults to 100 (scikit-learn's default). */
  gridResolution?: number;
  /** Percentiles that bound the default grid. Defaults to [0.05, 0.95]. */
  percentiles?: readonly [number, number];
  /** Also return each row's curve (ICE). Defaults to false. */
  individual?: boolean;
  /** The output whose curve `average` and `individual` hold. Defaults to 0 (class 1's probability for a binary model). */
  output?: number;
}

export interface PartialDependenceResult {
  feature: string;
  grid: Float64Array;
  /** Average prediction of `output` at each grid value. */
  average: Float64Array;
  /** Averages of every output: one per class of a multi-class model, one per target of a regressor. */
  averages: Float64Array[];
  /** Per row, the prediction of `output` at each grid value (when `individual` is set). */
  individual?: Float64Array[];
  output: number;
}

/** scipy.stats.mstats.mquantiles with its defaults alphap = betap = 0.4 (what scikit-learn's grid uses). */
export function mquantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  const m = 0.4 + p * (1 - 0.4 - 0.4);
  const aleph = n * p + m;
  const k = Math.floor(Math.min(Math.max(aleph, 1), n - 1));
  const gamma = Math.min(Math.max(aleph - k, 0), 1);
  return (1 - gamma) * sorted[k - 1] + gamma * sorted[k];
}

function defaultGrid(values: Float64Array, resolution: number, percentiles: readonly [number, number], name: string): Float64Array {
  const sorted = Float64Array.from(values).sort();
  const uniques: number[] = [];
  for (const v of sorted) if (uniques.length === 0 || v !== uniques[uniques.length - 1]) uniques.push(v);
  if (uniques.length < resolution) return Float64Array.from(uniques);
  const lo = mquantile(sorted, percentiles[0]);
  const hi = mquantile(sorted, percentiles[1]);
  if (Math.abs(hi - lo) <= 1e-8 + 1e-5 * Math.abs(lo))
    throw new InputError(
      `partialDependence: the ${percentiles[0]} and ${percentiles[1]} percentiles of "${name}" are equal (${lo}); widen percentiles or pass grid`,
    );
  return Float64Array.from({ length: resolution }, (_, i) => (i === resolution - 1 ? hi : lo + ((hi - lo) * i) / (resolution - 1)));
}

/**
 * Partial dependence of the model's prediction on one feature (index or name), over held-out or training rows.
 * @example const pd = await partialDependence(model, test, { feature: 'age', features, individual: true });
 */
export async function partialDependence(
  model: Model,
  data: InputData,
  options: PartialDependenceOptions & { feature: number | string },
): Promise<PartialDependenceResult> {
  checkModel('partialDependence', model);
  const n = checkX(model, data, 'partialDependence x');
  const shape = data.xShape;
  const nf = shape[shape.length - 1];
  const lookback = shape.length === 3 ? shape[1] : 1;
  const names = options.features ? [...options.features] : Array.from({ length: nf }, (_, j) => `feature ${j}`);
  if (names.length !== nf) throw new InputError(`partialDependence: ${names.length} feature names for ${nf} features in x`);
  let f: number;
  if (typeof options.feature === 'string') {
    f = names.indexOf(options.feature);
    if (f < 0)
      throw new InputError(
        `partialDependence: no feature "${options.feature}"${options.features ? ` among ${names.join(', ')}` : "; pass features (the names of x's columns) to pick one by name"}`,
      );
  } else {
    f = options.feature;
    if (!(Number.isInteger(f) && f >= 0 && f < nf)) throw new InputError(`partialDependence: feature must be an index 0..${nf - 1} or a name, got ${f}`);
  }
  const k = model.outputSize;
  const output = options.output ?? 0;
  if (!(Number.isInteger(output) && output >= 0 && output < k)) throw new InputError(`partialDependence: output must be 0..${k - 1}, got ${output}`);
  let grid: Float64Array;
  if (options.grid) {
    grid = Float64Array.from(options.grid);
    if (grid.length === 0 || grid.some((v) => !Number.isFinite(v))) throw new InputError('partialDependence: grid must hold finite values');
  } else {
    const percentiles = options.percentiles ?? [0.05, 0.95];
    if (!(percentiles[0] >= 0 && percentiles[1] <= 1 && percentiles[0] < percentiles[1]))
      throw new InputError(`partialDependence: percentiles must be two increasing values in [0, 1], got [${percentiles.join(', ')}]`);
    const values = new Float64Array(n * lookback);
    for (let i = 0; i < n * lookback; i++) values[i] = data.x[i * nf + f];
    grid = defaultGrid(values, checkPositiveInt('gridResolution', options.gridResolution ?? 100, 2), percentiles, names[f]);
  }

  const averages = Array.from({ length: k }, () => new Float64Array(grid.length));
  const individual = options.individual ? Array.from({ length: n }, () => new Float64Array(grid.length)) : undefined;
  const x = new Float32Array(data.x.length);
  for (let g = 0; g < grid.length; g++) {
    x.set(data.x);
    for (let i = 0; i < n * lookback; i++) x[i * nf + f] = grid[g];
    const p = await predict(model, { x, xShape: shape });
    for (let i = 0; i < n; i++)
      for (let j = 0; j < k; j++) {
        averages[j][g] += p[i * k + j] / n;
        if (individual && j === output) individual[i][g] = p[i * k + j];
      }
  }
  return { feature: names[f], grid, average: averages[output], averages, individual, output };
}

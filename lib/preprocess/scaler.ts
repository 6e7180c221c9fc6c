/**
 * The scalers: `standardScaler`, `minMaxScaler`, `robustScaler`. Each learns a per-column offset and scale
 * on training rows, (x - offset) / scale, with scikit-learn's definitions: population standard deviation,
 * min-max onto a feature range, median and interquartile range. A constant column gets scale 1 instead of
 * a division by zero, as scikit-learn does — including a column that is constant but for rounding (0.1 on every
 * row has a computed standard deviation of 1.4e-17, not 0, and dividing by it sends 0.2 to 7e15).
 */
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { checkFinite } from '../util/check';
import { checkFittedColumns, FittedTransform, notFitted, resolveColumns, TransformSpec, TransformState } from './transform';
import { quantileSorted } from '../util/stats';
import { uninitializedFloat64 } from '../util/alloc';
import { multiplyAddInto, subtractDivideAddInto } from '../kernels/elementwise';
import { minMax } from '../kernels/min-max';

export interface ScalerOptions {
  /** Columns to scale. Defaults to every numeric column of the training table. */
  columns?: readonly string[];
}

export interface MinMaxScalerOptions extends ScalerOptions {
  /** Target range. Defaults to [0, 1]. */
  featureRange?: [number, number];
}

export interface RobustScalerOptions extends ScalerOptions {
  /** Quantile range for the scale, in percent. Defaults to [25, 75]. */
  quantileRange?: [number, number];
}

type ScalerKind = 'standardScaler' | 'minMaxScaler' | 'robustScaler';

/** A fitted scaler: `transform`, `inverseTransform`, and `inverse(column, values)` for predictions. */
export class FittedScaler implements FittedTransform {
  constructor(
    readonly kind: ScalerKind,
    readonly columns: readonly string[],
    /** Subtracted from each column (mean, min or median). */
    readonly offset: readonly number[],
    /**
     * Divides each column after the offset (std, range or IQR; 1 for constant columns). For minMaxScaler this is
     * the data range over the feature range's width: the reciprocal of scikit-learn's `MinMaxScaler.scale_`
     * (see `scikitLearn` for its names and meanings).
     */
    readonly scale: readonly number[],
    /** Added after scaling (the lower end of a min-max feature range, else 0). */
    readonly shift: readonly number[] = columns.map(() => 0),
  ) {}

  /**
   * The learned state under scikit-learn's attribute names and meanings: `mean_` and `scale_` (StandardScaler),
   * `data_min_`, `scale_` and `min_` with x · scale_ + min_ (MinMaxScaler), `center_` and `scale_` (RobustScaler).
   */
  get scikitLearn(): Record<string, number[]> {
    if (this.kind === 'standardScaler') return { mean_: [...this.offset], scale_: [...this.scale] };
    if (this.kind === 'robustScaler') return { center_: [...this.offset], scale_: [...this.scale] };
    return { data_min_: [...this.offset], scale_: this.scale.map((v) => 1 / v), min_: this.offset.map((o, j) => this.shift[j] - o / this.scale[j]) };
  }

  /** Learned mean (standardScaler), min (minMaxScaler) or median (robustScaler) per column. */
  get center(): Record<string, number> {
    return Object.fromEntries(this.columns.map((c, j) => [c, this.offset[j]]));
  }

  private index(column: string): number {
    const j = this.columns.indexOf(column);
    if (j < 0) throw new InputError(`${this.kind} was not fitted on column "${column}" (fitted: ${this.columns.join(', ')})`);
    return j;
  }

  /**
   * Scales one column's values. Min-max scaling multiplies and adds, x · scale_ + min_, as scikit-learn's
   * MinMaxScaler does; the others subtract and divide, as StandardScaler and RobustScaler do.
   */
  forward(column: string, values: ArrayLike<number>): Float64Array {
    const j = this.index(column);
    const o = this.offset[j];
    const s = this.scale[j];
    const sh = this.shift[j];
    const n = values.length;
    const out = uninitializedFloat64(n);
    if (this.kind === 'minMaxScaler') {
      const mul = 1 / s;
      multiplyAddInto(values, mul, sh - o * mul, out);
    } else {
      subtractDivideAddInto(values, o, s, sh, out);
    }
    return out;
  }

  /** Maps scaled values of one column back to original units (e.g. a model's predictions). */
  inverse(column: string, values: ArrayLike<number>): Float64Array {
    const j = this.index(column);
    const o = this.offset[j];
    const s = this.scale[j];
    const sh = this.shift[j];
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = (values[i] - sh) * s + o;
    return out;
  }

  transform(table: Table): Table {
    checkFittedColumns(table, this.columns, this.kind);
    return table.withColumns(Object.fromEntries(this.columns.map((c) => [c, this.forward(c, table.numbers(c))])));
  }

  inverseTransform(table: Table): Table {
    checkFittedColumns(table, this.columns, this.kind);
    return table.withColumns(Object.fromEntries(this.columns.map((c) => [c, this.inverse(c, table.numbers(c))])));
  }

  /** Rebuilds a fitted scaler from `toJSON()` output. */
  static fromJSON(s: TransformState): FittedScaler {
    return new FittedScaler(s.kind as ScalerKind, s.columns as string[], s.offset as number[], s.scale as number[], s.shift as number[]);
  }

  toJSON(): TransformState {
    return { kind: this.kind, columns: [...this.columns], offset: [...this.offset], scale: [...this.scale], shift: [...this.shift] };
  }
}

function trainingColumn(table: Table, column: string, kind: string): Float64Array {
  const x = table.numbers(column);
  checkFinite(x, `${kind}.fit: column "${column}"`);
  return x;
}

const EPSILON = Number.EPSILON;

/** A learned scale, refused when it overflowed. */
function checkScale(scale: number, column: string, kind: string): number {
  if (!Number.isFinite(scale)) {
    throw new InputError(
      `${kind}.fit: column "${column}" has values too large to scale (its spread overflows to ${scale}); divide the column by a power of ten first`,
    );
  }
  return scale;
}

/**
 * A range or interquartile range, or 1 for a constant column: scikit-learn's _handle_zeros_in_scale treats a
 * spread below 10 ε (2.2e-15) as zero, so values that differ only by rounding are left unscaled rather than
 * blown apart by a division by 1e-16.
 */
function spreadOrOne(spread: number, column: string, kind: string): number {
  return checkScale(spread, column, kind) < 10 * EPSILON ? 1 : spread;
}

function spec(kind: ScalerKind, fit: (table: Table) => FittedScaler): TransformSpec<FittedScaler> & { transform(t: Table): never } {
  return { kind, fit, transform: () => notFitted(kind) };
}

/**
 * Standardises columns to zero mean and unit (population) variance, like scikit-learn's StandardScaler.
 * @example const scaler = standardScaler().fit(train); scaler.transform(test);
 */
export function standardScaler(options: ScalerOptions = {}) {
  return spec('standardScaler', (table) => {
    const columns = resolveColumns(table, options.columns, 'standardScaler');
    const mean: number[] = [];
    const std: number[] = [];
    for (const c of columns) {
      const x = trainingColumn(table, c, 'standardScaler');
      // Two passes: mean first, then squared deviations (stable for large offsets, like NumPy).
      let s = 0;
      for (let i = 0; i < x.length; i++) s += x[i];
      const m = s / x.length;
      let ss = 0;
      for (let i = 0; i < x.length; i++) ss += (x[i] - m) * (x[i] - m);
      if (!Number.isFinite(m)) checkScale(m, c, 'standardScaler');
      mean.push(m);
      const variance = checkScale(ss / x.length, c, 'standardScaler');
      // scikit-learn's _is_constant_feature: a variance within the rounding error of summing n values of this size.
      const constant = variance <= x.length * EPSILON * variance + (x.length * m * EPSILON) ** 2;
      std.push(constant ? 1 : Math.sqrt(variance));
    }
    return new FittedScaler('standardScaler', columns, mean, std);
  });
}

/** Scales columns onto `featureRange` (default [0, 1]) using the training min and max. */
export function minMaxScaler(options: MinMaxScalerOptions = {}) {
  const [lo, hi] = options.featureRange ?? [0, 1];
  if (!(hi > lo)) throw new InputError(`featureRange [${lo}, ${hi}] must have its first value below its second`);
  return spec('minMaxScaler', (table) => {
    const columns = resolveColumns(table, options.columns, 'minMaxScaler');
    const min: number[] = [];
    const scale: number[] = [];
    for (const c of columns) {
      const { min: mn, max: mx, nan } = minMax(table.numbers(c));
      if (nan || !Number.isFinite(mn) || !Number.isFinite(mx)) trainingColumn(table, c, 'minMaxScaler'); // throws naming the row
      min.push(mn);
      scale.push(spreadOrOne(mx - mn, c, 'minMaxScaler') / (hi - lo));
    }
    return new FittedScaler(
      'minMaxScaler',
      columns,
      min,
      scale,
      columns.map(() => lo),
    );
  });
}

/** Centres on the median and scales by the interquartile range: robust to outliers. */
export function robustScaler(options: RobustScalerOptions = {}) {
  const [qlo, qhi] = options.quantileRange ?? [25, 75];
  if (!(qlo >= 0 && qhi <= 100 && qlo < qhi)) throw new InputError(`quantileRange [${qlo}, ${qhi}] must satisfy 0 ≤ low < high ≤ 100`);
  return spec('robustScaler', (table) => {
    const columns = resolveColumns(table, options.columns, 'robustScaler');
    const median: number[] = [];
    const iqr: number[] = [];
    for (const c of columns) {
      const x = Float64Array.from(trainingColumn(table, c, 'robustScaler')).sort();
      median.push(quantileSorted(x, 0.5));
      iqr.push(spreadOrOne(quantileSorted(x, qhi / 100) - quantileSorted(x, qlo / 100), c, 'robustScaler'));
    }
    return new FittedScaler('robustScaler', columns, median, iqr);
  });
}

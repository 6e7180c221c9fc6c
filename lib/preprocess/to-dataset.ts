/**
 * `toDataset`: the model-ready arrays of a tabular problem — a row-major Float32Array of features and one of
 * targets, with their shapes and names. Refuses NaN/Infinity so that nothing trains on garbage silently.
 */
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { firstDateColumn } from '../data/time-order';
import { checkTable } from '../data/check-table';

/** Features and targets as flat typed arrays; `x` is [n, features], `y` is [n, targets]. */
export interface Dataset {
  x: Float32Array;
  xShape: [number, number];
  y: Float32Array;
  yShape: [number, number];
  features: readonly string[];
  targets: readonly string[];
  /**
   * The rows are in time order (the table had a date column): `fitModel`'s `validationSplit` then takes the last
   * rows, never a random sample that would validate on days between training days.
   */
  ordered: boolean;
}

export interface ToDatasetOptions {
  /** Feature columns. Defaults to every numeric column except the target. */
  features?: readonly string[];
  /** Target column(s). */
  target: string | readonly string[];
  /** Whether the rows are in time order (see `Dataset.ordered`). Defaults to whether the table has a date column. */
  ordered?: boolean;
}

function fill(table: Table, names: readonly string[], out: Float32Array, role: string): void {
  const cols = names.map((n) => table.numbers(n));
  const width = names.length;
  for (let j = 0; j < width; j++) {
    const c = cols[j];
    for (let i = 0; i < c.length; i++) {
      const v = c[i];
      if (!Number.isFinite(v)) {
        throw new InputError(`${role} column "${names[j]}" holds ${v} at row ${i}; impute or drop missing values before training (simpleImputer, dropMissing)`);
      }
      out[i * width + j] = v;
    }
  }
}

/**
 * Tabular data to arrays.
 * @example const train = toDataset(prepared, { target: 'diagnosis' });  // train.xShape = [455, 30]
 */
export function toDataset(table: Table, options: ToDatasetOptions): Dataset {
  checkTable('toDataset', table);
  const targets = typeof options.target === 'string' ? [options.target] : [...(options.target ?? [])];
  if (targets.length === 0) throw new InputError('toDataset needs { target: "<column>" }');
  targets.forEach((t) => table.column(t));
  const features = options.features ? [...options.features] : table.columnNames.filter((n) => table.kind(n) === 'number' && !targets.includes(n));
  if (features.length === 0) throw new InputError(`toDataset found no feature columns (columns: ${table.columnNames.join(', ')}); pass { features }`);
  const n = table.numRows;
  if (n === 0) throw new InputError('toDataset got an empty table');
  const x = new Float32Array(n * features.length);
  const y = new Float32Array(n * targets.length);
  fill(table, features, x, 'feature');
  fill(table, targets, y, 'target');
  return {
    x,
    xShape: [n, features.length],
    y,
    yShape: [n, targets.length],
    features,
    targets,
    ordered: options.ordered ?? firstDateColumn(table) !== undefined,
  };
}

/**
 * The scikit-learn contract shared by scalers, imputers and encoders: a spec stores options; `spec.fit(train)`
 * learns from training rows only and returns a fitted object; only a fitted object can `transform`.
 * Fitted state is plain data (`toJSON`), so a bundle can save it and `restoreTransform` rebuild it.
 */
import { Table } from '../data/table';
import { InputError, NotFittedError } from '../util/errors';
import { formatList } from '../util/format';

/** Saved state of a fitted transform: its kind plus learned values. */
export interface TransformState {
  kind: string;
  [key: string]: unknown;
}

/** A fitted transform: applies what it learned to any split. */
export interface FittedTransform {
  readonly kind: string;
  /** The input columns it was fitted on. */
  readonly columns: readonly string[];
  transform(table: Table): Table;
  inverseTransform?(table: Table): Table;
  toJSON(): TransformState;
}

/** An unfitted transform: options only. */
export interface TransformSpec<F extends FittedTransform = FittedTransform> {
  readonly kind: string;
  fit(table: Table): F;
}

/** The columns a spec applies to: the given ones (checked), or every numeric column. */
export function resolveColumns(table: Table, columns: readonly string[] | undefined, kind: string, numericOnly = true): string[] {
  if (table.numRows === 0) throw new InputError(`${kind}.fit got an empty table; fit on the training split`);
  if (columns) {
    for (const c of columns) table.column(c);
    return [...columns];
  }
  const found = table.columnNames.filter((n) => !numericOnly || table.kind(n) === 'number');
  if (found.length === 0) throw new InputError(`${kind}.fit found no numeric columns; pass { columns }`);
  return found;
}

/** Throws unless `table` has every fitted column. */
export function checkFittedColumns(table: Table, columns: readonly string[], kind: string): void {
  const missing = columns.filter((c) => !table.has(c));
  if (missing.length) {
    throw new InputError(
      `${kind}.transform: ${missing.length > 1 ? `columns ${formatList(missing)} were` : `column "${missing[0]}" was`} fitted but ${missing.length > 1 ? 'are' : 'is'} missing (table has: ${formatList(table.columnNames)}); transform tables with the same columns as the training split`,
    );
  }
}

/** The error for using a spec as if it were fitted. */
export function notFitted(kind: string): never {
  throw new NotFittedError(`${kind} is not fitted: call .fit(trainTable) first and use the object it returns`);
}

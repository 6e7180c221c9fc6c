/** What every categorical encoder learns from: the columns it encodes and their present values, sorted as scikit-learn sorts them. */
import { Table } from '../data/table';
import { InputError } from '../util/errors';

/** Sorted distinct values: numerically when every value is a number, else as text. */
export function sortedCategories(values: readonly string[]): string[] {
  const distinct = [...new Set(values)];
  const numeric = distinct.every((v) => v.trim() !== '' && !Number.isNaN(Number(v)));
  return numeric ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct.sort();
}

/** The columns an encoder fits: those named, else every text column (refused when there is none). */
export function encodedColumns(table: Table, named: readonly string[] | undefined, kind: string): string[] {
  const columns = named ? [...named] : table.columnNames.filter((n) => table.kind(n) === 'string');
  if (columns.length === 0) throw new InputError(`${kind}.fit found no text columns; pass { columns }`);
  return columns;
}

/** A column's values as text, refused when one is missing (an encoder needs them imputed first). */
export function presentValues(table: Table, column: string, kind: string): string[] {
  const values = table.strings(column);
  const missing = values.indexOf(null);
  if (missing >= 0)
    throw new InputError(`${kind}: column "${column}" is missing a value at row ${missing}; impute it first (simpleImputer({ strategy: "most_frequent" }))`);
  return values as string[];
}

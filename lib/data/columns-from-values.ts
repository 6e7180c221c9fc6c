/** Row objects or arrays to typed columns: numbers to Float64, `Date` values to date columns, the rest to text. */
import type { Column, ColumnKind, Row } from './table';
import { namedEntries, type NamedColumns } from './named-columns';

/**
 * The columns `names` of `rows`: a date column when every present value is a `Date`, numeric when every present
 * value is a number, else text (null where missing). Missing: null, undefined or NaN.
 */
export function columnsFromRows(rows: readonly Row[], names: readonly string[]): { columns: Map<string, Column>; kinds: Map<string, ColumnKind> } {
  const columns = new Map<string, Column>();
  const kinds = new Map<string, ColumnKind>();
  const own = Object.prototype.hasOwnProperty;
  for (const name of names) {
    // Own properties only: a row without "constructor" has no value there, not Object's constructor.
    const values = rows.map((r) => (own.call(r, name) ? r[name] : undefined));
    const present = values.filter((v) => v !== null && v !== undefined && !(typeof v === 'number' && Number.isNaN(v)));
    if (present.length > 0 && present.every((v) => v instanceof Date)) {
      columns.set(
        name,
        Float64Array.from(values, (v) => (v instanceof Date ? v.getTime() : NaN)),
      );
      kinds.set(name, 'date');
    } else if (present.every((v) => typeof v === 'number')) {
      columns.set(
        name,
        Float64Array.from(values, (v) => (typeof v === 'number' ? v : NaN)),
      );
    } else {
      columns.set(
        name,
        values.map((v) => (v === null || v === undefined ? null : String(v))),
      );
    }
  }
  return { columns, kinds };
}

/** Columns given as arrays: a Float64Array copied, all `Date` (or null) a date column, all numbers (or null) numeric, else text. */
export function columnsFromArrays(columns: NamedColumns<readonly unknown[] | Float64Array>): {
  columns: Map<string, Column>;
  kinds: Map<string, ColumnKind>;
} {
  const cols = new Map<string, Column>();
  const kinds = new Map<string, ColumnKind>();
  for (const [name, values] of namedEntries(columns)) {
    if (values instanceof Float64Array) {
      cols.set(name, values.slice());
    } else if (values.length > 0 && values.every((v) => v instanceof Date || v === null)) {
      cols.set(
        name,
        Float64Array.from(values, (v) => (v instanceof Date ? v.getTime() : NaN)),
      );
      kinds.set(name, 'date');
    } else if (values.every((v) => typeof v === 'number' || v === null || v === undefined)) {
      cols.set(
        name,
        Float64Array.from(values, (v) => (typeof v === 'number' ? v : NaN)),
      );
    } else {
      cols.set(
        name,
        values.map((v) => (v === null || v === undefined ? null : String(v))),
      );
    }
  }
  return { columns: cols, kinds };
}

/** The column `withColumn` stores: a Float64Array as it is, all `Date` a date column, all numbers numeric, else text copied. */
export function columnOf(values: Column | readonly number[] | readonly Date[]): { column: Column; kind: ColumnKind } {
  if (values instanceof Float64Array) return { column: values, kind: 'number' };
  const list = values as readonly unknown[];
  if (list.length > 0 && list.every((v) => v instanceof Date)) return { column: Float64Array.from(list as Date[], (d) => d.getTime()), kind: 'date' };
  if (list.every((v) => typeof v === 'number')) return { column: Float64Array.from(list as number[]), kind: 'number' };
  return { column: (list as (string | null)[]).slice(), kind: 'string' };
}

/**
 * `joinAsOf`: for each row of `left`, the columns of the last `right` row dated at or before it (pandas'
 * `merge_asof(direction="backward")`). Backward-looking by construction, so lower-frequency covariates
 * (quarterly macro data) can join a monthly series without look-ahead. `availableAfterMs` shifts each right
 * row to when it became known (a quarter's GDP is published weeks after the quarter starts).
 */
import { InputError } from '../util/errors';
import { formatList } from '../util/format';
import { Table } from './table';
import { checkSorted, checkStrictlyIncreasing, firstDateColumn } from './time-order';
import { checkTable } from './check-table';

export interface JoinAsOfOptions {
  /** Date column in both tables. Defaults to the first date column of `left`. */
  on?: string;
  /** Columns of `right` to bring in. Defaults to all but the date column. */
  columns?: readonly string[];
  /** Milliseconds after its date at which a right row may be used. Defaults to 0. */
  availableAfterMs?: number;
  /** Prefix for the joined column names. Defaults to none. */
  prefix?: string;
}

/** @example joinAsOf(monthly, quarterly, { columns: ['infl', 'unemp'], availableAfterMs: 120 * 864e5 }) */
export function joinAsOf(left: Table, right: Table, options: JoinAsOfOptions = {}): Table {
  checkTable('joinAsOf', left);
  const on = options.on ?? firstDateColumn(left);
  if (!on) throw new InputError('joinAsOf: the left table has no date column; pass { on: "<date column>" }');
  for (const [t, side] of [
    [left, 'left'],
    [right, 'right'],
  ] as const) {
    if (!t.has(on) || t.kind(on) !== 'date') throw new InputError(`joinAsOf: ${side} table has no date column "${on}" (columns: ${formatList(t.columnNames)})`);
  }
  const lt = left.dates(on);
  const rt = right.dates(on);
  checkStrictlyIncreasing(rt, on); // two right rows on one date: which one is "the last" would be arbitrary
  checkSorted(lt, on); // left dates may repeat: a panel (several symbols per date) joins row by row
  const columns = options.columns ?? right.columnNames.filter((c) => c !== on);
  const shift = options.availableAfterMs ?? 0;
  // One merge pass over both sorted date columns.
  const source = new Int32Array(left.numRows).fill(-1);
  let j = -1;
  for (let i = 0; i < left.numRows; i++) {
    while (j + 1 < right.numRows && rt[j + 1] + shift <= lt[i]) j++;
    source[i] = j;
  }
  let out = left;
  for (const c of columns) {
    const name = `${options.prefix ?? ''}${c}`;
    if (left.has(name)) throw new InputError(`joinAsOf: column "${name}" is in both tables; pass a prefix (e.g. { prefix: "macro_" })`);
    const v = right.numbers(c);
    out = out.withColumn(
      name,
      Float64Array.from(source, (s) => (s < 0 ? NaN : v[s])),
    );
  }
  return out;
}

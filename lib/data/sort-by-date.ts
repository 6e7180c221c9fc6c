/** `sortByDate`: what every loader does with a date column — rows oldest first (stable), with a notice when that reorders the file. */
import { InputError } from '../util/errors';
import { formatList } from '../util/format';
import { allFinite } from '../util/check';
import { notice } from '../util/notice';
import { sortOrder } from './sort-order';
import type { Table } from './table';

/** Sorts by `sortBy` (one of `dateColumns`), or returns the table as it is when `sortBy` is false or undefined. */
export function sortByDate(table: Table, sortBy: string | false | undefined, dateColumns: readonly string[], source: string, loader: string): Table {
  if (!sortBy) return table;
  if (!dateColumns.includes(sortBy)) throw new InputError(`sortBy "${sortBy}" is not a date column (date columns: ${formatList(dateColumns) || 'none'})`);
  const t = table.dates(sortBy);
  if (!allFinite(t)) {
    const i = t.findIndex((v) => v !== v);
    throw new InputError(`date column "${sortBy}" is empty at row ${i}; fill or drop that row, or pass { sortBy: false }`);
  }
  const order = sortOrder(t);
  if (!order) return table;
  const newestFirst = t[0] > t[t.length - 1] && order[0] === t.length - 1;
  notice(
    `${source}: rows ${newestFirst ? 'run newest first' : 'are not in date order'}; sorted by "${sortBy}" (oldest first, as time-series functions need; ${loader}'s sortBy: false keeps file order)`,
  );
  return table.take(order);
}

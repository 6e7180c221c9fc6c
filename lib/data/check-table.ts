/** `checkTable`: the argument a function takes as a `Table`, refused by name when it is anything else (a plain-JavaScript caller's undefined, a danfo frame, rows). */
import { InputError } from '../util/errors';
import { describeArgument } from '../util/check';
import type { Table } from './table';

/** Throws an InputError naming the caller unless `t` is a Table (by shape: a copy of the library from another path counts). */
export function checkTable(caller: string, t: unknown): asserts t is Table {
  const ok = typeof t === 'object' && t !== null && Array.isArray((t as Table).columnNames) && typeof (t as Table).column === 'function';
  if (!ok) {
    const hint = Array.isArray(t) ? ' (rows: build one with Table.fromRows(rows))' : '';
    throw new InputError(`${caller} takes a Table (from loadCsv, readCsv or table()), got ${describeArgument(t)}${hint}`);
  }
}

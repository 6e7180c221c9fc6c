/** `applyFilters`: pandas' `read_parquet(filters=...)` conditions on a loaded table; a missing value passes none. */
import { InputError } from '../util/errors';
import type { Table } from './table';

export type FilterOp = '=' | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in';
/** `[column, op, value]`: dates compare as `Date`s or epoch ms, text as strings; `in` takes a list. */
export type Filter = readonly [string, FilterOp, unknown];

function keyOf(v: unknown, column: string): number | string {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'number' || typeof v === 'string') return v;
  throw new InputError(`filter on "${column}": compare with a number, a string or a Date, got ${JSON.stringify(v)}`);
}

/** Applies pandas-style filters to a loaded table. */
export function applyFilters(table: Table, filters: readonly Filter[], source: string): Table {
  if (filters.length === 0) return table;
  let keep = new Uint8Array(table.numRows).fill(1);
  for (const f of filters) {
    if (!Array.isArray(f) || f.length !== 3) throw new InputError(`${source}: each filter is [column, op, value], got ${JSON.stringify(f)}`);
    const [column, op, value] = f;
    if (!table.has(column)) throw new InputError(`${source}: filter column "${column}" is not loaded (columns: ${table.columnNames.join(', ')})`);
    const text = table.kind(column) === 'string';
    const cells: ArrayLike<number | string | null> = text ? table.strings(column) : (table.column(column as string) as Float64Array);
    const set = op === 'in' || op === 'not in' ? new Set((Array.isArray(value) ? value : [value]).map((v) => keyOf(v, column))) : undefined;
    const k = set ? undefined : keyOf(value, column);
    if (!set && text !== (typeof k === 'string'))
      throw new InputError(
        `filter on "${column}": it holds ${table.kind(column)} values; compare with ${text ? 'a string' : table.kind(column) === 'date' ? 'a Date' : 'a number'}`,
      );
    const next = new Uint8Array(table.numRows);
    for (let i = 0; i < table.numRows; i++) {
      const x = cells[i];
      if (x === null || (typeof x === 'number' && x !== x)) continue; // missing values pass no condition, as in pandas
      let ok: boolean;
      switch (op) {
        case '=':
        case '==':
          ok = x === k;
          break;
        case '!=':
          ok = x !== k;
          break;
        case '<':
          ok = x < k!;
          break;
        case '<=':
          ok = x <= k!;
          break;
        case '>':
          ok = x > k!;
          break;
        case '>=':
          ok = x >= k!;
          break;
        case 'in':
          ok = set!.has(x);
          break;
        case 'not in':
          ok = !set!.has(x);
          break;
        default:
          throw new InputError(`${source}: unknown filter operator ${JSON.stringify(op)} (valid: =, !=, <, <=, >, >=, in, not in)`);
      }
      next[i] = keep[i] && ok ? 1 : 0;
    }
    keep = next;
  }
  return table.filter(keep);
}

/**
 * `idColumns`: the columns of a table that identify rows rather than describe them — a patient or record number,
 * a sample code. A model that sees them learns the order the file was written in, so they are left out of the
 * features (and the caller says so).
 */
import type { Table } from './table';
import { checkTable } from './check-table';

const CLOCK_NAMES = /year|date|time|day|index|period/i;

const ID_NAMES =
  /^(id|index|unnamed: 0|row|rowid|row_id|record|sample|patient|subject)$|(^|[_\s-])(id|no|nr|number|code|key|index)$|^(id|patient|subject|record|sample)[_\s-]/i;

/**
 * Columns that look like identifiers: named like one (id, patient_id, "Sample code number", Unnamed: 0) with a
 * different value on (almost) every row, text with a different value on every row, or a clock — numbers named
 * like time (decimal_year, day) that rise on every one of more than 20 rows.
 * @example idColumns(clinical)  // ["patient_id"]
 */
export function idColumns(table: Table, exclude: readonly string[] = []): string[] {
  checkTable('idColumns', table);
  const n = table.numRows;
  return table.columnNames.filter((c) => {
    if (exclude.includes(c) || table.kind(c) === 'date') return false;
    const values: unknown[] = table.kind(c) === 'number' ? Array.from(table.numbers(c)) : table.strings(c);
    const distinct = new Set(values).size;
    if (ID_NAMES.test(c.trim())) return distinct >= 0.9 * n;
    if (table.kind(c) === 'number' && n > 20 && CLOCK_NAMES.test(c)) return (values as number[]).every((v, i) => i === 0 || v > (values as number[])[i - 1]);
    return table.kind(c) === 'string' && distinct === n && n > 20;
  });
}

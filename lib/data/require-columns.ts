/**
 * `requireColumns`: checks that the columns a notebook's parameters name are in the table, before any work, so
 * a typo in `-p target=yeild_10y` is refused in the first cell with the columns that are there.
 */
import { InputError } from '../util/errors';
import { formatList } from '../util/format';
import type { Table } from './table';
import { checkTable } from './check-table';

/**
 * Throws unless every named column is in `table`, naming the parameter, the value and the columns there are.
 * @example requireColumns(prices, { price: 'close', dateColumn: 'Date' }, 'prices.csv')
 */
export function requireColumns(table: Table, named: Record<string, string | undefined>, source = 'the table'): void {
  checkTable('requireColumns', table);
  for (const [parameter, column] of Object.entries(named)) {
    if (column === undefined || column === '') continue;
    // "year,quarter": a value may name several columns, each of which must be there.
    for (const one of column.includes(',') && !table.columnNames.includes(column) ? column.split(',').map((c) => c.trim()) : [column]) {
      if (!table.columnNames.includes(one)) {
        throw new InputError(
          `${parameter} "${column}"${one !== column ? ` names "${one}", which` : ''} is not a column of ${source} (columns: ${formatList(table.columnNames)}); pass -p ${parameter}=<one of them>`,
        );
      }
    }
  }
}

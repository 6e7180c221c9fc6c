/**
 * `loadParquet`: a Parquet file (pandas' `to_parquet`, Spark, DuckDB, pyarrow) as a `Table`, typed as `loadCsv`
 * types the CSV of the same data and sorted by its first date column. Only the named `columns` are decoded
 * (Parquet stores each column apart). `filters` keep the rows whose values pass every condition, as pandas'
 * `read_parquet(filters=...)` (applied after decoding: row groups are not skipped).
 */
import { InputError } from '../util/errors';
import { arrowPackage, parquetPackage } from './columnar-packages';
import { columnarTable, readFileBytes, wantedColumns } from './columnar-table';
import type { LoadColumnarOptions } from './columnar-table';
import type { Table } from './table';
import { checkString } from '../util/check';

/**
 * Loads a Parquet file.
 * @example const ticks = loadParquet('ticks.parquet', { columns: ['time', 'price'], filters: [['symbol', '=', 'AAPL']] });
 */
export function loadParquet(file: string, options: LoadColumnarOptions = {}): Table {
  checkString('loadParquet: file', file);
  const bytes = readFileBytes(file, 'loadParquet', 'Parquet');
  if (bytes.length < 8 || String.fromCharCode(...bytes.subarray(0, 4)) !== 'PAR1')
    throw new InputError(`loadParquet: ${file} is not a Parquet file (it does not start with "PAR1"); for CSV use loadCsv, for Arrow or Feather loadArrow`);
  const arrow = arrowPackage('loadParquet');
  const parquet = parquetPackage('loadParquet');
  const wanted = wantedColumns(options);
  let ipc: Uint8Array;
  try {
    const t = parquet.readParquet(bytes, wanted ? { columns: wanted } : undefined);
    ipc = t.intoIPCStream();
  } catch (err) {
    const msg = String((err as Error)?.message ?? err);
    throw new InputError(`loadParquet: could not read ${file}: ${msg}${/column/i.test(msg) && wanted ? ` (asked for ${wanted.join(', ')})` : ''}`);
  }
  return columnarTable(arrow.tableFromIPC(ipc), arrow.DataType, file, options, 'loadParquet');
}

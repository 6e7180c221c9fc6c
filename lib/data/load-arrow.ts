/**
 * `loadArrow`: an Arrow IPC file or stream (Feather v2: pandas' `to_feather`, pyarrow's `write_feather`, R's
 * arrow) as a `Table`, typed and sorted as `loadParquet` does. LZ4-compressed files (pandas' default) read; ZSTD
 * ones are refused with the fix.
 */
import { InputError } from '../util/errors';
import { arrowPackage } from './columnar-packages';
import { columnarTable, readFileBytes } from './columnar-table';
import type { LoadColumnarOptions } from './columnar-table';
import type { Table } from './table';
import { checkString } from '../util/check';

/**
 * Loads an Arrow IPC / Feather file.
 * @example const claims = loadArrow('claims.feather', { columns: ['claim_id', 'amount', 'date'] });
 */
export function loadArrow(file: string, options: LoadColumnarOptions = {}): Table {
  checkString('loadArrow: file', file);
  const bytes = readFileBytes(file, 'loadArrow', 'Arrow');
  const arrow = arrowPackage('loadArrow');
  let raw;
  try {
    raw = arrow.tableFromIPC(bytes);
  } catch (err) {
    const msg = String((err as Error)?.message ?? err);
    if (/codec/i.test(msg))
      throw new InputError(
        `loadArrow: ${file} is compressed with a codec this reader lacks (LZ4 is supported; ZSTD is not); save it with compression="lz4" or "uncompressed", or as Parquet`,
      );
    throw new InputError(`loadArrow: could not read ${file} as Arrow IPC / Feather v2: ${msg}; for Parquet use loadParquet, for CSV loadCsv`);
  }
  return columnarTable(raw, arrow.DataType, file, options, 'loadArrow');
}

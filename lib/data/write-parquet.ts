/**
 * `writeParquet`: a `Table` (prepared features, predictions, a backtest) as a Parquet file that pandas, Spark and
 * DuckDB read: numbers as float64 (NaN as null), dates as millisecond timestamps (UTC wall time, no zone, as pandas
 * writes naive datetimes), text as UTF-8 strings. Written atomically: a failed or killed save keeps the old file.
 */
import { InputError } from '../util/errors';
import { writeFileAtomic } from '../util/write-file-atomic';
import { arrowPackage, parquetPackage } from './columnar-packages';
import type { Table } from './table';

export interface WriteParquetOptions {
  /** "snappy" (the default, as pandas), "zstd", "gzip" or "none". */
  compression?: 'snappy' | 'zstd' | 'gzip' | 'none';
}

const CODECS = { snappy: 'SNAPPY', zstd: 'ZSTD', gzip: 'GZIP', none: 'UNCOMPRESSED' } as const;

/**
 * Writes a table to a Parquet file.
 * @example writeParquet(predictions, 'out/predictions.parquet');
 */
export function writeParquet(table: Table, file: string, options: WriteParquetOptions = {}): void {
  const codec = CODECS[options.compression ?? 'snappy'];
  if (!codec) throw new InputError(`writeParquet: compression must be one of ${Object.keys(CODECS).join(', ')}, got ${JSON.stringify(options.compression)}`);
  const arrow = arrowPackage('writeParquet');
  const parquet = parquetPackage('writeParquet');
  const vectors: Record<string, unknown> = {};
  for (const name of table.columnNames) {
    const kind = table.kind(name);
    if (kind === 'string') vectors[name] = arrow.vectorFromArray(table.strings(name), new arrow.Utf8());
    else {
      const v = Array.from(table.column(name) as Float64Array, (x) => (Number.isFinite(x) ? x : null));
      vectors[name] = arrow.vectorFromArray(v, kind === 'date' ? new arrow.TimestampMillisecond() : new arrow.Float64());
    }
  }
  const ipc = arrow.tableToIPC(new arrow.Table(vectors), 'stream');
  const wasmTable = parquet.Table.fromIPCStream(ipc);
  const properties = new parquet.WriterPropertiesBuilder().setCompression(parquet.Compression[codec]).build();
  writeFileAtomic(file, Buffer.from(parquet.writeParquet(wasmTable, properties)));
}

/**
 * `writeParquet`: a `Table` (prepared features, predictions, a backtest) as a Parquet file that pandas, Spark and
 * DuckDB read: numbers as float64 (NaN as null), dates as millisecond timestamps (UTC wall time, no zone, as pandas
 * writes naive datetimes), text as UTF-8 strings. Written atomically: a failed or killed save keeps the old file.
 */
import { InputError } from '../util/errors';
import { writeFileAtomic } from '../util/write-file-atomic';
import { arrowPackage, parquetPackage } from './columnar-packages';
import type { Table } from './table';
import { checkTable } from './check-table';

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
  checkTable('writeParquet', table);
  const codec = CODECS[options.compression ?? 'snappy'];
  if (!codec) throw new InputError(`writeParquet: compression must be one of ${Object.keys(CODECS).join(', ')}, got ${JSON.stringify(options.compression)}`);
  const arrow = arrowPackage('writeParquet');
  const parquet = parquetPackage('writeParquet');
  // Null prototype: a column named "__proto__" is an own key like any other.
  const vectors: Record<string, unknown> = Object.create(null);
  for (const name of table.columnNames) {
    const kind = table.kind(name);
    if (kind === 'string') vectors[name] = arrow.vectorFromArray(table.strings(name), new arrow.Utf8());
    else {
      const v = Array.from(table.column(name) as Float64Array, (x) => (Number.isFinite(x) ? x : null));
      vectors[name] = arrow.vectorFromArray(v, kind === 'date' ? new arrow.TimestampMillisecond() : new arrow.Float64());
    }
  }
  const built = new arrow.Table(vectors);
  // An object lists integer-like keys ("2021") first: put the columns back in the table's order.
  const at = new Map(built.schema.fields.map((f, i) => [f.name, i]));
  const ipc = arrow.tableToIPC(built.selectAt(table.columnNames.map((n) => at.get(n)!)), 'stream');
  const wasmTable = parquet.Table.fromIPCStream(ipc);
  const properties = new parquet.WriterPropertiesBuilder().setCompression(parquet.Compression[codec]).build();
  writeFileAtomic(file, Buffer.from(parquet.writeParquet(wasmTable, properties)));
}

/**
 * `scanParquet`: a Parquet file in batches of rows, each a `Table`, for files larger than memory — the file is read
 * lazily (a file-backed Blob) and decoded batch by batch, so memory holds one batch, not the file. For reductions
 * (sums, counts, a running summary) and for writing features chunk by chunk. Batches keep the file's row order
 * (no sort: sort the file when it is written, or reduce in an order-free way).
 */
import * as fs from 'fs';
import { InputError } from '../util/errors';
import { checkPositiveInt } from '../util/check';
import { arrowPackage, parquetPackage } from './columnar-packages';
import { fromArrow } from './from-arrow';
import { checkInputFile } from './check-input-file';
import type { Table } from './table';
import { checkString } from '../util/check';

export interface ScanParquetOptions {
  /** Decode only these columns. Defaults to all. */
  columns?: readonly string[];
  /** Rows per batch. Defaults to 65,536. */
  batchRows?: number;
}

export interface ScanBatch {
  /** 0-based batch number. */
  batch: number;
  /** File row of the batch's first row. */
  firstRow: number;
}

interface StreamingParquet {
  ParquetFile: {
    fromFile(blob: Blob): Promise<{
      metadata(): { fileMetadata(): { numRows(): number } };
      stream(options: { batchSize: number; columns?: string[] }): Promise<ReadableStream<{ intoIPCStream(): Uint8Array }>>;
      free(): void;
    }>;
  };
}

/**
 * Calls `onBatch` with each batch of rows, in file order, and waits for it before decoding the next.
 * @example let sum = 0; await scanParquet('ticks.parquet', { columns: ['price'] }, (t) => { for (const v of t.numbers('price')) sum += v; });
 */
export async function scanParquet(
  file: string,
  options: ScanParquetOptions,
  onBatch: (batch: Table, info: ScanBatch) => void | Promise<void>,
): Promise<{ rows: number; batches: number }> {
  checkString('scanParquet: file', file);
  const batchRows = checkPositiveInt('batchRows', options.batchRows ?? 65536);
  if (typeof onBatch !== 'function') throw new InputError('scanParquet: pass a function that receives each batch (a Table)');
  checkInputFile(file, 'scanParquet', 'Parquet');
  const arrow = arrowPackage('scanParquet');
  const parquet = parquetPackage('scanParquet') as unknown as StreamingParquet;
  const pf = await parquet.ParquetFile.fromFile(await fs.openAsBlob(file));
  let rows = 0;
  let batches = 0;
  try {
    const reader = (await pf.stream({ batchSize: batchRows, ...(options.columns ? { columns: [...options.columns] } : {}) })).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const { table } = fromArrow(arrow.tableFromIPC(value.intoIPCStream()), arrow.DataType, file, options.columns);
      await onBatch(table, { batch: batches, firstRow: rows });
      rows += table.numRows;
      batches++;
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`scanParquet: could not read ${file}: ${String((err as Error)?.message ?? err)}`);
  } finally {
    pf.free();
  }
  return { rows, batches };
}

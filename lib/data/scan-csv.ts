/**
 * `scanCsv`: a CSV file in batches of rows, each a `Table`, for files larger than memory. The file is read in
 * blocks cut at a line end outside quotes (a quoted field with a line break stays whole), and each block is read
 * as `readCsv` reads text. The first batch fixes each column's type (number, date or text) for the rest, so a
 * later batch cannot turn a column into text silently: a value that does not fit is an error naming it. Batches
 * keep the file's row order.
 */
import * as fs from 'fs';
import { InputError } from '../util/errors';
import { checkPositiveInt } from '../util/check';
import { readCsv } from './load-csv';
import { checkInputFile } from './check-input-file';
import type { LoadCsvOptions, SchemaType } from './load-csv';
import type { Table } from './table';
import type { ScanBatch } from './scan-parquet';

export interface ScanCsvOptions extends Omit<LoadCsvOptions, 'sortBy' | 'nrows' | 'skipRows' | 'encoding'> {
  /** Bytes read per batch (a batch ends at the last whole row in them). Defaults to 4 MiB. */
  batchBytes?: number;
}

/** The index after the first (or last) line end in `b` that lies outside quotes (quotes balance at `b`'s start), or -1. */
function rowEnd(b: Buffer, which: 'first' | 'last'): number {
  let quoted = false;
  let last = -1;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) {
      if (which === 'first') return i + 1;
      last = i + 1;
    }
  }
  return last;
}

/**
 * Calls `onBatch` with each batch of rows, in file order, and waits for it before reading the next.
 * @example let n = 0; await scanCsv('claims-2024.csv', { columns: ['amount'] }, (t) => { n += t.numRows; });
 */
export async function scanCsv(
  file: string,
  options: ScanCsvOptions,
  onBatch: (batch: Table, info: ScanBatch) => void | Promise<void>,
): Promise<{ rows: number; batches: number }> {
  const batchBytes = checkPositiveInt('batchBytes', options.batchBytes ?? 4 * 2 ** 20, 64);
  if (typeof onBatch !== 'function') throw new InputError('scanCsv: pass a function that receives each batch (a Table)');
  checkInputFile(file, 'scanCsv', 'CSV');
  const fd = fs.openSync(file, 'r');
  const { batchBytes: _drop, ...readOptions } = options;
  let header: string | undefined;
  let schema: Record<string, SchemaType> | undefined;
  let carry: Buffer = Buffer.alloc(0);
  let rows = 0;
  let batches = 0;
  let position = 0;
  const block = Buffer.allocUnsafe(batchBytes); // reused: what outlives a read is copied into `carry`
  try {
    for (;;) {
      const got = fs.readSync(fd, block, 0, batchBytes, position);
      position += got;
      const eof = got === 0;
      let data: Buffer = carry.length ? Buffer.concat([carry, block.subarray(0, got)]) : block.subarray(0, got);
      if (header === undefined) {
        if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
        const end = rowEnd(data, 'first'); // a quoted header name may hold a line break
        if (end < 0 && !eof) {
          carry = Buffer.from(data);
          continue;
        }
        header = data
          .subarray(0, end < 0 ? data.length : end)
          .toString('utf8')
          .replace(/\r?\n$/, '');
        data = data.subarray(end < 0 ? data.length : end);
      }
      const cut = eof ? data.length : rowEnd(data, 'last');
      if (cut <= 0) {
        if (eof) break;
        carry = Buffer.from(data); // no whole row yet: read on
        continue;
      }
      const text = data.subarray(0, cut).toString('utf8');
      carry = Buffer.from(data.subarray(cut));
      if (text.trim() !== '') {
        let table: Table;
        try {
          table = readCsv(`${header}\n${text}`, { ...readOptions, sortBy: false, schema: { ...schema, ...options.schema }, source: file });
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          throw new InputError(`${file}, in the batch that starts at data row ${rows + 1} (rows below count from there): ${err.message}`);
        }
        if (!schema) {
          schema = {};
          for (const c of table.columnNames) schema[c] = table.kind(c) === 'number' ? 'number' : table.kind(c) === 'date' ? 'date' : 'category';
        }
        await onBatch(table, { batch: batches, firstRow: rows });
        rows += table.numRows;
        batches++;
      }
      if (eof) break;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { rows, batches };
}

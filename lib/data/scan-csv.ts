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
import { readCsvWith } from './load-csv';
import { parseCsv } from './parse-csv';
import { hasUtf16Bom } from './csv-file-bytes';
import { rowEnd, rowEndState } from './csv-row-ends';
import type { CsvReadHooks } from './table-from-csv';
import { checkInputFile } from './check-input-file';
import type { LoadCsvOptions, SchemaType } from './load-csv';
import type { Table } from './table';
import type { ScanBatch } from './scan-parquet';
import { checkString } from '../util/check';

export interface ScanCsvOptions extends Omit<LoadCsvOptions, 'sortBy' | 'nrows' | 'skipRows'> {
  /** Bytes read per batch (a batch ends at the last whole row in them). Defaults to 4 MiB. */
  batchBytes?: number;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The file's bytes block by block as UTF-8 (a UTF-16 file, told by its byte-order mark, decoded as it streams). */
function blockReader(fd: number, size: number, file: string): () => Buffer {
  const block = Buffer.allocUnsafe(size); // reused: what outlives a read is copied by the caller
  let position = 0;
  let utf16: TextDecoder | undefined;
  let first = true;
  return () => {
    const got = fs.readSync(fd, block, 0, size, position);
    position += got;
    let bytes = block.subarray(0, got);
    if (first) {
      first = false;
      if (hasUtf16Bom(bytes)) {
        if (bytes[0] === 0xff && bytes[2] === 0 && bytes[3] === 0)
          throw new InputError(`${file} is UTF-32 (its byte-order mark says so); re-save it as UTF-8 or UTF-16`);
        utf16 = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be'); // drops the byte-order mark
      }
    }
    // stream: a character cut by the block's end is finished by the next block.
    if (utf16) bytes = Buffer.from(utf16.decode(bytes, { stream: got > 0 }), 'utf8');
    return bytes;
  };
}

/** Bytes after every leading UTF-8 byte-order mark (some tools add a second one). */
function withoutBom(b: Buffer): Buffer {
  let s = 0;
  while (UTF8_BOM.every((x, k) => b[s + k] === x)) s += 3;
  return b.subarray(s);
}

/**
 * Calls `onBatch` with each batch of rows, in file order, and waits for it before reading the next. Each batch
 * is read as `loadCsv` reads the whole file (line ends, byte-order marks, UTF-16, quoting), with the column
 * types and the day/month order of slash dates fixed by the first batch.
 * @example let n = 0; await scanCsv('claims-2024.csv', { columns: ['amount'] }, (t) => { n += t.numRows; });
 */
export async function scanCsv(
  file: string,
  options: ScanCsvOptions,
  onBatch: (batch: Table, info: ScanBatch) => void | Promise<void>,
): Promise<{ rows: number; batches: number }> {
  checkString('scanCsv: file', file);
  const batchBytes = checkPositiveInt('batchBytes', options.batchBytes ?? 4 * 2 ** 20, 64);
  if (typeof onBatch !== 'function') throw new InputError('scanCsv: pass a function that receives each batch (a Table)');
  checkInputFile(file, 'scanCsv', 'CSV');
  const fd = fs.openSync(file, 'r');
  const { batchBytes: _drop, ...readOptions } = options;
  const encoding = options.encoding ?? 'utf8';
  let header: string | undefined;
  let schema: Record<string, SchemaType> | undefined;
  // The first batch's choice of day or month first per column, for the rest (a batch of 02/03/2020 alone cannot tell).
  const dayFirst = new Map<string, boolean>();
  const hooks: CsvReadHooks = {
    onSlashOrder: (column, first) => void (dayFirst.has(column) || dayFirst.set(column, first)),
    dayFirst: (column) => dayFirst.get(column),
  };
  const state = rowEndState();
  let pending: Buffer[] = []; // bytes read and not yet part of a batch (copies: the reader reuses its block)
  let rows = 0;
  let batches = 0;
  const read = blockReader(fd, batchBytes, file);
  const emit = async (data: Buffer): Promise<void> => {
    const text = data.toString(encoding);
    // Blank lines carry no rows, except in a one-column file, where loadCsv reads each as a missing value.
    if (text === '' || (text.trim() === '' && parseCsv(header!, { delimiter: options.delimiter }).header.length > 1)) return;
    let table: Table;
    try {
      const batchOptions = { ...readOptions, sortBy: false as const, schema: { ...schema, ...options.schema }, source: file };
      table = readCsvWith(`${header}\n${text}`, batchOptions, hooks);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      throw new InputError(`${file}, in the batch that starts at data row ${rows + 1} (rows below count from there): ${err.message}`);
    }
    if (!schema) {
      schema = Object.create(null) as Record<string, SchemaType>;
      for (const c of table.columnNames) schema[c] = table.kind(c) === 'number' ? 'number' : table.kind(c) === 'date' ? 'date' : 'category';
    }
    await onBatch(table, { batch: batches, firstRow: rows });
    rows += table.numRows;
    batches++;
  };
  try {
    for (;;) {
      const block = read();
      const eof = block.length === 0;
      let from = 0;
      if (header === undefined) {
        const end = rowEnd(block, 0, block.length, state, 'first', eof); // a quoted header name may hold a line break
        if (end < 0 && !eof) {
          pending.push(Buffer.from(block));
          continue;
        }
        const head = Buffer.concat([...pending, block.subarray(0, end < 0 ? block.length : end)]);
        header = withoutBom(head)
          .toString(encoding)
          .replace(/(\r\n|\r|\n)$/, '');
        pending = [];
        from = end < 0 ? block.length : end;
      }
      const cut = eof ? block.length : rowEnd(block, from, block.length, state, 'last', false);
      if (cut < 0) {
        if (block.length > from) pending.push(Buffer.from(block.subarray(from)));
        continue;
      }
      const data = Buffer.concat([...pending, block.subarray(from, cut)]);
      pending = cut < block.length ? [Buffer.from(block.subarray(cut))] : [];
      await emit(data);
      if (eof) break;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { rows, batches };
}

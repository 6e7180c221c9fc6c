/** What `loadParquet` and `loadArrow` share: their options, the file read, and the Arrow table converted, filtered, projected and sorted. */
import * as fs from 'fs';
import { applyFilters } from './apply-filters';
import type { Filter } from './apply-filters';
import { fromArrow } from './from-arrow';
import type { ArrowTableLike, ArrowTypes } from './from-arrow';
import { sortByDate } from './sort-by-date';
import { checkInputFile } from './check-input-file';
import type { Table } from './table';

export interface LoadColumnarOptions {
  /** Load only these columns (in file order). Defaults to all. */
  columns?: readonly string[];
  /** Keep rows passing every `[column, op, value]`, e.g. `[['date', '>=', new Date('2020-01-01')], ['symbol', 'in', ['AAPL', 'MSFT']]]`. */
  filters?: readonly Filter[];
  /** Sort rows by this date column, with a notice when that reorders the file. Defaults to the first date column; `false` keeps file order. */
  sortBy?: string | false;
}

/** The columns to decode: those asked for and those the filters read. */
export function wantedColumns(options: LoadColumnarOptions): string[] | undefined {
  return options.columns ? [...new Set([...options.columns, ...(options.filters ?? []).map((f) => f[0])])] : undefined;
}

/** An Arrow table as the loaders return it: converted, filtered, projected to `columns`, sorted by date. */
export function columnarTable(raw: ArrowTableLike, types: ArrowTypes, file: string, options: LoadColumnarOptions, loader: string): Table {
  const { table, dateColumns } = fromArrow(raw, types, file, wantedColumns(options));
  const filtered = applyFilters(table, options.filters ?? [], file);
  const projected = options.columns ? filtered.select(filtered.columnNames.filter((c) => options.columns!.includes(c))) : filtered; // file order, as loadCsv
  return sortByDate(projected, options.sortBy === undefined ? dateColumns.find((c) => projected.has(c)) : options.sortBy, dateColumns, file, loader);
}

export function readFileBytes(file: string, caller: string, kind: string): Uint8Array {
  checkInputFile(file, caller, kind);
  return new Uint8Array(fs.readFileSync(file));
}

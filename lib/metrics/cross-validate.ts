/**
 * `crossValidate`: runs a whole fit-and-score procedure inside each fold, so preprocessing is fitted on that
 * fold's training rows only. `walkForward` is the same over time-ordered folds (`timeSeriesSplit`).
 */
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { textTable } from '../util/text-table';
import type { Tabular } from '../util/tabular';
import { checkStrictlyIncreasing, firstDateColumn, panelRows, timeColumn } from '../data/time-order';
import type { Fold } from '../preprocess/k-fold';
import { timeSeriesSplit, TimeSeriesSplitOptions } from '../preprocess/time-series-split';
import { checkTable } from '../data/check-table';

/** Fits on `train` and returns metrics measured on `test`; receives nothing else. */
export type FoldRunner = (train: Table, test: Table, fold: number) => Promise<Record<string, number>> | Record<string, number>;

export interface CvResult {
  /** Metrics of each fold, with its sizes. */
  folds: (Record<string, number> & { fold: number; trainSize: number; testSize: number })[];
  mean: Record<string, number>;
  std: Record<string, number>;
  /** The table form (header, rows, caption), as data: `toHTML` and `show` render it. */
  tabulate(): Tabular;
  toString(): string;
}

/**
 * Runs `run` on each fold and aggregates.
 * @example await crossValidate(cancer, stratifiedKFold(labels, { k: 5 }), async (train, test) => ({ auc: ... }))
 */
export async function crossValidate(table: Table, folds: readonly Fold[], run: FoldRunner): Promise<CvResult> {
  checkTable('crossValidate', table);
  if (folds.length === 0) throw new InputError('crossValidate needs at least one fold');
  const results: CvResult['folds'] = [];
  for (let f = 0; f < folds.length; f++) {
    const { train, test } = folds[f];
    const metrics = await run(table.take(train), table.take(test), f);
    results.push({ fold: f + 1, trainSize: train.length, testSize: test.length, ...metrics });
  }
  const names = Object.keys(results[0]).filter((k) => !['fold', 'trainSize', 'testSize'].includes(k));
  const mean: Record<string, number> = {};
  const std: Record<string, number> = {};
  for (const k of names) {
    const v = results.map((r) => r[k]);
    mean[k] = v.reduce((a, b) => a + b, 0) / v.length;
    std[k] = v.length > 1 ? Math.sqrt(v.reduce((s, x) => s + (x - mean[k]) ** 2, 0) / (v.length - 1)) : 0;
  }
  const header = ['fold', 'train rows', 'test rows', ...names];
  const rows: unknown[][] = results.map((r) => [r.fold, r.trainSize, r.testSize, ...names.map((k) => r[k])]);
  rows.push(['mean', '', '', ...names.map((k) => mean[k])], ['std', '', '', ...names.map((k) => std[k])]);
  return {
    folds: results,
    mean,
    std,
    tabulate: () => ({ header, rows, caption: `${folds.length}-fold evaluation` }),
    toString: () => textTable(header, rows),
  };
}

export interface WalkForwardOptions extends TimeSeriesSplitOptions {
  /** The date column whose order is checked. Defaults to the first date column, if any. */
  dateColumn?: string;
  /**
   * The column naming each series when several are stacked in one table (a panel: symbol, date, price, sorted by
   * date). Folds are then cut over the distinct dates — `testSize`, `gap` and `maxTrainSize` count dates, not
   * rows — so all series share each fold's dates and no date is on both sides. Defaults to none: one row per date.
   */
  series?: string;
  /** The rows are already oldest first, though the table has no date column. Defaults to false: such a table is refused. */
  ordered?: boolean;
}

/**
 * Walk-forward evaluation: `crossValidate` over `timeSeriesSplit` folds of a time-ordered table. A date column
 * must strictly increase (rows out of order would train on the future), unless `series` names the series of a
 * panel.
 */
export async function walkForward(table: Table, options: WalkForwardOptions, run: FoldRunner): Promise<CvResult> {
  checkTable('walkForward', table);
  // A panel names its own date column below; one series must have dates or be vouched for.
  const dateColumn =
    options.series !== undefined ? (options.dateColumn ?? firstDateColumn(table)) : timeColumn(table, options.dateColumn, options.ordered, 'walkForward');
  if (options.series === undefined) {
    if (dateColumn) checkStrictlyIncreasing(table.dates(dateColumn), dateColumn, true);
    return crossValidate(table, timeSeriesSplit(table.numRows, options), run);
  }
  if (!dateColumn)
    throw new InputError(
      `walkForward: series "${options.series}" needs a date column to cut folds at dates, and the table has none; load the dates (loadCsv's dates option)`,
    );
  panelRows(table, dateColumn, options.series, 'walkForward');
  // Row ranges of each distinct date (the table is sorted by date): date k holds rows firstRow[k] … firstRow[k+1]-1.
  const t = table.dates(dateColumn);
  const firstRow: number[] = [];
  for (let i = 0; i < t.length; i++) if (i === 0 || t[i] !== t[i - 1]) firstRow.push(i);
  firstRow.push(t.length);
  const rowsOf = (dates: Int32Array): Int32Array => {
    if (dates.length === 0) return new Int32Array(0);
    const from = firstRow[dates[0]];
    return Int32Array.from({ length: firstRow[dates[dates.length - 1] + 1] - from }, (_, i) => from + i);
  };
  const folds = timeSeriesSplit(firstRow.length - 1, options).map((f) => ({ train: rowsOf(f.train), test: rowsOf(f.test) }));
  return crossValidate(table, folds, run);
}

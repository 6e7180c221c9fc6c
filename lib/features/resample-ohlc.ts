/**
 * `resampleOhlc`: prices into OHLC bars, like pandas `resample('W'|'ME').ohlc()` (or, for rows that are bars
 * themselves, `.agg({"open": "first", "high": "max", "low": "min", "close": "last"})`): weeks end on Sunday,
 * months on their last day, and such bars are labelled with that end date (UTC); intraday rows go into day, hour
 * or n-minute bars labelled by their start, as pandas' "D", "h" and "15min".
 */
import { concatRows } from '../data/concat-rows';
import { groupBy } from '../data/group-by';
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { checkOneOf, checkPositiveInt } from '../util/check';
import { checkTable } from '../data/check-table';

const DAY = 86_400_000;

/** The end date (UTC midnight) of the period holding `ms`. */
export function periodEnd(ms: number, period: 'week' | 'month'): number {
  const d = new Date(ms);
  if (period === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return day + ((7 - d.getUTCDay()) % 7) * DAY;
}

export type ResamplePeriod = 'minute' | 'hour' | 'day' | 'week' | 'month';

export interface ResampleOhlcOptions {
  /**
   * "week" (ending Sunday) or "month", labelled by their last day as pandas' "W" and "ME"; or "day", "hour" and
   * "minute" for intraday rows, labelled by their start as pandas' "D", "h" and "min".
   */
  period: ResamplePeriod;
  /**
   * Periods per bar for "minute", "hour" and "day": 15 with "minute" makes 15-minute bars (pandas' "15min"), counted
   * from midnight UTC of the first row's day (pandas' origin "start_day"). Defaults to 1.
   */
  every?: number;
  /** Date column. Defaults to "date". */
  dateColumn?: string;
  /** Price column to build bars from (closes). Defaults to "close". */
  price?: string;
  /**
   * Open, high and low columns, when the rows are bars themselves (a daily OHLC export): a bar's open is then its
   * first open, its high the highest high, its low the lowest low (pandas' `agg({"open": "first", "high": "max",
   * "low": "min", "close": "last"})`). Without them every bar is built from `price` alone, which understates the
   * range of daily bars: their highs and lows lie beyond their closes. All three or none.
   */
  open?: string;
  /** High column (with `open` and `low`). */
  high?: string;
  /** Low column (with `open` and `high`). */
  low?: string;
  /** Optional volume column, summed per bar. */
  volume?: string;
  /**
   * The column naming each series when several are stacked in one table (a panel): bars are then built per
   * series and returned stacked, the series column first, sorted by bar date. Defaults to none: one series.
   */
  series?: string;
}

/**
 * Bars from a price column: open = first price of the period, high = max, low = min, close = last; volume
 * summed. As pandas does, every period from the first row's to the last row's gets a bar: one with no price
 * (a market closed for the week, a data gap) has NaN prices and volume 0, so a gap stays visible instead of
 * two bars standing next to each other as if consecutive.
 * @example resampleOhlc(daily, { period: 'week', price: 'DAX' })
 */
export function resampleOhlc(table: Table, options: ResampleOhlcOptions): Table {
  checkTable('resampleOhlc', table);
  if (options.series !== undefined) {
    const { series, ...rest } = options;
    const bars = Object.fromEntries([...groupBy(table, series)].map(([key, rows]) => [key, resampleOhlc(rows, rest)]));
    return concatRows(bars, { key: series }).sortBy('date');
  }
  const period = checkOneOf('period', options.period, ['minute', 'hour', 'day', 'week', 'month'] as const);
  const every = checkPositiveInt('every', options.every ?? 1);
  if (every !== 1 && (period === 'week' || period === 'month')) {
    throw new InputError(`resampleOhlc: every ${every} works with "minute", "hour" and "day"; for longer bars resample by "${period}" and combine them`);
  }
  const dateColumn = options.dateColumn ?? 'date';
  const dates = table.dates(dateColumn);
  const price = table.numbers(options.price ?? 'close');
  const given = (['open', 'high', 'low'] as const).filter((k) => options[k] !== undefined);
  if (given.length > 0 && given.length < 3) {
    const missing = (['open', 'high', 'low'] as const).filter((k) => options[k] === undefined);
    throw new InputError(`resampleOhlc: ${given.join(' and ')} given without ${missing.join(' and ')}; pass all three bar columns (open, high, low) or none`);
  }
  const [opens, highs, lows] =
    given.length === 3 ? [table.numbers(options.open!), table.numbers(options.high!), table.numbers(options.low!)] : [price, price, price];
  const volume = options.volume ? table.numbers(options.volume) : undefined;
  const out = { date: [] as number[], open: [] as number[], high: [] as number[], low: [] as number[], close: [] as number[], volume: [] as number[] };
  // A bar's label: the period's last day for week and month; for fixed widths, the start of its bin, the bins
  // counted from midnight of the first row's day.
  const width = period === 'minute' ? every * 60_000 : period === 'hour' ? every * 3_600_000 : every * DAY;
  const origin = dates.length > 0 ? Math.floor(dates[0] / DAY) * DAY : 0;
  const labelOf = (ms: number) => (period === 'week' || period === 'month' ? periodEnd(ms, period) : origin + Math.floor((ms - origin) / width) * width);
  const next = (label: number) => (period === 'week' ? label + 7 * DAY : period === 'month' ? periodEnd(label + DAY, 'month') : label + width);
  let current = NaN;
  for (let i = 0; i < dates.length; i++) {
    if (Number.isNaN(dates[i])) throw new InputError(`resampleOhlc: date column "${dateColumn}" is empty at row ${i}; fill or drop that row first`);
    if (i > 0 && dates[i] < dates[i - 1]) throw new InputError(`resampleOhlc: dates are not sorted at row ${i}; sort by date first`);
    const label = labelOf(dates[i]);
    // Open every period up to this row's: the first row's, then any empty ones between.
    while (!(current >= label)) {
      current = Number.isNaN(current) ? label : next(current);
      out.date.push(current);
      out.open.push(NaN);
      out.high.push(NaN);
      out.low.push(NaN);
      out.close.push(NaN);
      out.volume.push(0);
    }
    const j = out.date.length - 1;
    const v = volume?.[i];
    if (v !== undefined && !Number.isNaN(v)) out.volume[j] += v;
    // Each field on its own, skipping missing values: the first open, the highest high, the lowest low, the last close.
    // (A comparison with the bar's NaN, before its first value, is false.)
    const h = highs[i];
    const l = lows[i];
    if (Number.isNaN(out.open[j])) out.open[j] = opens[i];
    if (!Number.isNaN(h) && !(h <= out.high[j])) out.high[j] = h;
    if (!Number.isNaN(l) && !(l >= out.low[j])) out.low[j] = l;
    if (!Number.isNaN(price[i])) out.close[j] = price[i];
  }
  const columns = {
    date: Float64Array.from(out.date),
    open: Float64Array.from(out.open),
    high: Float64Array.from(out.high),
    low: Float64Array.from(out.low),
    close: Float64Array.from(out.close),
    ...(volume ? { volume: Float64Array.from(out.volume) } : {}),
  };
  return new Table(columns, { date: 'date' });
}

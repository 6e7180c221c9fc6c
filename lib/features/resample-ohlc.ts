/**
 * `resampleOhlc`: daily prices into weekly or monthly OHLC bars, like pandas `resample('W'|'ME').ohlc()` (or, for
 * daily bars, `.agg({"open": "first", "high": "max", "low": "min", "close": "last"})`): weeks end on Sunday, months
 * on their last day, and each bar is labelled with that end date (UTC).
 */
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { checkOneOf } from '../util/check';

const DAY = 86_400_000;

/** The end date (UTC midnight) of the period holding `ms`. */
export function periodEnd(ms: number, period: 'week' | 'month'): number {
  const d = new Date(ms);
  if (period === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return day + ((7 - d.getUTCDay()) % 7) * DAY;
}

export interface ResampleOhlcOptions {
  /** "week" (ending Sunday) or "month". */
  period: 'week' | 'month';
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
  high?: string;
  low?: string;
  /** Optional volume column, summed per bar. */
  volume?: string;
}

/**
 * Bars from a price column: open = first price of the period, high = max, low = min, close = last; volume
 * summed. As pandas does, every period from the first row's to the last row's gets a bar: one with no price
 * (a market closed for the week, a data gap) has NaN prices and volume 0, so a gap stays visible instead of
 * two bars standing next to each other as if consecutive.
 * @example resampleOhlc(daily, { period: 'week', price: 'DAX' })
 */
export function resampleOhlc(table: Table, options: ResampleOhlcOptions): Table {
  const period = checkOneOf('period', options.period, ['week', 'month'] as const);
  const dateColumn = options.dateColumn ?? 'date';
  const dates = table.dates(dateColumn);
  const price = table.numbers(options.price ?? 'close');
  const given = (['open', 'high', 'low'] as const).filter((k) => options[k] !== undefined);
  if (given.length > 0 && given.length < 3) {
    const missing = (['open', 'high', 'low'] as const).filter((k) => options[k] === undefined);
    throw new InputError(`resampleOhlc: ${given.join(' and ')} given without ${missing.join(' and ')}; pass all three bar columns (open, high, low) or none`);
  }
  const [opens, highs, lows] = given.length === 3 ? [table.numbers(options.open!), table.numbers(options.high!), table.numbers(options.low!)] : [price, price, price];
  const volume = options.volume ? table.numbers(options.volume) : undefined;
  const out = { date: [] as number[], open: [] as number[], high: [] as number[], low: [] as number[], close: [] as number[], volume: [] as number[] };
  const next = (end: number) => (period === 'week' ? end + 7 * DAY : periodEnd(end + DAY, 'month'));
  let current = NaN;
  for (let i = 0; i < dates.length; i++) {
    if (Number.isNaN(dates[i])) throw new InputError(`resampleOhlc: date column "${dateColumn}" is empty at row ${i}; fill or drop that row first`);
    if (i > 0 && dates[i] < dates[i - 1]) throw new InputError(`resampleOhlc: dates are not sorted at row ${i}; sort by date first`);
    const end = periodEnd(dates[i], period);
    // Open every period up to this row's: the first row's, then any empty ones between.
    while (!(current >= end)) {
      current = Number.isNaN(current) ? end : next(current);
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

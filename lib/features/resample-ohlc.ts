/**
 * `resampleOhlc`: daily prices into weekly or monthly OHLC bars, like pandas `resample('W'|'ME').ohlc()`:
 * weeks end on Sunday, months on their last day, and each bar is labelled with that end date (UTC).
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
  /** Optional volume column, summed per bar. */
  volume?: string;
}

/**
 * Bars from a price column: open = first price of the period, high = max, low = min, close = last.
 * @example resampleOhlc(daily, { period: 'week', price: 'DAX' })
 */
export function resampleOhlc(table: Table, options: ResampleOhlcOptions): Table {
  const period = checkOneOf('period', options.period, ['week', 'month'] as const);
  const dates = table.dates(options.dateColumn ?? 'date');
  const price = table.numbers(options.price ?? 'close');
  const volume = options.volume ? table.numbers(options.volume) : undefined;
  const out = { date: [] as number[], open: [] as number[], high: [] as number[], low: [] as number[], close: [] as number[], volume: [] as number[] };
  let current = NaN;
  for (let i = 0; i < dates.length; i++) {
    if (i > 0 && dates[i] < dates[i - 1]) throw new InputError(`resampleOhlc: dates are not sorted at row ${i}; sort by date first`);
    const p = price[i];
    if (Number.isNaN(p)) continue;
    const end = periodEnd(dates[i], period);
    if (end !== current) {
      current = end;
      out.date.push(end);
      out.open.push(p);
      out.high.push(p);
      out.low.push(p);
      out.close.push(p);
      out.volume.push(volume ? volume[i] : 0);
    } else {
      const j = out.date.length - 1;
      out.high[j] = Math.max(out.high[j], p);
      out.low[j] = Math.min(out.low[j], p);
      out.close[j] = p;
      if (volume) out.volume[j] += volume[i];
    }
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

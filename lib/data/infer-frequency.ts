/**
 * `inferFrequency`: how often a series is observed, read from its dates as pandas' `infer_freq` does, but
 * tolerant of what real exports hold (holidays, a missing month, a repeated close): the typical spacing decides.
 * Annualising returns and volatility, fold sizes and the words of a report ("days", "months") all follow from it,
 * so a monthly file is never annualised as if it were daily.
 */
import { InputError } from '../util/errors';
import { isoDate } from './iso-date';
import { checkList } from '../util/check';
import { describeArgument } from '../util/check';

export type FrequencyName = 'intraday' | 'daily' | 'business-daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly' | 'observations';

export interface Frequency {
  name: FrequencyName;
  /** Observations per year: trading days as measured (about 252), 365 days, 52 weeks, 12 months, 4 quarters, 1 year (intraday: as measured). */
  periodsPerYear: number;
  /** One observation in words: "day", "trading day", "week", "month", "quarter", "year", "bar". */
  unit: string;
  /** Its plural: "days", "trading days", "weeks", "months", "quarters", "years", "bars". */
  units: string;
  /** pandas' alias of the frequency: "D", "B", "W", "MS", "QS", "YS", or "<n>min" for intraday. */
  alias: string;
  /** The typical spacing between observations, in days. */
  medianDays: number;
}

const DAY = 86_400_000;

function freq(name: FrequencyName, periodsPerYear: number, unit: string, units: string, alias: string, medianDays: number): Frequency {
  return { name, periodsPerYear, unit, units, alias, medianDays };
}

/**
 * The frequency of ascending dates (epoch ms; at least 3, distinct). Panels may pass every row: repeated dates
 * are skipped.
 * @example inferFrequency(yields.dates('date')).name  // "monthly"
 */
export function inferFrequency(dates: ArrayLike<number>): Frequency {
  checkList('inferFrequency: dates', dates);
  const t: number[] = [];
  for (let i = 0; i < dates.length; i++) {
    const v = dates[i];
    if (!Number.isFinite(v)) throw new InputError(`inferFrequency: date ${i} is ${v}; drop rows without a date first`);
    if (t.length && v < t[t.length - 1])
      throw new InputError(`inferFrequency: dates go back at row ${i} (${isoDate(v)} after ${isoDate(t[t.length - 1])}); sort by date first (loadCsv sorts)`);
    if (!t.length || v !== t[t.length - 1]) t.push(v);
  }
  if (t.length < 3) throw new InputError(`inferFrequency needs at least 3 distinct dates, got ${t.length}`);
  const gaps = t
    .slice(1)
    .map((v, i) => (v - t[i]) / DAY)
    .sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)];
  if (median < 1) {
    const minutes = Math.max(1, Math.round(median * 1440));
    // Bars per year from the observed span: sessions and weekends are in the data, not assumed.
    const perYear = (t.length - 1) / ((t[t.length - 1] - t[0]) / (365.25 * DAY));
    return freq('intraday', perYear, 'bar', 'bars', `${minutes}min`, median);
  }
  if (median < 2) {
    // Trading days when weekends are (almost) absent — at most 1% of the dates on a Saturday or Sunday — or when
    // there are far fewer than 365 a year (equally spaced business days, as R's decimal-year series store them).
    // Their rate per year is measured (252 for NYSE, 260 for EuStockMarkets), not assumed.
    let weekend = 0;
    for (const v of t) {
      const dow = new Date(v).getUTCDay();
      if (dow === 0 || dow === 6) weekend++;
    }
    const perYear = (t.length - 1) / ((t[t.length - 1] - t[0]) / (365.25 * DAY));
    if (weekend <= 0.01 * t.length || perYear < 300) return freq('business-daily', Math.round(perYear), 'trading day', 'trading days', 'B', median);
    return freq('daily', 365, 'day', 'days', 'D', median);
  }
  if (median >= 5 && median <= 9) return freq('weekly', 52, 'week', 'weeks', 'W', median);
  if (median >= 27 && median <= 32) return freq('monthly', 12, 'month', 'months', 'MS', median);
  if (median >= 85 && median <= 95) return freq('quarterly', 4, 'quarter', 'quarters', 'QS', median);
  if (median >= 360 && median <= 370) return freq('yearly', 1, 'year', 'years', 'YS', median);
  throw new InputError(
    `inferFrequency: the dates are ${median.toFixed(1)} days apart (median), which is no daily, weekly, monthly, quarterly or yearly spacing; resample the series first (resampleOhlc) or pass the periods per year yourself`,
  );
}

/** Options of observationFrequency. */
export interface ObservationFrequencyOptions {
  /** Observations a year, when the caller knows them (260 business days); NaN otherwise, so nothing is annualised by guess. */
  periodsPerYear?: number;
}

/**
 * The frequency of a series ordered by position only (a day index, no calendar): "observations", with periods a
 * year unknown (NaN) unless told.
 * @example observationFrequency({ periodsPerYear: 260 }).units  // "observations"
 */
export function observationFrequency(options: ObservationFrequencyOptions = {}): Frequency {
  const ppy = options.periodsPerYear ?? NaN;
  if (options.periodsPerYear !== undefined && !(ppy > 0 && Number.isFinite(ppy)))
    throw new InputError(
      `observationFrequency: periodsPerYear must be a positive number (260 for business days, 12 for months), got ${describeArgument(options.periodsPerYear)}`,
    );
  return freq('observations', ppy, 'observation', 'observations', '', NaN);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date as a reader of that frequency writes it: "2001-03-30" (daily, weekly), "Mar 2001", "2001Q1", "2001"; intraday keeps the time; a position is "observation 12". */
export function formatPeriod(ms: number, frequency: Pick<Frequency, 'name'>): string {
  if (typeof ms !== 'number' || typeof frequency?.name !== 'string')
    throw new InputError(
      `formatPeriod takes a date (epoch ms) and a frequency from inferFrequency, got ${describeArgument(ms)} and ${describeArgument(frequency)}`,
    );
  const d = new Date(ms);
  switch (frequency.name) {
    case 'monthly':
      return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    case 'quarterly':
      return `${d.getUTCFullYear()}Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    case 'yearly':
      return String(d.getUTCFullYear());
    case 'intraday':
      return d.toISOString().slice(0, 16).replace('T', ' ');
    case 'observations':
      return `observation ${ms}`;
    default:
      return isoDate(ms);
  }
}

/**
 * `calendarFeatures`: parts of each date as numeric columns — year, quarter, month, day, day of the week, day of
 * the year, ISO week, hour, minute, month start and end — as pandas' `.dt` accessors give them (dayOfWeek 0 is
 * Monday; weekOfYear is the ISO week, `.dt.isocalendar().week`), in UTC like every date here. They depend on the
 * row's own date only, so they never look ahead. With `cyclical`, periodic parts become a sine and a cosine, so
 * December sits next to January for a network.
 */
import { InputError } from '../util/errors';
import { daysFromCivil, daysInMonth } from '../data/parse-date';

export const CALENDAR_PARTS = ['year', 'quarter', 'month', 'day', 'dayOfWeek', 'dayOfYear', 'weekOfYear', 'hour', 'minute', 'isMonthStart', 'isMonthEnd'] as const;
export type CalendarPart = (typeof CALENDAR_PARTS)[number];

export interface CalendarFeaturesOptions {
  /** Parts to compute. Defaults to month and dayOfWeek. */
  parts?: readonly CalendarPart[];
  /** Prefix of the column names ("date_" makes "date_month"). Defaults to none. */
  prefix?: string;
  /**
   * Periodic parts as `<part>_sin` and `<part>_cos` over their cycle: month (12), quarter (4), dayOfWeek (7),
   * dayOfYear (the year's days), hour (24), minute (60). Other parts stay as numbers. Defaults to false.
   */
  cyclical?: boolean;
}

const DAY = 86_400_000;
/** The parts with a cycle, which `cyclical` turns into sine/cosine pairs. */
const PERIODIC: ReadonlySet<CalendarPart> = new Set(['quarter', 'month', 'dayOfWeek', 'dayOfYear', 'hour', 'minute']);

/** The value of a part, and its position in its cycle (0 ≤ phase < 1) where it has one. */
function part(ms: number, name: CalendarPart): { value: number; phase?: number } {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const dow = (d.getUTCDay() + 6) % 7; // Monday 0, as pandas
  const doy = daysFromCivil(y, m, day) - daysFromCivil(y, 1, 1) + 1;
  const yearDays = daysFromCivil(y + 1, 1, 1) - daysFromCivil(y, 1, 1);
  switch (name) {
    case 'year':
      return { value: y };
    case 'quarter':
      return { value: Math.ceil(m / 3), phase: (Math.ceil(m / 3) - 1) / 4 };
    case 'month':
      return { value: m, phase: (m - 1) / 12 };
    case 'day':
      return { value: day };
    case 'dayOfWeek':
      return { value: dow, phase: dow / 7 };
    case 'dayOfYear':
      return { value: doy, phase: (doy - 1) / yearDays };
    case 'weekOfYear':
      return { value: isoWeek(ms) };
    case 'hour':
      return { value: d.getUTCHours(), phase: d.getUTCHours() / 24 };
    case 'minute':
      return { value: d.getUTCMinutes(), phase: d.getUTCMinutes() / 60 };
    case 'isMonthStart':
      return { value: day === 1 ? 1 : 0 };
    case 'isMonthEnd':
      return { value: day === daysInMonth(y, m) ? 1 : 0 };
  }
}

/** ISO 8601 week number (1–53): weeks start on Monday, and week 1 holds the year's first Thursday. */
function isoWeek(ms: number): number {
  const dayNumber = Math.floor(ms / DAY);
  const dow = (((dayNumber + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday: Monday 0
  const thursday = dayNumber - dow + 3; // the Thursday of this ISO week decides its year
  const year = new Date(thursday * DAY).getUTCFullYear();
  return Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
}

/**
 * Numeric columns of calendar parts of `dates` (epoch ms; NaN gives NaN), named by part (with `prefix`).
 * @example const t = prices.withColumns(calendarFeatures(prices.dates('date'), { parts: ['dayOfWeek', 'month'], cyclical: true }));
 */
export function calendarFeatures(dates: ArrayLike<number>, options: CalendarFeaturesOptions = {}): Record<string, Float64Array> {
  const parts = options.parts ?? ['month', 'dayOfWeek'];
  for (const p of parts) {
    if (!(CALENDAR_PARTS as readonly string[]).includes(p)) throw new InputError(`calendarFeatures: unknown part "${p}" (valid: ${CALENDAR_PARTS.join(', ')})`);
  }
  const prefix = options.prefix ?? '';
  const out: Record<string, Float64Array> = {};
  for (const p of parts) {
    const cyclic = options.cyclical === true && PERIODIC.has(p);
    const a = new Float64Array(dates.length);
    const b = cyclic ? new Float64Array(dates.length) : undefined;
    for (let i = 0; i < dates.length; i++) {
      if (Number.isNaN(dates[i])) {
        a[i] = NaN;
        if (b) b[i] = NaN;
        continue;
      }
      const { value, phase } = part(dates[i], p);
      if (b) {
        a[i] = Math.sin(2 * Math.PI * phase!);
        b[i] = Math.cos(2 * Math.PI * phase!);
      } else a[i] = value;
    }
    if (b) {
      out[`${prefix}${p}_sin`] = a;
      out[`${prefix}${p}_cos`] = b;
    } else out[`${prefix}${p}`] = a;
  }
  return out;
}

/**
 * `calendarFeatures`: parts of each date as numeric columns — year, quarter, month, day, day of the week, day of
 * the year, ISO week, hour, minute, month start and end — as pandas' `.dt` accessors give them (dayOfWeek 0 is
 * Monday; weekOfYear is the ISO week, `.dt.isocalendar().week`), in UTC like every date here. They depend on the
 * row's own date only, so they never look ahead. With `cyclical`, periodic parts become a sine and a cosine, so
 * December sits next to January for a network.
 */
import { InputError } from '../util/errors';
import { daysFromCivil, daysInMonth } from '../data/parse-date';
import { checkList } from '../util/check';

export const CALENDAR_PARTS = [
  'year',
  'quarter',
  'month',
  'day',
  'dayOfWeek',
  'dayOfYear',
  'weekOfYear',
  'hour',
  'minute',
  'isMonthStart',
  'isMonthEnd',
] as const;
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

/** The fields of one date that the parts are read from (one Date per row, whatever the parts). */
interface DateFields {
  ms: number;
  y: number;
  m: number;
  day: number;
  dow: number; // Monday 0, as pandas
  hour: number;
  minute: number;
}

function fieldsOf(ms: number): DateFields {
  const d = new Date(ms);
  return {
    ms,
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    dow: (d.getUTCDay() + 6) % 7,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/** The value of a part, and its position in its cycle (0 ≤ phase < 1) where it has one. */
function part(f: DateFields, name: CalendarPart): { value: number; phase?: number } {
  switch (name) {
    case 'year':
      return { value: f.y };
    case 'quarter':
      return { value: Math.ceil(f.m / 3), phase: (Math.ceil(f.m / 3) - 1) / 4 };
    case 'month':
      return { value: f.m, phase: (f.m - 1) / 12 };
    case 'day':
      return { value: f.day };
    case 'dayOfWeek':
      return { value: f.dow, phase: f.dow / 7 };
    case 'dayOfYear': {
      const doy = daysFromCivil(f.y, f.m, f.day) - daysFromCivil(f.y, 1, 1) + 1;
      return { value: doy, phase: (doy - 1) / (daysFromCivil(f.y + 1, 1, 1) - daysFromCivil(f.y, 1, 1)) };
    }
    case 'weekOfYear':
      return { value: isoWeek(f.ms) };
    case 'hour':
      return { value: f.hour, phase: f.hour / 24 };
    case 'minute':
      return { value: f.minute, phase: f.minute / 60 };
    case 'isMonthStart':
      return { value: f.day === 1 ? 1 : 0 };
    case 'isMonthEnd':
      return { value: f.day === daysInMonth(f.y, f.m) ? 1 : 0 };
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
  checkList('calendarFeatures: dates', dates);
  const parts = options.parts ?? ['month', 'dayOfWeek'];
  for (const p of parts) {
    if (!(CALENDAR_PARTS as readonly string[]).includes(p)) throw new InputError(`calendarFeatures: unknown part "${p}" (valid: ${CALENDAR_PARTS.join(', ')})`);
  }
  const prefix = options.prefix ?? '';
  const out: Record<string, Float64Array> = {};
  // One output column (two when cyclical) per part, filled row by row from the row's fields read once.
  const columns = parts.map((p) => {
    const cyclic = options.cyclical === true && PERIODIC.has(p);
    return { p, a: new Float64Array(dates.length), b: cyclic ? new Float64Array(dates.length) : undefined };
  });
  for (let i = 0; i < dates.length; i++) {
    const f = Number.isNaN(dates[i]) ? undefined : fieldsOf(dates[i]);
    for (const { p, a, b } of columns) {
      if (!f) {
        a[i] = NaN;
        if (b) b[i] = NaN;
        continue;
      }
      const { value, phase } = part(f, p);
      if (b) {
        a[i] = Math.sin(2 * Math.PI * phase!);
        b[i] = Math.cos(2 * Math.PI * phase!);
      } else a[i] = value;
    }
  }
  for (const { p, a, b } of columns) {
    if (b) {
      out[`${prefix}${p}_sin`] = a;
      out[`${prefix}${p}_cos`] = b;
    } else out[`${prefix}${p}`] = a;
  }
  return out;
}

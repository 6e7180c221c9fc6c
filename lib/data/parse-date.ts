/**
 * Date parsing for the formats data scientists meet in CSV exports, always as UTC epoch milliseconds.
 * A column has one format: it is detected from the first value and every other value must match it, so
 * "2000-01-03" next to "03/01/2000" is an error instead of a silent day/month swap.
 */
import { InputError } from '../util/errors';
import { notice } from '../util/notice';
import { isoDate } from './iso-date';
import { checkList } from '../util/check';

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

interface DateFormat {
  name: string;
  re: RegExp;
  /**
   * Epoch ms of a match, NaN when it is no real day or time (2001-02-30, 25:00): nothing rolls over. A two-digit
   * year is read in the hundred years from `yearStart` (see `fullYear`).
   */
  toMs(m: RegExpExecArray, yearStart?: number): number;
  /** Whether the format ends in a CLOCK, whose hour is then group 4. */
  clock?: boolean;
  /** The group of a year that may be written with two digits ("1/2/20", "01-JAN-99"). */
  shortYear?: number;
}

/**
 * A year from its digits: four as written; two within the hundred years from `start` (1950: "50"–"99" are
 * 1950–1999, "00"–"49" 2000–2049), NaN without a start. pandas reads two-digit years relative to the current
 * year (in 2026, "69" is 2069), so a birth date of "01-JAN-55" lands in 2055 and a report re-run years later
 * reads the same file differently; a fixed, explicit start does neither.
 */
function fullYear(digits: string, start: number | undefined): number {
  if (digits.length !== 2) return +digits;
  if (start === undefined) return NaN;
  const year = start - (start % 100) + +digits;
  return year < start ? year + 100 : year;
}

/** Epoch ms of a day of the proleptic Gregorian calendar, NaN when month or day is out of range. */
function dayMs(year: number, month: number | undefined, day: number): number {
  if (month === undefined || !(month >= 1 && month <= 12) || !(day >= 1 && day <= daysInMonth(year, month))) return NaN;
  return daysFromCivil(year, month, day) * 86_400_000;
}

/** Milliseconds of a time of day, NaN out of range (25:00, 10:60). */
function timeOfDayMs(h: number, min: number, sec: number): number {
  return h < 24 && min < 60 && sec < 60 ? ((h * 60 + min) * 60 + sec) * 1000 : NaN;
}

/** Milliseconds of HH:MM[:SS] in m[at…at+2], 0 without them, NaN out of range. */
function timeMs(m: RegExpExecArray, at: number): number {
  return timeOfDayMs(+(m[at] ?? 0), +(m[at + 1] ?? 0), +(m[at + 2] ?? 0));
}

/** Milliseconds of a fraction of a second given by its digits ("123" → 123, "5" → 500, "123456" → 123.456). */
function fractionMs(digits: string | undefined): number {
  return digits === undefined ? 0 : Number(`0.${digits}`) * 1000;
}

/**
 * Milliseconds to subtract for a UTC offset: "Z" or none 0, "+01:00" / "+0100" / "+01" one hour, "-05:00"
 * minus five hours; NaN for an offset beyond ±18:00 or with minutes ≥ 60.
 */
function offsetMs(sign: string | undefined, hours: string | undefined, minutes: string | undefined): number {
  if (sign === undefined) return 0;
  const h = +hours!;
  const min = +(minutes ?? 0);
  if (!(min < 60 && h * 60 + min <= 18 * 60)) return NaN;
  return (sign === '-' ? -1 : 1) * (h * 60 + min) * 60_000;
}

/**
 * An optional time after a day-first or month-first date, as spreadsheets export it: " 9:30", " 09:30:15.5",
 * " 9:30:00 AM", " 12:05 PM" (groups: hours, minutes, seconds, fraction, AM/PM).
 */
const CLOCK = '(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?(?: ?([AaPp][Mm]))?)?';

/** Milliseconds of the CLOCK groups at m[at…at+4]: 0 without them, NaN out of range (13 PM, 25:00, 0:00 AM). */
function clockMs(m: RegExpExecArray, at: number): number {
  if (m[at] === undefined) return 0;
  let h = +m[at];
  const half = m[at + 4]?.toLowerCase();
  if (half !== undefined) {
    if (!(h >= 1 && h <= 12)) return NaN;
    h = (h % 12) + (half === 'pm' ? 12 : 0); // 12 AM is midnight, 12 PM noon
  }
  return timeOfDayMs(h, +m[at + 1], +(m[at + 2] ?? 0)) + fractionMs(m[at + 3]);
}

const SLASH = new RegExp(`^(\\d{1,2})\\/(\\d{1,2})\\/(\\d{4}|\\d{2})${CLOCK}$`);
const MONTH_FIRST: DateFormat = {
  name: 'MM/DD/YY[YY][ HH:MM[:SS][ AM|PM]]',
  re: SLASH,
  toMs: (m, start) => dayMs(fullYear(m[3], start), +m[1], +m[2]) + clockMs(m, 4),
  clock: true,
  shortYear: 3,
};
const DAY_FIRST: DateFormat = {
  ...MONTH_FIRST,
  name: 'DD/MM/YY[YY][ HH:MM[:SS][ AM|PM]]',
  toMs: (m, start) => dayMs(fullYear(m[3], start), +m[2], +m[1]) + clockMs(m, 4),
};

/** The formats understood, in detection order. MM/DD/YYYY and DD/MM/YYYY look alike: see `slashOrder`. */
export const DATE_FORMATS: readonly DateFormat[] = [
  {
    // Times may carry a fraction of a second and a UTC offset; the result is the UTC instant.
    name: 'YYYY-MM-DD[ HH:MM[:SS[.fff]][Z|UTC|±HH:MM]]',
    // "Z", " UTC" and " GMT" (BigQuery and database exports) are offset zero.
    re: /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:Z| ?UTC| ?GMT| ?([+-])(\d{2})(?::?(\d{2}))?)?)?$/,
    toMs: (m) => dayMs(+m[1], +m[2], +m[3]) + timeMs(m, 4) + fractionMs(m[7]) - offsetMs(m[8], m[9], m[10]),
  },
  { name: 'YYYY/MM/DD', re: /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, toMs: (m) => dayMs(+m[1], +m[2], +m[3]) },
  { name: 'YYYYMMDD', re: /^(\d{4})(\d{2})(\d{2})$/, toMs: (m) => dayMs(+m[1], +m[2], +m[3]) },
  { name: 'Mon D YYYY', re: /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/, toMs: (m) => dayMs(+m[3], MONTHS[m[1].toLowerCase()], +m[2]) },
  // Also Oracle's DD-MON-YY ("01-JAN-99").
  {
    name: 'D Mon YY[YY]',
    re: /^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*[ -](\d{4}|\d{2})$/,
    toMs: (m, start) => dayMs(fullYear(m[3], start), MONTHS[m[2].toLowerCase()], +m[1]),
    shortYear: 3,
  },
  MONTH_FIRST,
  DAY_FIRST,
  {
    name: 'DD.MM.YY[YY][ HH:MM[:SS]]',
    re: new RegExp(`^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})${CLOCK}$`),
    toMs: (m, start) => dayMs(fullYear(m[3], start), +m[2], +m[1]) + clockMs(m, 4),
    clock: true,
    shortYear: 3,
  },
  { name: 'YYYY.MM.DD', re: /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/, toMs: (m) => dayMs(+m[1], +m[2], +m[3]) },
  { name: 'YYYY-MM', re: /^(\d{4})-(\d{1,2})$/, toMs: (m) => dayMs(+m[1], +m[2], 1) },
  // Annual, monthly and quarterly series: the first day of the period, as pandas reads them.
  { name: 'Mon YYYY', re: /^([A-Za-z]{3})[a-z]*\.?[ -](\d{4})$/, toMs: (m) => dayMs(+m[2], MONTHS[m[1].toLowerCase()], 1) },
  { name: 'YYYY', re: /^(\d{4})$/, toMs: (m) => dayMs(+m[1], 1, 1) },
  { name: 'YYYYQn', re: /^(\d{4})[ -]?[Qq](\d)$/, toMs: (m) => quarterMs(+m[1], +m[2]) },
  { name: 'Qn YYYY', re: /^[Qq](\d)[ -]?(\d{4})$/, toMs: (m) => quarterMs(+m[2], +m[1]) },
];

/** Epoch ms of the first day of a quarter (1–4), NaN for another number. */
function quarterMs(year: number, quarter: number): number {
  return quarter >= 1 && quarter <= 4 ? dayMs(year, 3 * quarter - 2, 1) : NaN;
}

/** Detects the format of a date string, or undefined (slash dates read as MM/DD/YYYY; `parseDates` decides per column). */
export function detectDateFormat(value: string): DateFormat | undefined {
  const v = value.trim();
  return DATE_FORMATS.find((f) => f.re.test(v));
}

/**
 * Day or month first for a column of slash dates: as told, else from the first value that settles it (a first
 * number above 12 must be the day, a second one above 12 the day), else month first, as pandas reads them. A
 * later value that contradicts that order then fails as not matching the format, naming its row.
 */
function slashOrder(values: readonly (string | null)[], dayFirst: boolean | undefined): { format: DateFormat; why: string } {
  if (dayFirst !== undefined) return { format: dayFirst ? DAY_FIRST : MONTH_FIRST, why: `as { dayFirst: ${dayFirst} } says` };
  for (let i = 0; i < values.length; i++) {
    const m = SLASH.exec(values[i]?.trim() ?? '');
    if (!m) continue;
    const settles = `as row ${i}, "${m[0]}", has it`;
    if (+m[1] > 12 && +m[2] <= 12) return { format: DAY_FIRST, why: settles };
    if (+m[2] > 12 && +m[1] <= 12) return { format: MONTH_FIRST, why: settles };
  }
  return { format: MONTH_FIRST, why: 'month first: no value settles the order' };
}

/** A value as the ISO day `format` reads it ("03/04/2020" month first: 2020-03-04), for notices. */
function readAs(format: DateFormat, v: string, yearStart: number | undefined): string {
  const m = format.re.exec(v);
  const ms = m ? format.toMs(m, yearStart) : NaN;
  return ms === ms ? isoDate(ms).slice(0, 10) : `${format.name}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of a Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/**
 * Days from 1970-01-01 to a day of the proleptic Gregorian calendar (month 1–12), by the civil-calendar
 * arithmetic of Howard Hinnant's "days_from_civil": years counted from March so that the leap day ends a year,
 * in 400-year eras of 146,097 days. Unlike `Date.UTC`, years 0–99 are not taken as 1900–1999.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400; // 0..399
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1; // from March 1st
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Fast path for exactly "YYYY-MM-DD" (the common case): epoch ms, or NaN when it is not a valid date. */
function isoDay(v: string): number {
  if (v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return NaN;
  let y = 0;
  for (let k = 0; k < 4; k++) {
    const c = v.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return NaN;
    y = y * 10 + c;
  }
  const m0 = v.charCodeAt(5) - 48;
  const m1 = v.charCodeAt(6) - 48;
  const d0 = v.charCodeAt(8) - 48;
  const d1 = v.charCodeAt(9) - 48;
  if (m0 < 0 || m0 > 9 || m1 < 0 || m1 > 9 || d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9) return NaN;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return daysFromCivil(y, m, d) * 86_400_000;
}

export interface ParseDatesOptions {
  /** Slash dates: day first (13/01/2020) or month first. Defaults to what the column's values settle, else month first. */
  dayFirst?: boolean;
  /**
   * The first of the hundred years that two-digit years ("1/2/20", "01-JAN-99") fall in: 1950 reads "50"–"99" as
   * 1950–1999 and "00"–"49" as 2000–2049. No default: a two-digit year is refused, naming this option, because
   * no century is right for every file (pandas picks one relative to the current year).
   */
  twoDigitYearStart?: number;
  /**
   * What the error for a first value in no known format tells the user to do, given that value; called only on
   * that error. Defaults to converting the column or loading it as text.
   */
  unknownFormatFix?: (value: string) => string;
  /** Told the order chosen for slash dates (true: day first), so a later part of the same file can be read the same way. */
  onSlashOrder?: (dayFirst: boolean) => void;
}

/** `twoDigitYearStart` as given, when it is a year (100–9900); throws naming it otherwise. */
export function checkTwoDigitYearStart(start: number | undefined): number | undefined {
  if (start !== undefined && !(Number.isInteger(start) && start >= 100 && start <= 9900)) {
    throw new InputError(
      `twoDigitYearStart ${start} is not a year; pass the first of the hundred years two-digit years fall in, e.g. 1950 (reads "50"–"99" as 1950–1999, "00"–"49" as 2000–2049)`,
    );
  }
  return start;
}

/**
 * Parses a column of date strings; empty values become NaN. Throws naming the row and value that does not
 * match the column's format, or is no real day. Slash dates are read day first or month first as `dayFirst`
 * says, else as the column's values settle it (see `slashOrder`).
 */
export function parseDates(values: readonly (string | null)[], column: string, options: ParseDatesOptions = {}): Float64Array {
  checkList(`parseDates: values of ${column}`, values);
  const yearStart = checkTwoDigitYearStart(options.twoDigitYearStart);
  const out = new Float64Array(values.length);
  let format: DateFormat | undefined;
  let slashWhy = '';
  let ambiguous: string | undefined; // the first value, when every slash date read either way
  for (let i = 0; i < values.length; i++) {
    const raw = values[i];
    const v = raw === null ? '' : raw.trim();
    if (v === '') {
      out[i] = NaN;
      continue;
    }
    if (!format) {
      format = detectDateFormat(v);
      if (!format) {
        throw new InputError(
          `column "${column}": row ${i} holds "${v}", which is not a date format the loader knows (${DATE_FORMATS.map((f) => f.name).join(', ')}); ${options.unknownFormatFix?.(v) ?? 'convert it, or load the column as text'}`,
        );
      }
      if (format === MONTH_FIRST) {
        ({ format, why: slashWhy } = slashOrder(values, options.dayFirst));
        options.onSlashOrder?.(format === DAY_FIRST);
        // Every value reads either way (no day above 12): the order is a guess, and a wrong one swaps months and days.
        if (options.dayFirst === undefined && format === MONTH_FIRST && slashWhy.startsWith('month first: no value')) ambiguous = v;
      }
    }
    if (format === DATE_FORMATS[0]) {
      const fast = isoDay(v);
      if (fast === fast) {
        out[i] = fast;
        continue;
      }
    }
    const m = format.re.exec(v);
    if (m && format.shortYear !== undefined && yearStart === undefined && m[format.shortYear].length === 2) {
      throw new InputError(
        `column "${column}": row ${i} holds "${v}", whose year has two digits (${format.name}); pass { twoDigitYearStart } to say which century: 1950 reads "50"–"99" as 1950–1999 and "00"–"49" as 2000–2049 (for birth dates, pick a start before the oldest one)`,
      );
    }
    const ms = m ? format.toMs(m, yearStart) : NaN;
    if (ms !== ms) {
      const badClock = m !== null && format.clock === true && m[4] !== undefined && Number.isNaN(clockMs(m, 4));
      const why = !m
        ? `does not match the column's date format ${format.name} (from its first value); make the dates consistent`
        : badClock
          ? `has no real time of day (${format.name}: hours 0–23, or 1–12 with AM/PM; minutes and seconds 0–59); fix or drop the row`
          : slashWhy
            ? `is no real date read as ${format.name} (${slashWhy}); pass { dayFirst: ${format !== DAY_FIRST} } if the column is ${format === DAY_FIRST ? 'month' : 'day'} first, else fix the value`
            : `is no real date (${format.name}: month, day or time out of range); fix or drop the row`;
      throw new InputError(`column "${column}": row ${i} holds "${v}", which ${why}`);
    }
    out[i] = ms;
  }
  if (ambiguous !== undefined && format)
    notice(
      `column "${column}": every date reads either way (no day or month above 12), so they were read month first as pandas does ("${ambiguous}" = ${readAs(format, ambiguous, yearStart)}); if the file is day first, pass { dayFirst: true }`,
    );
  return out;
}

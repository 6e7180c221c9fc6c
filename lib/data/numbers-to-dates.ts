/**
 * `numbersToDates`: numbers that stand for dates — Unix epoch seconds or milliseconds (exchange and crypto APIs,
 * logs) and spreadsheet serial days (Excel, LibreOffice) — as the library's dates, UTC epoch milliseconds. pandas
 * does this with `to_datetime(x, unit="s")` and `to_datetime(x, unit="D", origin="1899-12-30")`.
 */
import { InputError } from '../util/errors';
import { checkOneOf } from '../util/check';

export type DateNumberUnit = 's' | 'ms' | 'spreadsheet';

/** Epoch ms of day 0 of spreadsheet serial days, 1899-12-30 (so that 1 is 1899-12-31 and 61 is 1900-03-01, past Lotus's 1900 leap day). */
const SPREADSHEET_DAY0_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const YEAR_0_MS = -62_167_219_200_000; // 0000-01-01
const YEAR_10000_MS = 253_402_300_800_000; // 10000-01-01

/** "the year 51969", "a time beyond any date" (for messages). */
function isoYear(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? 'a time beyond any date' : `the year ${d.getUTCFullYear()}`;
}

/**
 * Dates (epoch ms) from numbers in `unit`: "s" and "ms" since 1970-01-01 UTC, "spreadsheet" serial days whose
 * fraction is the time of day (43831.5 is 2020-01-01 12:00), rounded to the millisecond. NaN stays missing.
 * @example const t = raw.withColumn('timestamp', numbersToDates(raw.numbers('timestamp'), 's'), 'date');
 */
export function numbersToDates(values: ArrayLike<number>, unit: DateNumberUnit): Float64Array {
  checkOneOf('unit', unit, ['s', 'ms', 'spreadsheet'] as const);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) {
      out[i] = NaN;
      continue;
    }
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new InputError(`numbersToDates: value ${String(v)} at row ${i} is not a finite number; drop or fill it first`);
    const ms = unit === 's' ? Math.round(v * 1000) : unit === 'ms' ? v : Math.round(SPREADSHEET_DAY0_MS + v * DAY_MS);
    // Outside years 0–9999 the unit is wrong: milliseconds read as seconds land near the year 52,000 (1577836800123 s is 51969).
    if (!(ms >= YEAR_0_MS && ms < YEAR_10000_MS)) {
      throw new InputError(
        `numbersToDates: ${v} at row ${i} is ${isoYear(ms)} in unit "${unit}", outside years 0–9999; check the unit (milliseconds are 1000 times seconds)`,
      );
    }
    out[i] = ms;
  }
  return out;
}

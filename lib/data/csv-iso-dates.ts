/** ISO dates and timestamps of a CSV column parsed straight from the bytes (no text decoded). */
import { CsvIndex, fieldStart as importedFieldStart } from './csv-fields';
import * as bytes from './csv-bytes';
import { daysFromCivil as importedDaysFromCivil, daysInMonth as importedDaysInMonth } from './parse-date';

// Local bindings for the byte constants (an import binding is a property getter in tsx's CommonJS output).
const { COLON, CR, DIGIT_0, DOT, LF, MINUS, QUOTE, SPACE, UPPER_T, UPPER_Z } = bytes;

// Local bindings for the per-row calls: through the import bindings each call paid for a property getter (tsx's CommonJS output).
const fieldStart = importedFieldStart;
const daysFromCivil = importedDaysFromCivil;
const daysInMonth = importedDaysInMonth;

/** Where a time of day ended, and its fraction of a millisecond: timeOfDay's second and third results, in one reused object. */
interface TimeEnd {
  at: number;
  fraction: number;
}

/**
 * Parses every field as "YYYY-MM-DD", optionally followed by " HH:MM[:SS[.fff]]" or "T…" and a "Z", straight
 * from the bytes — the same milliseconds as `parseDates`, which takes much longer through the text
 * (docs/performance.md) — ; undefined as soon as one field is
 * anything else or no real day or time.
 */
export function isoDates(index: CsvIndex, c: number): Float64Array | undefined {
  const { b, dc, rows } = index;
  if (rows === 0) return undefined;
  const n = b.length;
  const out = new Float64Array(rows);
  let year = -1;
  let month = -1;
  let monthDays = 0;
  let monthStart = 0;
  const end: TimeEnd = { at: 0, fraction: 0 };
  for (let r = 0; r < rows; r++) {
    let s = fieldStart(index, r, c);
    if (s < 0) return undefined; // a field of a quoted row that read as a number (its start unknown): no date
    // A quoted date ("2000-01-03", as some exports quote every field): the same date between the quotes.
    const quoted = b[s] === QUOTE;
    if (quoted) s++;
    let e = s + 10;
    if (e > n || b[s + 4] !== MINUS || b[s + 7] !== MINUS) return undefined;
    let time = 0;
    let fraction = 0;
    if (e < n && (b[e] === SPACE || b[e] === UPPER_T)) {
      time = timeOfDay(b, e + 1, end);
      if (time !== time) return undefined;
      e = end.at;
      fraction = end.fraction;
    }
    if (quoted) {
      if (b[e] !== QUOTE) return undefined;
      e++;
    }
    if (!(e === n || b[e] === dc || b[e] === LF || b[e] === CR)) return undefined;
    const y0 = b[s] - DIGIT_0,
      y1 = b[s + 1] - DIGIT_0,
      y2 = b[s + 2] - DIGIT_0,
      y3 = b[s + 3] - DIGIT_0;
    const m0 = b[s + 5] - DIGIT_0,
      m1 = b[s + 6] - DIGIT_0,
      d0 = b[s + 8] - DIGIT_0,
      d1 = b[s + 9] - DIGIT_0;
    // (c - DIGIT_0) >>> 0 > 9 catches bytes below '0' too (they wrap to large unsigned values).
    if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9 || m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return undefined;
    const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    const m = m0 * 10 + m1;
    const d = d0 * 10 + d1;
    if (y !== year || m !== month) {
      // Consecutive rows mostly share a month: its first day is computed once.
      if (m < 1 || m > 12) return undefined;
      year = y;
      month = m;
      monthDays = daysInMonth(y, m);
      monthStart = (daysFromCivil(y, m, 1) - 1) * 86_400_000;
    }
    if (d < 1 || d > monthDays) return undefined;
    // Whole milliseconds first, the fraction last: the same additions, in the same order, as parseDates.
    out[r] = monthStart + d * 86_400_000 + time + fraction;
  }
  return out;
}

/**
 * Whole milliseconds of "HH:MM[:SS]" at byte t, then an optional ".fff" and "Z" (two-digit hours, minutes and
 * seconds, up to 15 fraction digits); NaN when it is not one or out of range. Sets `end.at` to where it ended and
 * `end.fraction` to the fraction in milliseconds, digits / 10^k · 1000, as `Number("0.fff") * 1000` in
 * `parseDates` (an integer below 2^53 over an exact power of ten is correctly rounded).
 */
function timeOfDay(b: Uint8Array, t: number, end: TimeEnd): number {
  const n = b.length;
  if (t + 5 > n || b[t + 2] !== COLON) return NaN;
  const h0 = b[t] - DIGIT_0,
    h1 = b[t + 1] - DIGIT_0,
    m0 = b[t + 3] - DIGIT_0,
    m1 = b[t + 4] - DIGIT_0;
  if (h0 >>> 0 > 9 || h1 >>> 0 > 9 || m0 >>> 0 > 9 || m1 >>> 0 > 9) return NaN;
  const h = h0 * 10 + h1;
  const m = m0 * 10 + m1;
  if (h > 23 || m > 59) return NaN;
  let ms = (h * 60 + m) * 60_000;
  let e = t + 5;
  end.fraction = 0;
  if (e < n && b[e] === COLON) {
    if (e + 3 > n) return NaN;
    const s0 = b[e + 1] - DIGIT_0,
      s1 = b[e + 2] - DIGIT_0;
    if (s0 >>> 0 > 9 || s1 >>> 0 > 9 || s0 * 10 + s1 > 59) return NaN;
    ms += (s0 * 10 + s1) * 1000;
    e += 3;
    if (e < n && b[e] === DOT) {
      let digits = 0;
      let scale = 1;
      for (e++; e < n && (b[e] - DIGIT_0) >>> 0 <= 9; e++) {
        digits = digits * 10 + (b[e] - DIGIT_0);
        scale *= 10;
      }
      if (scale === 1 || scale > 1e15) return NaN;
      end.fraction = (digits / scale) * 1000;
    }
  }
  end.at = e < n && b[e] === UPPER_Z ? e + 1 : e;
  return ms;
}

/**
 * `decimalYearToDate`: a decimal year (1991.4962, as in R's `ts` objects such as EuStockMarkets) to epoch ms
 * at UTC midnight of the nearest day. Series stored this way assume equally spaced observations, so the
 * dates are approximate (±1 day); they are fine for plotting and weekly or monthly bars.
 */
import { InputError } from '../util/errors';
import { checkList } from '../util/check';

export function decimalYearToDate(decimalYear: number): number {
  if (!Number.isFinite(decimalYear)) throw new InputError(`decimalYearToDate: ${decimalYear} is not a finite year`);
  const year = Math.floor(decimalYear);
  const start = Date.UTC(year, 0, 1);
  const length = Date.UTC(year + 1, 0, 1) - start;
  const ms = start + (decimalYear - year) * length;
  // Nearest day: flooring put 2001.0027 (Jan 1, 23:39) and 2001.0030 (Jan 2, 02:17) on one day.
  return Math.round(ms / 864e5) * 864e5;
}

/** Dates for a column of decimal years; consecutive rows that land on the same day raise an error. */
export function decimalYearsToDates(decimalYears: ArrayLike<number>): Date[] {
  checkList('decimalYearsToDates: decimalYears', decimalYears);
  const out = Array.from(decimalYears, (y) => new Date(decimalYearToDate(y)));
  for (let i = 1; i < out.length; i++) {
    if (out[i].getTime() <= out[i - 1].getTime())
      throw new InputError(
        `decimalYearsToDates: rows ${i - 1} and ${i} (${decimalYears[i - 1]}, ${decimalYears[i]}) map to the same or an earlier day; the series is too dense for daily dates`,
      );
  }
  return out;
}

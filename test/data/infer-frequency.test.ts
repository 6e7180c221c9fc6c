// inferFrequency and formatPeriod, against hand-built calendars (and pandas' infer_freq aliases for regular ones).
import { expect } from 'chai';
import * as path from 'path';
import { formatPeriod, inferFrequency, observationFrequency } from '../../lib/data/infer-frequency';
import { loadCsv } from '../../lib/data/load-csv';
import { withDates } from '../../lib/data/with-dates';
import { table } from '../../lib/data/table';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectError } from '../helpers';
import { collectNotices } from '../../lib/util/notice';

const DAY = 864e5;
const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
/** Every weekday from a Monday, `n` of them. */
function weekdays(n: number): number[] {
  const out: number[] = [];
  for (let t = utc(2021, 1, 4); out.length < n; t += DAY) {
    const dow = new Date(t).getUTCDay();
    if (dow !== 0 && dow !== 6) out.push(t);
  }
  return out;
}

describe('inferFrequency', () => {
  it('names the regular calendars as pandas does: D, B, W, MS, QS, YS, with their periods per year', () => {
    const daily = Array.from({ length: 30 }, (_, i) => utc(2021, 1, 1) + i * DAY);
    const weekly = Array.from({ length: 30 }, (_, i) => utc(2021, 1, 3) + 7 * i * DAY);
    const monthly = Array.from({ length: 30 }, (_, i) => utc(2000, 1 + i, 1));
    const quarterly = Array.from({ length: 12 }, (_, i) => utc(2000, 1 + 3 * i, 1));
    const yearly = Array.from({ length: 6 }, (_, i) => utc(2000 + i, 1, 1));
    const got = [daily, weekly, monthly, quarterly, yearly].map((d) => inferFrequency(d));
    expect(got.map((f) => f.alias)).to.deep.equal(['D', 'W', 'MS', 'QS', 'YS']);
    expect(got.map((f) => f.periodsPerYear)).to.deep.equal([365, 52, 12, 4, 1]);
    expect(got.map((f) => f.units)).to.deep.equal(['days', 'weeks', 'months', 'quarters', 'years']);
  });

  it('business days with holidays (pandas infer_freq gives None) are trading days; their rate per year is measured', () => {
    // 538 weekdays less 19 holidays (every 29th from the 11th): 519 dates over 751 days → 518 / 2.056 years = 252.
    const f = inferFrequency(weekdays(538).filter((_, i) => i % 29 !== 10));
    expect(f.name).to.equal('business-daily');
    expect(f.periodsPerYear).to.be.within(245, 255);
    // The shipped S&P 500 export: 5,105 trading days from 2000-01-03 to 2020-04-17 → 252 a year.
    const sp = loadCsv(path.join(DATASETS, 'sp500-daily-ohlcv-2000-2020.csv'));
    expect(inferFrequency(sp.dates('date')).periodsPerYear).to.equal(252);
  });

  it('a missing month or a repeated date (a panel) does not change the frequency', () => {
    const months = Array.from({ length: 40 }, (_, i) => utc(2000, 1 + i, 1)).filter((_, i) => i !== 7);
    expect(inferFrequency(months).name).to.equal('monthly');
    expect(inferFrequency(months.flatMap((t) => [t, t, t])).name).to.equal('monthly');
  });

  it('refuses unsorted dates, too few dates and spacings that are no calendar, naming the fix', () => {
    expectError(() => inferFrequency([utc(2000, 2, 1), utc(2000, 1, 1), utc(2000, 3, 1)]), InputError, 'go back at row 1', 'sort by date');
    expectError(() => inferFrequency([utc(2000, 1, 1), utc(2000, 2, 1)]), InputError, 'at least 3 distinct dates');
    expectError(() => inferFrequency([0, 15, 30, 45].map((d) => d * DAY)), InputError, '15.0 days apart', 'resample');
  });

  it('formats a date as a reader of that frequency writes it', () => {
    const t = utc(2001, 8, 1);
    expect([{ name: 'monthly' }, { name: 'quarterly' }, { name: 'yearly' }, { name: 'daily' }].map((f) => formatPeriod(t, f as never))).to.deep.equal([
      'Aug 2001',
      '2001Q3',
      '2001',
      '2001-08-01',
    ]);
  });

  it('a series without a calendar counts observations: positions are written as such, periods a year only when told', () => {
    const f = observationFrequency();
    expect(formatPeriod(12, f)).to.equal('observation 12');
    expect([f.unit, f.units, Number.isNaN(f.periodsPerYear)]).to.deep.equal(['observation', 'observations', true]);
    expect(observationFrequency({ periodsPerYear: 260 }).periodsPerYear).to.equal(260);
    expectError(() => observationFrequency({ periodsPerYear: 0 }), InputError, 'periodsPerYear must be a positive number', '12 for months');
  });
});

describe('withDates', () => {
  it('converts decimal years, sorts newest-first rows and keeps every other column with its row', () => {
    const t = table({ year: [1991.5, 1991.0, 1992.0], v: [2, 1, 3] });
    const { table: out, dateColumn } = withDates(t, 'year');
    expect(dateColumn).to.equal('year');
    expect(Array.from(out.dates('year'), (d) => new Date(d).toISOString().slice(0, 10))).to.deep.equal(['1991-01-01', '1991-07-03', '1992-01-01']);
    expect(Array.from(out.numbers('v'))).to.deep.equal([1, 2, 3]);
  });

  it('refuses a missing column, fractions that are not decimal years, and text that did not load as dates', () => {
    expectError(() => withDates(table({ v: [1, 2] })), InputError, 'no date column', '-p dateColumn=');
    expectError(() => withDates(table({ v: [1, 2] }), 'when'), InputError, '"when" is not a column', 'columns: v');
    expectError(() => withDates(table({ n: [1.5, 2, 3] }), 'n'), InputError, 'neither decimal years nor whole positions (e.g. 1.5)');
    expectError(() => withDates(table({ s: ['soon', 'later'] }), 's'), InputError, 'did not load as dates', 'dates: ["s"]');
  });
});

describe('withDates without a date column', () => {
  it('takes a numeric time column of decimal years (R ts exports) and says so', () => {
    const t = table({ day_index: [1, 2, 3], decimal_year: [1991.4962, 1991.5, 1991.5038], DAX: [1628.75, 1613.63, 1606.51] });
    const { result, notices } = collectNotices(() => withDates(t));
    expect(result.dateColumn).to.equal('decimal_year');
    expect(notices.join('')).to.include('"decimal_year" holds decimal years');
  });
});

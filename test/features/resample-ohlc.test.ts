import { expect } from 'chai';
import * as path from 'path';
import { loadCsv } from '../../lib/data/load-csv';
import { resampleOhlc } from '../../lib/features/resample-ohlc';
import { InputError } from '../../lib/util/errors';
import { table } from '../../lib/data/table';
import { isoDate } from '../../lib/data/iso-date';
import { DATASETS, expectClose, expectError, fixture } from '../helpers';

const g = fixture('features.json');

describe('resampleOhlc (features/resample-ohlc.ts)', () => {
  for (const period of ['week', 'month'] as const) {
    it(`resampleOhlc ${period} bars with summed volume`, () => {
      const sp = loadCsv(path.join(DATASETS, 'sp500-daily-ohlcv-2000-2020.csv')).head(300);
      const bars = resampleOhlc(sp, { period, price: 'close', volume: 'volume' });
      const want = g[`ohlc_${period}`];
      expect(bars.displayColumn('date')).to.deep.equal(want.date);
      for (const c of ['open', 'high', 'low', 'close', 'volume']) expectClose(bars.numbers(c), want[c], 1e-12, c);
    });
  }

  for (const period of ['week', 'month'] as const) {
    it(`resampleOhlc ${period}: empty periods are NaN bars with volume 0, volume summed with or without a price (as pandas)`, () => {
      const days = table({
        date: (g.gap_days as string[]).map((d) => new Date(`${d}T00:00:00Z`)),
        close: (g.gap_close as (number | null)[]).map((v) => v ?? NaN),
        volume: (g.gap_volume as (number | null)[]).map((v) => v ?? NaN),
      });
      const bars = resampleOhlc(days, { period, volume: 'volume' });
      const want = g[`gap_ohlc_${period}`];
      expect(bars.displayColumn('date')).to.deep.equal(want.date);
      for (const c of ['open', 'high', 'low', 'close', 'volume']) expectClose(bars.numbers(c), want[c], 0, c);
    });
  }

  it('resampleOhlc of daily bars: first open, highest high, lowest low, last close (not the range of the closes)', () => {
    // Mon 2024-01-01 … Wed 01-03 (one week, ending Sunday 01-07) and Mon 01-08 (the next). By hand:
    const day = (d: number) => new Date(Date.UTC(2024, 0, d));
    const daily = table({
      date: [day(1), day(2), day(3), day(8)],
      open: [10, NaN, 11, 20],
      high: [12, 15, NaN, 22],
      low: [9, 10.5, 8, 19],
      close: [11, 14, 9, 21],
    });
    const b = resampleOhlc(daily, { period: 'week', open: 'open', high: 'high', low: 'low' });
    expect(Array.from(b.numbers('open'))).to.deep.equal([10, 20]);
    expect(Array.from(b.numbers('high'))).to.deep.equal([15, 22]); // from the closes alone: 14
    expect(Array.from(b.numbers('low'))).to.deep.equal([8, 19]); // from the closes alone: 9
    expect(Array.from(b.numbers('close'))).to.deep.equal([9, 21]);
    expectError(() => resampleOhlc(daily, { period: 'week', high: 'high' }), InputError, 'high given without open and low', 'all three');
  });

  it('resampleOhlc of intraday rows: n-minute, hour and day bars labelled by their start (pandas "15min", "h", "D")', () => {
    const at = (h: number, m: number) => new Date(Date.UTC(2024, 0, 2, h, m));
    const ticks = table({ date: [at(9, 30), at(9, 37), at(9, 44), at(9, 45), at(10, 20)], close: [10, 12, 9, 11, 13] });
    // By hand: 09:30–09:44 holds 10, 12, 9; 09:45–09:59 holds 11; 10:00–10:14 is empty; 10:15–10:29 holds 13.
    const q = resampleOhlc(ticks, { period: 'minute', every: 15 });
    expect(Array.from(q.dates('date'), (d) => new Date(d).toISOString().slice(11, 16))).to.deep.equal(['09:30', '09:45', '10:00', '10:15']);
    expect(Array.from(q.numbers('open'))).to.deep.equal([10, 11, NaN, 13]);
    expect(Array.from(q.numbers('high'))).to.deep.equal([12, 11, NaN, 13]);
    expect(Array.from(q.numbers('low'))).to.deep.equal([9, 11, NaN, 13]);
    expect(Array.from(q.numbers('close'))).to.deep.equal([9, 11, NaN, 13]);
    const h = resampleOhlc(ticks, { period: 'hour' });
    expect(Array.from(h.numbers('close'))).to.deep.equal([11, 13]); // 09:00 and 10:00
    const d = resampleOhlc(ticks, { period: 'day' });
    expect([d.numRows, d.numbers('open')[0], d.numbers('high')[0], d.numbers('low')[0], d.numbers('close')[0]]).to.deep.equal([1, 10, 13, 9, 13]);
    expect(isoDate(d.dates('date')[0])).to.equal('2024-01-02');
    expectError(() => resampleOhlc(ticks, { period: 'week', every: 2 }), InputError, 'every 2', '"minute", "hour" and "day"');
    expectError(() => resampleOhlc(ticks, { period: 'minute', every: 0 }), InputError, 'every must be an integer ≥ 1');
  });

  it('resampleOhlc with series: bars per symbol of a panel, stacked and sorted by bar date', () => {
    const day = (d: number) => new Date(Date.UTC(2024, 0, d));
    // Two symbols over two weeks (weeks end Sunday 01-07 and 01-14), interleaved by date.
    const panel = table({ date: [day(1), day(1), day(2), day(9), day(9)], symbol: ['A', 'B', 'A', 'A', 'B'], close: [10, 100, 12, 11, 90] });
    const bars = resampleOhlc(panel, { period: 'week', series: 'symbol' });
    expect(bars.columnNames).to.deep.equal(['symbol', 'date', 'open', 'high', 'low', 'close']);
    expect(bars.strings('symbol')).to.deep.equal(['A', 'B', 'A', 'B']);
    expect(Array.from(bars.dates('date'), isoDate)).to.deep.equal(['2024-01-07', '2024-01-07', '2024-01-14', '2024-01-14']);
    expect(Array.from(bars.numbers('high'))).to.deep.equal([12, 100, 11, 90]); // never a bar mixing A and B
    expect(Array.from(resampleOhlc(panel, { period: 'week' }).numbers('high'))).to.deep.equal([100, 90]); // without series
  });

  it('resampleOhlc refuses a missing date, naming the row', () => {
    const t = table({ date: [new Date(0), null, new Date(2 * 86_400_000)], close: [1, 2, 3] });
    expectError(() => resampleOhlc(t, { period: 'week' }), InputError, 'empty at row 1', 'fill or drop');
  });
});

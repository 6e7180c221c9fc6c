import { expect } from 'chai';
import * as path from 'path';
import { groupBy } from '../../lib/data/group-by';
import { loadCsv } from '../../lib/data/load-csv';
import { table } from '../../lib/data/table';
import { isoDate } from '../../lib/data/iso-date';
import { makeWindows } from '../../lib/preprocess/make-windows';
import { windowSplit } from '../../lib/preprocess/window-split';
import { splitByTime } from '../../lib/preprocess/split-by-time';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectError } from '../helpers';

/** Several series stacked in one table and sorted by date (a panel), as loadCsv leaves the stocks file. */
describe('panels: splitByTime and makeWindows with { series }', () => {
  const day = (i: number) => new Date(Date.UTC(2020, 0, 1 + i));
  // Dates d0 d0 d1 d1 d2 d2 d3 d3; A's prices 1 2 3 4, B's 10 20 30 40.
  const panel = table({
    date: [0, 0, 1, 1, 2, 2, 3, 3].map(day),
    symbol: ['A', 'B', 'A', 'B', 'A', 'B', 'A', 'B'],
    price: [1, 10, 2, 20, 3, 30, 4, 40],
  });

  it('without series, a panel is refused, and the error names the option', () => {
    expectError(
      () => makeWindows(panel, { features: ['price'], targets: ['price'], lookback: 2 }),
      InputError,
      'duplicate date 2020-01-01',
      'series: "<that column>"',
    );
    expectError(() => splitByTime(panel), InputError, 'duplicate date', 'series');
  });

  it('makeWindows cuts each series alone and orders windows by their first target row', () => {
    const w = makeWindows(panel, { features: ['price'], targets: ['price'], lookback: 2, series: 'symbol' });
    // By hand: A [1,2]→3 (row 4), B [10,20]→30 (row 5), A [2,3]→4 (row 6), B [20,30]→40 (row 7). Over the stacked
    // column the first window would have been [1,10]→2: two symbols in one window.
    expect(w.xShape).to.deep.equal([4, 2, 1]);
    expect(Array.from(w.x)).to.deep.equal([1, 2, 10, 20, 2, 3, 20, 30]);
    expect(Array.from(w.y)).to.deep.equal([3, 30, 4, 40]);
    expect(Array.from(w.targetRows)).to.deep.equal([4, 5, 6, 7]);
    expect(Array.from(w.targetDates!, isoDate)).to.deep.equal(['2020-01-03', '2020-01-03', '2020-01-04', '2020-01-04']);
  });

  it('windowSplit with series: test windows take context from their own series only', () => {
    const { train, test } = windowSplit(panel, { features: ['price'], targets: ['price'], lookback: 2, series: 'symbol', testStart: 6 });
    expect(Array.from(train.y)).to.deep.equal([3, 30]);
    expect(Array.from(test.x)).to.deep.equal([2, 3, 20, 30]); // context rows 2 and 4 (A), 3 and 5 (B): before testStart
    expect(Array.from(test.y)).to.deep.equal([4, 40]);
  });

  it('splitByTime with series: every series splits at the same date, and a date is never on both sides', () => {
    const rows = (s: { train: { numRows: number }; test: { numRows: number } }) => [s.train.numRows, s.test.numRows];
    expect(rows(splitByTime(panel, { testSize: 0.25, series: 'symbol' }))).to.deep.equal([6, 2]);
    // ceil(8 × 0.3) = 3 test rows would cut date d2 in two: its rows go to test together.
    expect(rows(splitByTime(panel, { testSize: 0.3, series: 'symbol' }))).to.deep.equal([4, 4]);
    expect(rows(splitByTime(panel, { cutoff: '2020-01-03', series: 'symbol' }))).to.deep.equal([4, 4]);
  });

  it('splitByTime gap: an embargo of rows (dates, with series) between train and test', () => {
    const days = table({ date: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(day), x: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] });
    // By hand: testSize 0.2 of 10 rows → test rows 8–9; gap 2 leaves out rows 6–7.
    const s = splitByTime(days, { testSize: 0.2, gap: 2 });
    expect([Array.from(s.train.numbers('x')), Array.from(s.test.numbers('x'))]).to.deep.equal([
      [0, 1, 2, 3, 4, 5],
      [8, 9],
    ]);
    // A panel: test is date d3 (rows 6–7); gap 1 leaves out date d2 (rows 4–5) for both symbols.
    const p = splitByTime(panel, { testSize: 0.25, series: 'symbol', gap: 1 });
    expect([p.train.numRows, p.test.numRows]).to.deep.equal([4, 2]);
    expect(Math.max(...p.train.dates('date'))).to.equal(day(1).getTime());
    expectError(() => splitByTime(days, { testSize: 0.2, gap: 8 }), InputError, 'gap 8 leaves no training rows');
    expectError(() => splitByTime(days, { gap: -1 }), InputError, 'gap must be an integer ≥ 0');
  });

  it("on the stocks file, each series' windows equal the windows of that series alone", () => {
    const stocks = loadCsv(path.join(DATASETS, 'stocks-monthly-2000-2010.csv'));
    const w = makeWindows(stocks, { features: ['price'], targets: ['price'], lookback: 12, horizon: 2, series: 'symbol' });
    const symbols = stocks.strings('symbol');
    let seen = 0;
    for (const [symbol, rows] of groupBy(stocks, 'symbol')) {
      const alone = makeWindows(rows, { features: ['price'], targets: ['price'], lookback: 12, horizon: 2 });
      const mine = Array.from(w.targetRows.keys()).filter((i) => symbols[w.targetRows[i]] === symbol);
      expect(mine.length, symbol).to.equal(alone.xShape[0]);
      mine.forEach((i, k) => {
        expect(Array.from(w.x.subarray(i * 12, (i + 1) * 12)), `${symbol} window ${k}`).to.deep.equal(Array.from(alone.x.subarray(k * 12, (k + 1) * 12)));
        expect(w.y[i]).to.equal(alone.y[k]);
        expect(w.targetDates![i]).to.equal(alone.targetDates![k]);
      });
      seen += mine.length;
    }
    expect(seen).to.equal(w.xShape[0]);
    for (let i = 1; i < w.targetRows.length; i++) expect(w.targetRows[i]).to.be.above(w.targetRows[i - 1]);
  });

  describe('bad input', () => {
    it('a date twice within one series names the series and both rows', () => {
      const doubled = table({ date: [0, 0, 1].map(day), symbol: ['A', 'A', 'B'], price: [1, 2, 3] });
      expectError(
        () => makeWindows(doubled, { features: ['price'], targets: ['price'], lookback: 1, series: 'symbol' }),
        InputError,
        'series "A"',
        'rows 0 and 1',
        'de-duplicate',
      );
      expectError(() => splitByTime(doubled, { series: 'symbol', testSize: 0.3 }), InputError, 'series "A"', 'twice');
    });
    it('a panel not sorted by date', () => {
      const unsorted = table({ date: [1, 0, 2, 3].map(day), symbol: ['A', 'B', 'A', 'B'], price: [1, 2, 3, 4] });
      expectError(() => makeWindows(unsorted, { features: ['price'], targets: ['price'], lookback: 1, series: 'symbol' }), InputError, 'not sorted', 'row 1');
    });
    it('NaN in a window names the table row and the series', () => {
      const holed = panel.withColumn('price', [1, 10, 2, NaN, 3, 30, 4, 40]);
      expectError(
        () => makeWindows(holed, { features: ['price'], targets: ['price'], lookback: 2, series: 'symbol' }),
        InputError,
        'NaN at row 3',
        'series "B"',
        'dropMissing',
      );
    });
    it('series too short for a window are left out; when none fits the error says so', () => {
      const ragged = table({ date: [0, 1, 1, 2, 3].map(day), symbol: ['A', 'A', 'B', 'A', 'A'], price: [1, 2, 3, 4, 5] });
      const w = makeWindows(ragged, { features: ['price'], targets: ['price'], lookback: 2, series: 'symbol' });
      expect(Array.from(w.y)).to.deep.equal([4, 5]); // B's single row gives no window
      expectError(
        () => makeWindows(ragged, { features: ['price'], targets: ['price'], lookback: 5, series: 'symbol' }),
        InputError,
        'no series of column "symbol"',
        'longest series 4 rows',
      );
    });
    it('series without a date column, and an unknown series column', () => {
      const undated = table({ symbol: ['A', 'B'], price: [1, 2] });
      expectError(() => makeWindows(undated, { features: ['price'], targets: ['price'], lookback: 1, series: 'symbol' }), InputError, 'needs a date column');
      expectError(() => splitByTime(undated, { series: 'symbol' }), InputError, 'needs a date column');
      expectError(() => splitByTime(panel, { series: 'ticker' }), InputError, 'unknown column "ticker"');
    });
  });
});

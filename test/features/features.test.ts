import { expect } from 'chai';
import * as path from 'path';
import { loadCsv } from '../../lib/data/load-csv';
import { diff, lag, lead, spread } from '../../lib/features/lag';
import { fillForward } from '../../lib/features/fill-forward';
import { calendarFeatures } from '../../lib/features/calendar-features';
import { logReturns, pctChange, volatility } from '../../lib/features/returns';
import { rollingMax, rollingMean, rollingMin, rollingStd, rollingSum } from '../../lib/features/rolling';
import { rollingMedian, rollingQuantile } from '../../lib/features/rolling-quantile';
import { rollingCorr, rollingCov } from '../../lib/features/rolling-pairs';
import { ewm, ewmStd, ewmVar } from '../../lib/features/ewm';
import { bollingerBands, macd, rsi } from '../../lib/features/indicators';
import { resampleOhlc } from '../../lib/features/resample-ohlc';
import { InputError } from '../../lib/util/errors';
import { table } from '../../lib/data/table';
import { isoDate } from '../../lib/data/iso-date';
import { DATASETS, expectClose, expectError, fixture } from '../helpers';

const g = fixture('features.json');
const close: number[] = g.close;

describe('features vs pandas (S&P 500, first 300 closes)', () => {
  const cases: [string, () => Float64Array][] = [
    ['rolling_mean_20', () => rollingMean(close, 20)],
    ['rolling_mean_5_min3', () => rollingMean(close, 5, { minPeriods: 3 })],
    ['rolling_std_20', () => rollingStd(close, 20)],
    ['rolling_min_10', () => rollingMin(close, 10)],
    ['rolling_max_10', () => rollingMax(close, 10)],
    ['rolling_sum_7', () => rollingSum(close, 7)],
    ['ewm_span10_adjust', () => ewm(close, { span: 10 })],
    ['ewm_span10_noadjust', () => ewm(close, { span: 10, adjust: false })],
    ['ewm_alpha03_min5', () => ewm(close, { alpha: 0.3, minPeriods: 5 })],
    ['ewm_halflife4', () => ewm(close, { halflife: 4 })],
    ['pct_change_1', () => pctChange(close)],
    ['pct_change_5', () => pctChange(close, 5)],
    ['log_returns', () => logReturns(close)],
    ['diff_2', () => diff(close, 2)],
    ['shift_3', () => lag(close, 3)],
    ['rsi_14', () => rsi(close, 14)],
    ['macd', () => macd(close).macd],
    ['macd_signal', () => macd(close).signal],
    ['macd_hist', () => macd(close).histogram],
    ['bb_upper', () => bollingerBands(close).upper],
    ['bb_lower', () => bollingerBands(close).lower],
    ['volatility_20', () => volatility(close, { window: 20 })],
  ];
  for (const [name, f] of cases) it(name, () => expectClose(f(), g[name], 1e-9, name));

  // The same closes with holes: at the start, single, a run of five, a run longer than the window.
  const holed = (g.holed as (number | null)[]).map((v) => v ?? NaN);
  const holedCases: [string, () => Float64Array][] = [
    ['holed_rolling_mean_5_min3', () => rollingMean(holed, 5, { minPeriods: 3 })],
    ['holed_rolling_sum_5_min1', () => rollingSum(holed, 5, { minPeriods: 1 })],
    ['holed_rolling_std_5_min2', () => rollingStd(holed, 5, { minPeriods: 2 })],
    ['holed_rolling_min_5_min2', () => rollingMin(holed, 5, { minPeriods: 2 })],
    ['holed_rolling_max_5', () => rollingMax(holed, 5)],
    ['holed_ewm_alpha03_adjust_min2', () => ewm(holed, { alpha: 0.3, minPeriods: 2 })],
    ['holed_ewm_span6_noadjust', () => ewm(holed, { span: 6, adjust: false })],
    ['holed_pct_change_2', () => pctChange(holed, 2)],
    ['holed_diff_1', () => diff(holed, 1)],
  ];
  for (const [name, f] of holedCases) it(`${name} (missing prices skipped as pandas skips them)`, () => expectClose(f(), g[name], 1e-9, name));

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

  it('logReturns: a missing price gives NaN, a zero or negative one is refused (not -Infinity or NaN)', () => {
    const r = logReturns([100, NaN, 110, 121]);
    expect(Number.isNaN(r[1]) && Number.isNaN(r[2])).to.equal(true);
    expect(r[3]).to.be.closeTo(Math.log(1.1), 1e-15);
    expectError(() => logReturns([100, 0, 110]), InputError, 'row 1 holds 0', 'pctChange');
    expectError(() => volatility([1.5, -0.2, 1.7]), InputError, 'row 1 holds -0.2', 'positive prices');
  });

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

  it('rollingMedian and rollingQuantile over the valid values of each window (pandas rolling median/quantile)', () => {
    const x = [5, 1, NaN, 4, 2, 8];
    // By hand, window 3: rows 0–1 too few; [5,1,NaN] → 2 values < 3; [1,NaN,4]; [NaN,4,2]; [4,2,8] → 4.
    expect(Array.from(rollingMedian(x, 3))).to.deep.equal([NaN, NaN, NaN, NaN, NaN, 4]);
    // minPeriods 2: [5,1] → 3; [5,1,NaN] → 3; [1,NaN,4] → 2.5; [NaN,4,2] → 3; [4,2,8] → 4.
    expect(Array.from(rollingMedian(x, 3, { minPeriods: 2 }))).to.deep.equal([NaN, 3, 3, 2.5, 3, 4]);
    // q = 0.25 of [2,4,8]: position 0.5 → 2 + (4 − 2)·0.5 = 3; of [1,5] → 1 + 4·0.25 = 2.
    expect(Array.from(rollingQuantile(x, 3, 0.25, { minPeriods: 2 }))).to.deep.equal([NaN, 2, 2, 1.75, 2.5, 3]);
    expectError(() => rollingQuantile(x, 3, 1.5), InputError, 'q 1.5');
    expectError(() => rollingMedian(x, 3, { minPeriods: 4 }), InputError, 'minPeriods 4 is more than the window of 3', 'every value would be NaN');
  });

  it('rollingCov and rollingCorr over the rows where both series have a value (pandas rolling cov/corr)', () => {
    const x = [1, 2, 3, 4, 5, 5, 5];
    const y = [2, 4, 6, 9, NaN, 1, 2];
    const cov = rollingCov(x, y, 3, { minPeriods: 2 });
    const corr = rollingCorr(x, y, 3, { minPeriods: 2 });
    // By hand: rows 0–2: deviations (−1, 0, 1) and (−2, 0, 2): cov 4/2 = 2, corr 1. Rows 1–3: cov 5/2 = 2.5 with
    // var x = 1 and var y = (49 + 1 + 64)/9/2: corr 2.5/√(114/18). Row 4 pairs rows 2–3 only (y is missing at 4).
    expectClose([cov[2], corr[2], cov[3], corr[3], cov[4], corr[4]], [2, 1, 2.5, 2.5 / Math.sqrt(114 / 18), 1.5, 1], 1e-12);
    // Rows 4–6 pair (5, 1) and (5, 2): x is constant, so no correlation; its covariance is 0.
    expect([cov[6], corr[6]]).to.deep.equal([0, NaN]);
    expect(Number.isNaN(cov[0])).to.equal(true);
    expectError(() => rollingCorr(x, [1, 2], 3), InputError, '7 and 2 values', 'align');
  });

  it('ewmVar and ewmStd: the bias-corrected weighted variance (pandas ewm var/std)', () => {
    // By hand, α = 0.5, adjust: weights 0.5 and 1; mean 7/3; biased variance (0.5·16/9 + 4/9)/1.5 = 8/9; bias
    // correction (Σw)² / ((Σw)² − Σw²) = 2.25 / 1 → 2. One observation has no variance.
    expectClose(Array.from(ewmVar([1, 3], { alpha: 0.5 })), [null, 2], 1e-12);
    expectClose(Array.from(ewmStd([1, 3], { alpha: 0.5 })), [null, Math.SQRT2], 1e-12);
    expect(Array.from(ewmStd([4, 4, 4], { span: 3 }))).to.deep.equal([NaN, 0, 0]); // constant: exactly 0
    expectError(() => ewmStd([1, 2], { span: 3, alpha: 0.5 }), InputError, 'exactly one of span, alpha, com, halflife');
  });

  it('lead: the value k rows ahead, for targets (pandas shift(-k)); the last k are NaN', () => {
    expect(Array.from(lead([1, 2, 3, 4], 1))).to.deep.equal([2, 3, 4, NaN]);
    expect(Array.from(lead([1, 2, 3, 4], 3))).to.deep.equal([4, NaN, NaN, NaN]);
    expectError(() => lead([1, 2], 0), InputError, 'k must be an integer ≥ 1');
  });

  it('fillForward carries the last value over gaps (pandas ffill), with limit; leading gaps stay NaN', () => {
    const x = [NaN, 1, NaN, NaN, NaN, 2, NaN, Infinity, NaN];
    // By hand: the leading NaN has nothing before it; Infinity is a value, not a gap.
    expect(Array.from(fillForward(x))).to.deep.equal([NaN, 1, 1, 1, 1, 2, 2, Infinity, Infinity]);
    expect(Array.from(fillForward(x, { limit: 2 }))).to.deep.equal([NaN, 1, 1, 1, NaN, 2, 2, Infinity, Infinity]);
    expect(x[2]).to.be.NaN; // input untouched
    expectError(() => fillForward(x, { limit: 0 }), InputError, 'limit must be an integer ≥ 1, got 0');
  });

  it('calendarFeatures: pandas .dt parts (Monday is 0, ISO weeks), and cyclical sine/cosine pairs', () => {
    // 2021-01-03 is a Sunday in ISO week 53 of 2020; 2024-02-29 a Thursday, day 60 of a leap year; by hand.
    const dates = [Date.UTC(2021, 0, 3, 14, 30), Date.UTC(2024, 1, 29), NaN];
    const f = calendarFeatures(dates, {
      parts: ['year', 'quarter', 'month', 'day', 'dayOfWeek', 'dayOfYear', 'weekOfYear', 'hour', 'minute', 'isMonthStart', 'isMonthEnd'],
    });
    const row = (i: number) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v[i]]));
    expect(row(0)).to.deep.equal({
      year: 2021,
      quarter: 1,
      month: 1,
      day: 3,
      dayOfWeek: 6,
      dayOfYear: 3,
      weekOfYear: 53,
      hour: 14,
      minute: 30,
      isMonthStart: 0,
      isMonthEnd: 0,
    });
    expect(row(1)).to.deep.equal({
      year: 2024,
      quarter: 1,
      month: 2,
      day: 29,
      dayOfWeek: 3,
      dayOfYear: 60,
      weekOfYear: 9,
      hour: 0,
      minute: 0,
      isMonthStart: 0,
      isMonthEnd: 1,
    });
    expect(Object.values(row(2)).every(Number.isNaN)).to.equal(true);
    // Cyclical: December and January are neighbours; the year stays a number.
    const c = calendarFeatures([Date.UTC(2020, 11, 1), Date.UTC(2021, 0, 1)], { parts: ['month', 'year'], cyclical: true, prefix: 'd_' });
    expect(Object.keys(c)).to.deep.equal(['d_month_sin', 'd_month_cos', 'd_year']);
    expectClose(
      [c.d_month_sin[0], c.d_month_cos[0], c.d_month_sin[1], c.d_month_cos[1]],
      [Math.sin((2 * Math.PI * 11) / 12), Math.cos((2 * Math.PI * 11) / 12), 0, 1],
      1e-12,
    );
    expectError(() => calendarFeatures(dates, { parts: ['weekday' as 'day'] }), InputError, 'unknown part "weekday"', 'dayOfWeek');
  });

  it('spread subtracts and refuses misaligned series', () => {
    expect(Array.from(spread([5, 6], [1, 4]))).to.deep.equal([4, 2]);
    expectError(() => spread([1], [1, 2]), InputError, '1 and 2 values', 'align'); // was a RangeError, outside the TsdlError family
  });

  it('rolling mean/sum stay exact along a long series (running sum with compensation), NaN gaps included', () => {
    // 100,000 values near 1e6 with cents; every 997th missing. Reference: each window summed afresh.
    const x = Array.from({ length: 100_000 }, (_, i) => (i % 997 === 5 ? NaN : 1e6 + ((i * 7919) % 1000) / 100));
    const w = 20;
    const mean = rollingMean(x, w, { minPeriods: 15 });
    const sum = rollingSum(x, w, { minPeriods: 15 });
    for (let t = 0; t < x.length; t++) {
      const vals = x.slice(Math.max(0, t - w + 1), t + 1).filter((v) => !Number.isNaN(v));
      if (vals.length < 15) {
        expect(Number.isNaN(mean[t]) && Number.isNaN(sum[t]), `row ${t}`).to.equal(true);
        continue;
      }
      const s = vals.reduce((a, b) => a + b, 0);
      if (Math.abs(sum[t] - s) > 1e-6 || Math.abs(mean[t] - s / vals.length) > 1e-9) expect.fail(`row ${t}: ${sum[t]} vs ${s}`);
    }
  });

  it('rolling std/min/max (one pass each) equal each window computed afresh, with gaps and minPeriods', () => {
    let seed = 3;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const x = Array.from({ length: 20_000 }, (_, i) => (i % 211 < 9 ? NaN : 50 + 10 * rand()));
    const w = 30;
    const std = rollingStd(x, w, { minPeriods: 5 });
    const mn = rollingMin(x, w, { minPeriods: 5 });
    const mx = rollingMax(x, w, { minPeriods: 5 });
    for (let t = 0; t < x.length; t++) {
      const vals = x.slice(Math.max(0, t - w + 1), t + 1).filter((v) => !Number.isNaN(v));
      if (vals.length < 5) {
        if (![std[t], mn[t], mx[t]].every(Number.isNaN)) expect.fail(`row ${t}: expected NaN`);
        continue;
      }
      const m = vals.reduce((a, b) => a + b, 0) / vals.length;
      const sd = Math.sqrt(vals.reduce((a, b) => a + (b - m) ** 2, 0) / (vals.length - 1));
      if (Math.abs(std[t] - sd) > 1e-9 * sd || mn[t] !== Math.min(...vals) || mx[t] !== Math.max(...vals)) {
        expect.fail(`row ${t}: std ${std[t]} vs ${sd}, min ${mn[t]} vs ${Math.min(...vals)}, max ${mx[t]} vs ${Math.max(...vals)}`);
      }
    }
  });

  it('rolling std of a window of equal values is exactly 0 (as pandas), also after different values left it', () => {
    // Removing 10 and 11 from the running sums leaves ~1e-8 of rounding; pandas' rolling std gives 0 here.
    const x = [10, 11, NaN, 12, 12, 12, 12, 11, NaN, NaN, 13, 14, 14, 14];
    const std = rollingStd(x, 3);
    for (const t of [5, 6, 13]) expect(std[t]).to.equal(0);
    expect(std[7]).to.be.closeTo(Math.sqrt(1 / 3), 1e-12); // 12, 12, 11: mean 35/3, squares 2/9 + 2/9 + 4/9 over 2
  });

  it('ewm adjust: false across NaN decays the old value by (1-α) per row, as pandas documents (hand-computed)', () => {
    // α = 0.5: y1 = 1, the NaN row keeps y, y3 = (0.5² · 1 + 0.5 · 5) / (0.25 + 0.5) = 3.666…  pandas 2.x gives this;
    // pandas 3.0–3.1 give 4 for α = 0.5 only (its issue 31178, a com = 1 special case), 3.666… for other α.
    const y = ewm([1, NaN, 5], { alpha: 0.5, adjust: false });
    expect(Array.from(y)).to.deep.equal([1, 1, (0.25 * 1 + 0.5 * 5) / 0.75]);
    // α = 0.4 (span 4), where pandas 3.1.1 agrees: 10.4 after the first two rows, then 0.6² · 10.4 + 0.4 · 12 over 0.76.
    expect(ewm([10, 11, NaN, 12], { span: 4, adjust: false })[3]).to.be.closeTo((0.36 * 10.4 + 0.4 * 12) / 0.76, 1e-12);
  });

  it('ewm needs exactly one decay parameter', () => {
    expectError(() => ewm(close, { span: 3, alpha: 0.5 }), InputError, 'exactly one', 'span, alpha');
  });
});

describe('pctChange at every length and lag (four rows per iteration plus the rows left over)', () => {
  it('equals x[t] / x[t-k] - 1 row by row, NaN for the first k rows, for lengths 0-13 and k 1-5', () => {
    for (let n = 0; n <= 13; n++) {
      const x = Array.from({ length: n }, (_, i) => 100 + ((i * 37) % 11) - 0.25 * i);
      for (let k = 1; k <= 5; k++) {
        const want = x.map((v, t) => (t < k ? NaN : v / x[t - k] - 1));
        expect(Array.from(pctChange(x, k)), `n ${n}, k ${k}`).to.deep.equal(want);
        expect(Array.from(pctChange(Float64Array.from(x), k)), `n ${n}, k ${k}, Float64Array`).to.deep.equal(want);
      }
    }
  });
});

describe('features are causal: changing rows after t never changes a value at t', () => {
  const fns: [string, (x: number[]) => ArrayLike<number>][] = [
    ['rollingMean', (x) => rollingMean(x, 10)],
    ['rollingStd', (x) => rollingStd(x, 10)],
    ['ewm', (x) => ewm(x, { span: 5 })],
    ['rsi', (x) => rsi(x)],
    ['macd', (x) => macd(x).histogram],
    ['bollinger', (x) => bollingerBands(x).upper],
    ['pctChange', (x) => pctChange(x)],
    ['volatility', (x) => volatility(x)],
    ['lag', (x) => lag(x, 2)],
  ];
  for (const [name, f] of fns) {
    it(name, () => {
      const base = f(close);
      for (const t of [30, 150, 250]) {
        const changed = close.map((v, i) => (i > t ? v * 3 + 17 : v));
        const after = f(changed);
        for (let i = 0; i <= t; i++) expect(Object.is(after[i], base[i]) || after[i] === base[i], `${name} at ${i} (changed after ${t})`).to.equal(true);
      }
    });
  }
});

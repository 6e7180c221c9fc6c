import { expect } from 'chai';
import * as path from 'path';
import fc from 'fast-check';
import { Table, table } from '../../lib/data/table';
import { isoDate } from '../../lib/data/iso-date';
import { loadCsv } from '../../lib/data/load-csv';
import { summarize } from '../../lib/data/summarize';
import { toHTML } from '../../lib/display/to-html';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectClose, expectError, fixture } from '../helpers';

describe('Table', () => {
  const t = table({ date: [new Date('2000-01-01'), new Date('2000-01-02'), new Date('2000-01-03')], x: [1, NaN, 3], s: ['a', null, 'c'] });

  it('keeps kinds and gives columns by name, listing the real names for an unknown one', () => {
    expect(t.kind('date')).to.equal('date');
    expect(t.kind('x')).to.equal('number');
    expect(t.kind('s')).to.equal('string');
    expectError(() => t.column('rte'), InputError, 'unknown column "rte"', 'columns: date, x, s');
  });

  it('sortBy: stable, missing values last, text by characters; an ordered table comes back as it is', () => {
    const t = table({ k: [3, NaN, 1, 3, 2], s: ['b', 'a', null, 'a', 'c'], i: [0, 1, 2, 3, 4] });
    expect(Array.from(t.sortBy('k').numbers('i'))).to.deep.equal([2, 4, 0, 3, 1]); // the two 3s keep their order; NaN last
    expect(Array.from(t.sortBy('s').numbers('i'))).to.deep.equal([1, 3, 0, 4, 2]); // null last
    const sorted = t.sortBy('i');
    expect(sorted).to.equal(t);
    expectError(() => t.sortBy('zz'), InputError, 'unknown column "zz"');
  });
  it('filter keeps the rows a mask or a row test says, in order', () => {
    const t = table({ sym: ['A', 'B', 'A'], q: [50, 200, 300] });
    expect(Array.from(t.filter(Array.from(t.numbers('q'), (q) => q > 100)).numbers('q'))).to.deep.equal([200, 300]);
    expect(Array.from(t.filter(Float64Array.of(1, 0, 1)).numbers('q'))).to.deep.equal([50, 300]);
    const sym = t.strings('sym');
    expect(t.filter((i) => sym[i] === 'A').strings('sym')).to.deep.equal(['A', 'A']);
    expect(t.filter(() => false).numRows).to.equal(0);
    expectError(() => t.filter([true]), InputError, 'mask has 1 entries but the table has 3 rows');
  });
  it('never mutates: withColumn, take, slice and dropMissing return new tables', () => {
    const x = t.numbers('x');
    const before = Array.from(x);
    const u = t.withColumn('x', [7, 8, 9]).take([2, 0]).slice(0, 1);
    expect(Array.from(t.numbers('x'))).to.deep.equal(before);
    expect(Array.from(u.numbers('x'))).to.deep.equal([9]);
    const d = t.dropMissing();
    expect(d.numRows).to.equal(2);
    expect(t.numRows).to.equal(3);
  });

  it('dropMissing: leading/trailing gaps give one zero-copy run, gaps inside give a gather; same rows either way', () => {
    const a = table({ x: [NaN, NaN, 1, 2, 3, NaN], y: [NaN, 5, 6, 7, 8, 9], s: ['a', 'b', 'c', 'd', 'e', 'f'] });
    const edge = a.dropMissing();
    expect(Array.from(edge.numbers('x'))).to.deep.equal([1, 2, 3]);
    expect(Array.from(edge.numbers('y'))).to.deep.equal([6, 7, 8]);
    expect(edge.strings('s')).to.deep.equal(['c', 'd', 'e']);
    expect(edge.numbers('x').buffer, 'a view of the same storage').to.equal(a.numbers('x').buffer);
    const inner = table({ x: [1, NaN, 3, 4], y: [5, 6, NaN, 8] }).dropMissing();
    expect(Array.from(inner.numbers('x'))).to.deep.equal([1, 4]);
    expect(Array.from(inner.numbers('y'))).to.deep.equal([5, 8]);
    expect(table({ x: [NaN, NaN] }).dropMissing().numRows).to.equal(0);
    expect(a.numRows, 'input untouched').to.equal(6);
  });

  it('dropMissing keeps exactly the rows with no NaN or null, for any pattern; ±Infinity is a value, not missing', () => {
    const cell = fc.oneof(fc.constant(NaN), fc.constant(Infinity), fc.constant(-Infinity), fc.integer({ min: -9, max: 9 }));
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 12 })
          .chain((n) =>
            fc.tuple(
              fc.array(cell, { minLength: n, maxLength: n }),
              fc.array(cell, { minLength: n, maxLength: n }),
              fc.array(fc.option(fc.constantFrom('a', 'b'), { nil: null }), { minLength: n, maxLength: n }),
            ),
          ),
        ([x, y, s]) => {
          const kept = x.map((_, i) => i).filter((i) => !Number.isNaN(x[i]) && !Number.isNaN(y[i]) && s[i] !== null);
          const d = table({ x, y, s: s.map((v) => v ?? null) }).dropMissing();
          expect(Array.from(d.numbers('x'))).to.deep.equal(kept.map((i) => x[i]));
          expect(Array.from(d.numbers('y'))).to.deep.equal(kept.map((i) => y[i]));
          expect(d.strings('s')).to.deep.equal(kept.map((i) => s[i]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round-trips through rows and danfo', () => {
    const rows = t.toRows();
    expect(rows[0].date).to.be.instanceOf(Date);
    const back = Table.fromRows(rows);
    expect(back.kind('date')).to.equal('date');
    const df = t.toDanfo() as { shape: number[]; columns: string[] };
    expect(df.shape).to.deep.equal([3, 3]);
    const again = Table.fromDanfo(df as never);
    expect(again.numbers('x')[2]).to.equal(3);
  });

  it('renders escaped HTML', () => {
    expect(toHTML(table({ s: ['<img src=x onerror=alert(1)>'] }))).to.include('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('summarize', () => {
  it("matches pandas' describe() on the S&P 500 file", () => {
    const golden = fixture('preprocess.json').sp500_describe;
    const s = summarize(loadCsv(path.join(DATASETS, 'sp500-daily-ohlcv-2000-2020.csv')));
    for (const col of ['open', 'close', 'volume']) {
      const c = s.columns.find((x) => x.column === col)!;
      const g = golden[col];
      expectClose(
        [c.count, c.mean!, c.std!, c.min!, c.q25!, c.median!, c.q75!, c.max!],
        [g.count, g.mean, g.std, g.min, g['25%'], g['50%'], g['75%'], g.max],
        1e-9,
        col,
      );
    }
  });

  it('counts missing values (where danfo describe throws), class balance and date gaps', () => {
    const s = summarize(table({ date: [new Date('2001-09-07'), new Date('2001-09-10'), new Date('2001-09-17')], x: [1, NaN, 3], label: ['M', 'B', 'B'] }), {
      label: 'label',
    });
    expect(s.columns.find((c) => c.column === 'x')!.missing).to.equal(1);
    expect(s.classBalance!.counts).to.deep.equal({ M: 1, B: 2 });
    expect(s.dates!.maxGapDays).to.equal(7);
    expect(s.dates!.maxGapAfter).to.equal('2001-09-10');
    expect(toHTML(s)).to.include('<table');
  });

  it('date coverage: gaps between distinct dates in time order (panel data, file order), and 200,000 rows', () => {
    const d = (s: string) => new Date(`${s}T00:00:00Z`);
    // Two symbols per month, in file order (not sorted): gaps of 31 and 29 days (2000 is a leap year), not 0 or negative.
    const panel = table({
      date: ['2000-03-01', '2000-01-01', '2000-01-01', '2000-02-01', '2000-02-01', '2000-03-01'].map(d),
      symbol: ['A', 'A', 'B', 'A', 'B', 'B'],
    });
    const s = summarize(panel).dates!;
    expect([s.first, s.last, s.distinct, s.medianGapDays, s.maxGapDays, s.maxGapAfter]).to.deep.equal(['2000-01-01', '2000-03-01', 3, 30, 31, '2000-01-01']);
    expect(summarize(panel).toString()).to.include('(3 distinct), typical gap 30 days, largest 31 days after 2000-01-01');
    // Intraday rows: the gap in the unit people use ("0.000694 days" was a minute).
    const minutes = table({ time: [0, 1, 2, 4].map((m) => new Date(Date.UTC(2020, 0, 2, 9, 30 + m))), x: [1, 2, 3, 4] });
    expect(summarize(minutes).toString()).to.include('typical gap 1 minute, largest 2 minutes after 2020-01-02T09:32:00.000Z');
    // Math.max(...gaps) overflowed the call stack from about 120,000 rows. Daily dates with one 10-day gap.
    const n = 200_000;
    const days = Array.from({ length: n }, (_, i) => new Date(Date.UTC(2000, 0, 1) + (i + (i >= 150_000 ? 9 : 0)) * 86_400_000));
    const big = summarize(table({ date: days, x: new Float64Array(n) })).dates!;
    expect([big.distinct, big.medianGapDays, big.maxGapDays, big.maxGapAfter]).to.deep.equal([n, 1, 10, isoDate(days[149_999].getTime())]);
  });

  it('isoDate: a day, a timestamp, and "NaT" for a missing date (it threw a RangeError)', () => {
    expect([isoDate(Date.UTC(2000, 0, 3)), isoDate(Date.UTC(2000, 0, 3, 9, 30)), isoDate(NaN)]).to.deep.equal([
      '2000-01-03',
      '2000-01-03T09:30:00.000Z',
      'NaT',
    ]);
  });

  it('a date column with no dates, or one: a summary, not a RangeError from toISOString', () => {
    const none = summarize(table({ d: [null, null] as unknown as Date[], x: [1, 2] }));
    expect(none.dates).to.equal(undefined);
    expect(none.toString()).to.include('2 rows');
    const one = summarize(table({ date: [new Date('2020-01-01T00:00:00Z'), new Date(NaN)], x: [1, 2] }));
    expect([one.dates!.present, one.dates!.distinct]).to.deep.equal([1, 1]);
    expect(one.toString()).to.include('dates 2020-01-01 to 2020-01-01\n'); // no gap to speak of, and 1 of 1 is not "distinct"
  });

  it('an all-missing numeric column: count 0 and every statistic NaN, as pandas describe() gives', () => {
    const c = summarize(table({ a: [NaN, NaN], b: [1, 2] })).columns[0];
    expect(c.count).to.equal(0);
    for (const v of [c.mean, c.std, c.min, c.q25, c.median, c.q75, c.max]) expect(Number.isNaN(v)).to.equal(true);
  });
});

import { joinAsOf } from '../../lib/data/join-asof';

describe('joinAsOf', () => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  const monthly = table({ date: ['2000-01-01', '2000-02-01', '2000-03-01', '2000-04-01', '2000-05-01'].map(d), y: [1, 2, 3, 4, 5] });
  const quarterly = table({ date: ['2000-01-01', '2000-04-01'].map(d), gdp: [100, 110] });

  it('takes the last right row at or before each left date, NaN before the first (hand-checked)', () => {
    const j = joinAsOf(monthly, quarterly);
    expect(Array.from(j.numbers('gdp'))).to.deep.equal([100, 100, 100, 110, 110]);
    expect(j.columnNames).to.deep.equal(['date', 'y', 'gdp']);
  });

  it('availableAfterMs delays each right row to when it was known: no look-ahead', () => {
    const j = joinAsOf(monthly, quarterly, { availableAfterMs: 45 * 864e5, prefix: 'macro_' });
    // Q1 (dated Jan 1) is usable from Feb 15 → first in March; Q2 (Apr 1) from May 16 → not yet in May.
    expect(Array.from(j.numbers('macro_gdp'))).to.deep.equal([NaN, NaN, 100, 100, 100]);
  });

  it('joins a panel (several symbols per date) row by row; repeated or unsorted right dates are refused', () => {
    const panel = table({ date: ['2000-01-01', '2000-01-01', '2000-04-01', '2000-04-01'].map(d), symbol: ['A', 'B', 'A', 'B'] });
    expect(Array.from(joinAsOf(panel, quarterly).numbers('gdp'))).to.deep.equal([100, 100, 110, 110]); // refused before as a duplicate date
    const doubled = table({ date: ['2000-01-01', '2000-01-01'].map(d), gdp: [1, 2] });
    expectError(() => joinAsOf(monthly, doubled), InputError, 'duplicate date 2000-01-01');
    expectError(() => joinAsOf(table({ date: ['2000-02-01', '2000-01-01'].map(d) }), quarterly), InputError, 'not sorted', 'row 1');
  });

  it('names a missing date column and a clashing column name', () => {
    expectError(() => joinAsOf(monthly, table({ when: [1], gdp: [1] }), { on: 'date' }), InputError, 'right table has no date column "date"', 'when, gdp');
    expectError(() => joinAsOf(monthly, table({ date: [d('2000-01-01')], y: [1] })), InputError, 'column "y" is in both tables', 'prefix');
  });
});

import { decimalYearToDate, decimalYearsToDates } from '../../lib/data/decimal-year';

describe('decimalYearToDate', () => {
  it('maps fractions of the year to days (hand-computed: 1991 has 365 days)', () => {
    expect(new Date(decimalYearToDate(1991)).toISOString().slice(0, 10)).to.equal('1991-01-01');
    // 0.4 × 365 days = 146 days after Jan 1 → May 27; 0.5 × 365 = 182.5 days → noon of July 2, rounded up to July 3.
    expect(new Date(decimalYearToDate(1991.4)).toISOString().slice(0, 10)).to.equal('1991-05-27');
    expect(new Date(decimalYearToDate(1991.5)).toISOString().slice(0, 10)).to.equal('1991-07-03');
    expectError(() => decimalYearsToDates([1991.5, 1991.5001]), InputError, 'map to the same or an earlier day');
  });
  it('rounds to the nearest day: six-digit decimal years of Jan 1, 2 and 3 are three days (flooring put the first two on Jan 1)', () => {
    // 2001.002739 is 0.99974 days after Jan 1 (1/365 = 0.0027397…, cut to six digits): Jan 2, not Jan 1.
    const days = decimalYearsToDates([2001.0, 2001.002739, 2001.005479]).map((d) => d.toISOString().slice(0, 10));
    expect(days).to.deep.equal(['2001-01-01', '2001-01-02', '2001-01-03']);
  });
});

describe('Table.rename, shuffle and sample (pandas rename, sample(frac=1), sample(n))', () => {
  it('rename keeps kinds and order, refuses unknown names and collisions', () => {
    const t = table({ Date: [new Date(0)], 'Adj Close': [1.5], v: ['a'] });
    const r = t.rename({ Date: 'date', 'Adj Close': 'adj_close' });
    expect(r.columnNames).to.deep.equal(['date', 'adj_close', 'v']);
    expect(r.kind('date')).to.equal('date');
    expect(t.columnNames).to.deep.equal(['Date', 'Adj Close', 'v']); // the input is not mutated
    expectError(() => t.rename({ nope: 'x' }), InputError, 'nope');
    expectError(() => t.rename({ Date: 'v' }), InputError, 'two columns would be named "v"');
  });

  it('shuffle and sample are seeded permutations without replacement, rows kept whole', () => {
    const t = table({ i: Array.from({ length: 50 }, (_, k) => k), s: Array.from({ length: 50 }, (_, k) => `r${k}`) });
    const a = t.shuffle({ seed: 3 });
    expect(Array.from(a.numbers('i'))).to.deep.equal(Array.from(t.shuffle({ seed: 3 }).numbers('i')));
    expect(Array.from(a.numbers('i'))).to.not.deep.equal(Array.from(t.shuffle({ seed: 4 }).numbers('i')));
    expect([...a.numbers('i')].sort((x, y) => x - y)).to.deep.equal([...t.numbers('i')]);
    a.strings('s').forEach((s, k) => expect(s).to.equal(`r${a.numbers('i')[k]}`));
    const s = t.sample(10, { seed: 1 });
    expect(new Set(s.numbers('i')).size).to.equal(10);
    expectError(() => t.sample(51), InputError, 'from 0 to 50');
  });
});

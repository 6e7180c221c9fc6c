import { expect } from 'chai';
import * as path from 'path';
import { table } from '../../lib/data/table';
import { isoDate } from '../../lib/data/iso-date';
import { loadCsv } from '../../lib/data/load-csv';
import { summarize } from '../../lib/data/summarize';
import { toHTML } from '../../lib/display/to-html';
import { DATASETS, expectClose, fixture } from '../helpers';

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

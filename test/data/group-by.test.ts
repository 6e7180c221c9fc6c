import { expect } from 'chai';
import * as path from 'path';
import { groupBy, mapGroups } from '../../lib/data/group-by';
import { loadCsv } from '../../lib/data/load-csv';
import { table, Table } from '../../lib/data/table';
import { isoDate } from '../../lib/data/iso-date';
import { pctChange } from '../../lib/features/returns';
import { rollingMean } from '../../lib/features/rolling';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectClose, expectError, fixture } from '../helpers';

describe('groupBy and mapGroups', () => {
  // Two symbols interleaved by date, as a stacked panel is after sorting by date.
  const panel = table({ symbol: ['A', 'B', 'A', 'B', 'A', 'B'], price: [10, 100, 11, 90, 12.1, 99] });

  it('groupBy: one table per key in order of first appearance, each in table order', () => {
    const groups = groupBy(panel, 'symbol');
    expect([...groups.keys()]).to.deep.equal(['A', 'B']);
    expect(Array.from(groups.get('A')!.numbers('price'))).to.deep.equal([10, 11, 12.1]);
    expect(Array.from(groups.get('B')!.numbers('price'))).to.deep.equal([100, 90, 99]);
    // Numeric keys are keys as they print; dates as ISO dates (they were epoch milliseconds: "86400000").
    expect([...groupBy(table({ k: [2, 1.5, 2], x: [1, 2, 3] }), 'k').keys()]).to.deep.equal(['2', '1.5']);
    const byDay = groupBy(table({ day: [new Date(0), new Date(0), new Date(864e5)], x: [1, 2, 3] }), 'day');
    expect([...byDay.keys()]).to.deep.equal(['1970-01-01', '1970-01-02']);
  });

  it('mapGroups computes returns within each symbol and puts rows back in place', () => {
    const out = mapGroups(panel, 'symbol', (rows) => rows.withColumn('ret', pctChange(rows.numbers('price'))));
    expect(out.columnNames).to.deep.equal(['symbol', 'price', 'ret']);
    expect(out.strings('symbol')).to.deep.equal(['A', 'B', 'A', 'B', 'A', 'B']);
    // By hand: A 10 → 11 → 12.1 (+10%, +10%); B 100 → 90 → 99 (−10%, +10%). The first row of each is NaN.
    const ret = Array.from(out.numbers('ret'));
    expect(ret[0]).to.be.NaN;
    expect(ret[1]).to.be.NaN; // over the stacked column this would be 100/10 − 1 = 9: B's first price against A's
    expectClose(ret.slice(2), [0.1, -0.1, 0.1, 0.1], 1e-12);
    expect(Array.from(panel.numbers('price'))).to.deep.equal([10, 100, 11, 90, 12.1, 99]); // input untouched
  });

  it('matches pandas groupby().pct_change() and rolling(3).mean() on the stocks panel (five symbols, sorted by date)', () => {
    const f = fixture('features.json').panel;
    const stocks = loadCsv(path.join(DATASETS, 'stocks-monthly-2000-2010.csv'));
    expect(stocks.strings('symbol')).to.deep.equal(f.symbol); // the same interleaving: a stable sort by date
    expect(Array.from(stocks.dates('date'), isoDate)).to.deep.equal(f.date);
    const out = mapGroups(stocks, 'symbol', (rows) => rows.withColumns({ ret: pctChange(rows.numbers('price')), ma3: rollingMean(rows.numbers('price'), 3) }));
    expectClose(Array.from(out.numbers('ret')), f.pct_change, 1e-12);
    expectClose(Array.from(out.numbers('ma3')), f.rolling_mean_3, 1e-12);
    expect(Array.from(out.dates('date'), isoDate)).to.deep.equal(f.date); // date column kept as dates
    const sizes = Object.fromEntries([...groupBy(stocks, 'symbol')].map(([k, t]) => [k, t.numRows]));
    expect(sizes).to.deep.equal(f.group_sizes);
  });

  it('text columns and dropped columns come back too', () => {
    const out = mapGroups(panel, 'symbol', (rows, key) =>
      rows.drop(['price']).withColumn(
        'label',
        rows.strings('symbol').map((s) => `${s}-${key}`),
      ),
    );
    expect(out.columnNames).to.deep.equal(['symbol', 'label']);
    expect(out.strings('label')).to.deep.equal(['A-A', 'B-B', 'A-A', 'B-B', 'A-A', 'B-B']);
  });

  describe('bad input', () => {
    it('a missing key names the row and the fix', () => {
      const holed = table({ symbol: ['A', null, 'A'], price: [1, 2, 3] });
      expectError(() => groupBy(holed, 'symbol'), InputError, 'groupBy', '"symbol"', 'row 1', 'dropMissing');
      expectError(() => mapGroups(holed, 'symbol', (r) => r), InputError, 'mapGroups', 'row 1');
    });
    it('an unknown key column lists the real ones', () => {
      expectError(() => groupBy(panel, 'ticker'), InputError, '"ticker"', 'symbol, price');
    });
    it('a function that changes the row count names the group and suggests NaN warm-up rows', () => {
      expectError(() => mapGroups(panel, 'symbol', (r) => r.dropMissing().slice(1)), InputError, 'returned 2 rows for group "A", which has 3', 'NaN');
    });
    it('groups that come back with different columns or kinds name both groups', () => {
      expectError(
        () => mapGroups(panel, 'symbol', (r, k) => (k === 'A' ? r.withColumn('x', [1, 2, 3]) : r)),
        InputError,
        'group "B" came back with columns symbol, price',
        'group "A" with symbol, price, x',
      );
      expectError(
        () => mapGroups(panel, 'symbol', (r, k) => r.withColumn('x', k === 'A' ? [1, 2, 3] : ['a', 'b', 'c'])),
        InputError,
        'column "x" is string in group "B" but number in group "A"',
      );
      expectError(() => mapGroups(panel, 'symbol', () => 5 as unknown as Table), InputError, 'returned number', 'return a Table');
    });
  });
});

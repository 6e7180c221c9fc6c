import { expect } from 'chai';
import { table } from '../../lib/data/table';
import { makeWindows } from '../../lib/preprocess/make-windows';
import { windowSplit } from '../../lib/preprocess/window-split';
import { InputError } from '../../lib/util/errors';
import { expectClose, expectError, fixture } from '../helpers';
import { collectNotices } from '../../lib/util/notice';

const g = fixture('windows.json');
const data: number[][] = [];
for (let i = 0; i < g.data.length; i++) data.push(g.data[i]);
const t = table({ a: data.map((r) => r[0]), b: data.map((r) => r[1]), c: data.map((r) => r[2]) });

describe('makeWindows', () => {
  for (const c of g.cases) {
    it(`equals Keras timeseries_dataset_from_array (lookback ${c.lookback}, rate ${c.samplingRate}, stride ${c.stride}, horizon ${c.horizon})`, () => {
      const w = makeWindows(t, {
        features: ['a', 'b', 'c'],
        targets: ['c'],
        lookback: c.lookback,
        samplingRate: c.samplingRate,
        stride: c.stride,
        horizon: c.horizon,
        ordered: true,
      });
      expect(w.xShape).to.deep.equal(c.shape);
      expectClose(w.x, c.x, 1e-6, 'x');
      expectClose(w.y, c.y, 1e-6, 'y');
    });
  }

  it('multi-step targets, and every target lies strictly after its inputs', () => {
    const w = makeWindows(t, { features: ['a'], targets: ['a', 'b'], lookback: 3, steps: 2, horizon: 2, ordered: true });
    expect(w.yShape).to.deep.equal([40 - (2 + 2 + 2 - 1), 4]);
    for (let i = 0; i < w.xShape[0]; i++) {
      const lastInput = i + 2;
      expect(w.targetRows[i]).to.equal(lastInput + 2);
      expect(w.y[i * 4 + 2]).to.be.closeTo(data[w.targetRows[i] + 1][0], 1e-6);
    }
  });

  it('windowSplit: test windows may read training rows for context but never targets before testStart', () => {
    const { train, test } = windowSplit(t, { features: ['a'], targets: ['a'], lookback: 5, testStart: 30, ordered: true });
    expect(Math.max(...train.targetRows)).to.equal(29);
    expect(Math.min(...test.targetRows)).to.equal(30);
    expect(test.x[0]).to.be.closeTo(data[25][0], 1e-6);
    expect(test.xShape[0]).to.equal(10);
  });

  it('gives target dates when the table has a date column', () => {
    const dated = t.withColumn(
      'date',
      Float64Array.from({ length: 40 }, (_, i) => Date.UTC(2000, i, 1)),
      'date',
    );
    const w = makeWindows(dated, { features: ['a'], targets: ['a'], lookback: 12 });
    expect(new Date(w.targetDates![0]).toISOString().slice(0, 7)).to.equal('2001-01');
  });

  describe('bad input', () => {
    it('a series shorter than lookback + horizon', () => {
      expectError(
        () => makeWindows(t.head(5), { features: ['a'], targets: ['a'], lookback: 5, ordered: true }),
        InputError,
        '5 rows',
        'too short',
        'lookback 5',
      );
    });
    it('NaN reaching a window names column and row', () => {
      const holed = t.withColumn(
        'a',
        data.map((r, i) => (i === 7 ? NaN : r[0])),
      );
      expectError(() => makeWindows(holed, { features: ['a'], targets: ['b'], lookback: 3, ordered: true }), InputError, 'column "a"', 'NaN', 'row 7');
    });
    it('unknown column and bad lookback', () => {
      expectError(() => makeWindows(t, { features: ['zz'], targets: ['a'], lookback: 3 }), InputError, 'unknown column "zz"');
      expectError(() => makeWindows(t, { features: ['a'], targets: ['a'], lookback: 0 }), InputError, 'lookback must be an integer ≥ 1, got 0');
    });
  });
});

describe('makeWindows on a stacked panel without { series } (issue 31)', () => {
  it('a text column whose values interleave row by row is named with the series option to pass (windows mixed the series silently)', () => {
    // Two symbols that never share a date: the dates increase, so nothing else stopped the windows [10, 1000, 11, 1001].
    const n = 40;
    const t = table({
      date: Array.from({ length: n }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i))),
      symbol: Array.from({ length: n }, (_, i) => (i % 2 ? 'B' : 'A')),
      close: Array.from({ length: n }, (_, i) => (i % 2 ? 1000 + (i - 1) / 2 : 10 + i / 2)),
    });
    const { notices } = collectNotices(() => makeWindows(t, { features: ['close'], targets: ['close'], lookback: 4 }));
    expect(notices.join('\n')).to.include('column "symbol" looks like the key of several series').and.include('{ series: "symbol" }');
    // Blocks of one value after another (a regime label), or a single series: no notice.
    const blocks = t.withColumn(
      'symbol',
      Array.from({ length: n }, (_, i) => (i < 20 ? 'calm' : 'storm')),
    );
    expect(collectNotices(() => makeWindows(blocks, { features: ['close'], targets: ['close'], lookback: 4 })).notices).to.deep.equal([]);
  });
});

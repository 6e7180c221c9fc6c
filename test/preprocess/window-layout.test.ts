import { expect } from 'chai';
import { checkWindowBytes, fillWindows, windowLayout } from '../../lib/preprocess/window-layout';
import { makeWindows } from '../../lib/preprocess/make-windows';
import { table } from '../../lib/data/table';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';

describe('where windows fall and how they are written (preprocess/window-layout.ts)', () => {
  const shape = { lookback: 3, horizon: 1, steps: 2, stride: 1, rate: 1 };

  it('windowLayout: a window reads rows s..s+2 and targets s+3, s+4; the count fits the target range', () => {
    // By hand, 10 rows: span = 2 + 1 + 2 − 1 = 4, first target 3 rows after the start; starts 0..5 fit (5 + 4 = 9).
    expect(windowLayout(10, shape, 0, 10)).to.deep.equal({ s0: 0, count: 6, span: 4, firstTarget0: 3 });
    // Targets from row 6 on: the first window starts at 3 and reads rows 3..5 (context before the range).
    expect(windowLayout(10, shape, 6, 10)).to.deep.equal({ s0: 3, count: 3, span: 4, firstTarget0: 3 });
    // Stride 2 over the same rows: starts 0, 2, 4.
    expect(windowLayout(10, { ...shape, stride: 2 }, 0, 10).count).to.equal(3);
    // Sampling rate 2: inputs s, s+2, s+4, targets s+5, s+6 → span 6, starts 0..3.
    expect(windowLayout(10, { ...shape, rate: 2 }, 0, 10)).to.deep.equal({ s0: 0, count: 4, span: 6, firstTarget0: 5 });
    expect(windowLayout(4, shape, 0, 4).count).to.equal(0); // too short for one window
  });

  it('fillWindows writes [window, lookback, feature] inputs, [window, step × target] targets and each first target row', () => {
    const xs = [Float64Array.from([0, 1, 2, 3, 4, 5]), Float64Array.from([10, 11, 12, 13, 14, 15])];
    const ys = [Float64Array.from([100, 101, 102, 103, 104, 105])];
    const { s0, count, firstTarget0 } = windowLayout(6, shape, 0, 6); // starts 0 and 1
    const x = new Float32Array(count * 3 * 2);
    const y = new Float32Array(count * 2);
    const rows = new Int32Array(count);
    fillWindows(x, y, rows, xs, ys, { s0, count, stride: 1, lookback: 3, rate: 1, firstTarget0, steps: 2 });
    expect(Array.from(x)).to.deep.equal([0, 10, 1, 11, 2, 12, 1, 11, 2, 12, 3, 13]);
    expect(Array.from(y)).to.deep.equal([103, 104, 104, 105]);
    expect(Array.from(rows)).to.deep.equal([3, 4]);
  });
});

describe('checkWindowBytes counts every array makeWindows allocates (issue 31)', () => {
  it('targets count: steps 12,000 on 1M rows is refused naming the targets (a bare RangeError before); a 4.08 GiB total is over 4.0', () => {
    expectError(() => checkWindowBytes(1_000_000, 1, 1, 12_000, 1), InputError, 'targets 44.7 GiB', 'fewer steps');
    // Inputs just under 4 GiB alone passed before; with the targets and target rows the total is over the limit.
    expectError(() => checkWindowBytes(2 ** 25, 31, 1, 1, 1), InputError, 'makeWindows would allocate');
    expect(() => checkWindowBytes(1000, 12, 3, 4, 2)).to.not.throw();
  });

  it('makeWindows with too many steps is an InputError from the library, not a RangeError', () => {
    const n = 200_000;
    const t = table({ x: Float64Array.from({ length: n }, (_, i) => i) });
    expectError(() => makeWindows(t, { features: ['x'], targets: ['x'], lookback: 1, steps: 100_000, ordered: true }), InputError, 'targets');
  });
});

import { expect } from 'chai';
import * as fs from 'fs';
import * as v8 from 'v8';
import * as vm from 'vm';
import { table } from '../../lib/data/table';
import { pctChange } from '../../lib/features/returns';
import { FittedScaler, robustScaler, standardScaler } from '../../lib/preprocess/scaler';
import { C_HELPER_MIN_LENGTH, cHelper, useCHelper } from '../../lib/util/c-helper';
import { uninitializedFloat64 } from '../../lib/util/alloc';
import { seededRng } from '../../lib/util/rng';

/** Minor page faults of this process so far (Linux /proc). */
const faults = () => +fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')[7];

/** Values that test every branch of IEEE division: signed zeros, infinities, NaN, subnormals, huge and tiny. */
function awkward(n: number, seed: number): Float64Array {
  const rng = seededRng(seed);
  const special = [0, -0, Infinity, -Infinity, NaN, 5e-324, -2.5e-310, 1.7976931348623157e308, 1e-300, 1, -1];
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = rng() < 0.1 ? special[Math.floor(rng() * special.length)] : (rng() - 0.3) * 10 ** Math.floor(rng() * 12 - 6);
  return x;
}

/** Same bits, NaN for NaN: Object.is tells -0 from 0. */
function expectSameBits(a: Float64Array, b: ArrayLike<number>): void {
  expect(a.length).to.equal(b.length);
  for (let i = 0; i < a.length; i++) {
    if (!Object.is(a[i], b[i])) expect.fail(`element ${i}: ${a[i]} against ${b[i]}`);
  }
}

/** fn with the C helper's functions switched off, then back on. */
function withoutHelper<T>(fn: () => T): T {
  useCHelper(false);
  try {
    return fn();
  } finally {
    useCHelper(true);
  }
}

describe('the C helper (native/, built by scripts/setup.sh)', function () {
  before(function () {
    if (!cHelper()) this.skip(); // not built here (no C compiler or Node headers): the TypeScript loops run, tested elsewhere
  });

  it('pctChange gives the TypeScript loop\'s bits, x[t] / x[t-k] - 1 as written here, for every length and lag', () => {
    for (const n of [C_HELPER_MIN_LENGTH, 1001, 4099]) {
      const x = awkward(n, n);
      for (const k of [1, 2, 3, 7, n - 1, n, n + 5]) {
        const hand = new Float64Array(n);
        for (let t = 0; t < n; t++) hand[t] = t < k ? NaN : x[t] / x[t - k] - 1;
        const withHelper = pctChange(x, k);
        expectSameBits(withHelper, hand);
        expectSameBits(withHelper, withoutHelper(() => pctChange(x, k)));
      }
    }
  });

  it('the standard and robust scalers give the same bits with and without it', () => {
    const train = table({ a: awkward(3000, 1).map((v) => (Math.abs(v) < 1e200 ? v : 0.5)), b: Float64Array.from({ length: 3000 }, (_, i) => Math.sin(i) * 1e3) });
    const test = table({ a: awkward(2000, 2), b: Float64Array.from({ length: 2000 }, (_, i) => Math.cos(i) * 1e3) });
    for (const spec of [standardScaler(), robustScaler()]) {
      const fitted = spec.fit(train) as FittedScaler;
      const on = fitted.transform(test);
      const off = withoutHelper(() => fitted.transform(test));
      for (const c of ['a', 'b']) expectSameBits(on.numbers(c), off.numbers(c));
      // and the formula by hand: (x - offset) / divisor
      const j = 1;
      const x = test.numbers('b');
      const o = fitted.offset[j];
      const s = fitted.scale[j];
      expectSameBits(on.numbers('b'), x.map((v) => (v - o) / s + 0));
    }
  });

  it('says which division instructions it uses, and refuses arguments it cannot take, naming them', () => {
    const helper = cHelper()!;
    expect(['avx2', 'sse2', 'compiler default']).to.include(helper.divideInstructions);
    const out = new Float64Array(3);
    expect(() => helper.pctChange([1, 2, 3] as unknown as Float64Array, 1, out)).to.throw(TypeError, 'Float64Array as x');
    expect(() => helper.pctChange(new Float64Array(3), 1, new Float32Array(3) as unknown as Float64Array)).to.throw(TypeError, 'Float64Array as out');
    expect(() => helper.pctChange(new Float64Array(4), 1, out)).to.throw(RangeError, 'as long as x');
    expect(() => helper.pctChange(new Float64Array(3), 0, out)).to.throw(RangeError, 'positive integer');
    expect(() => helper.subtractDivideAdd(new Float64Array(3), 0, 1, 0, new Float64Array(2))).to.throw(RangeError, 'as long as x');
  });

  it('with the malloc thresholds set, arrays freed by a collection leave their memory for the next ones (few page faults)', async function () {
    if (!fs.existsSync('/proc/self/stat')) this.skip();
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const n = 200_000; // 1.6 MB each, the size of a returns column in the bench
    const fill = () => {
      const xs: Float64Array[] = [];
      for (let i = 0; i < 20; i++) xs.push(uninitializedFloat64(n).fill(i));
      return xs.length;
    };
    fill();
    gc();
    await new Promise((r) => setTimeout(r, 100)); // V8 frees array buffers on a background thread after collecting
    const f0 = faults();
    fill();
    // Without the thresholds the 32 MB left at the top of the heap goes back to Linux: about 7,800 faults here.
    expect(faults() - f0).to.be.below(1500);
  });
});

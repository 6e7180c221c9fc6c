import { expect } from 'chai';
import { cHelper } from '../../lib/kernels/c-helper';
import { windowInputsInto, windowInputsReference } from '../../lib/kernels/window-inputs';
import { seededRng } from '../../lib/util/rng';

describe('windowInputsInto (the window fill behind the kernels door)', () => {
  const rng = seededRng(31);
  const cols = Array.from({ length: 3 }, () => Float64Array.from({ length: 5000 }, () => rng() * 200 - 100));

  it('equals the TypeScript reference, and both equal x[w, t, f] = cols[f][s0 + w·stride + t·rate] written out here', function () {
    for (const [s0, count, stride, lookback, rate] of [
      [0, 1000, 1, 30, 1],
      [7, 400, 3, 12, 1],
      [2, 90, 40, 25, 1],
      [5, 200, 2, 10, 3],
      [0, 3, 1, 2, 1],
    ]) {
      const fast = new Float32Array(count * lookback * cols.length);
      const ref = new Float32Array(fast.length);
      windowInputsInto(cols, s0, count, stride, lookback, rate, fast);
      windowInputsReference(cols, s0, count, stride, lookback, rate, ref);
      expect(Buffer.from(fast.buffer).equals(Buffer.from(ref.buffer)), `layout ${[s0, count, stride, lookback, rate]}`).to.equal(true);
      for (const w of [0, count >> 1, count - 1])
        for (const t of [0, lookback - 1])
          for (let f = 0; f < 3; f++) {
            expect(ref[(w * lookback + t) * 3 + f]).to.equal(Math.fround(cols[f][s0 + w * stride + t * rate]));
          }
    }
    if (!cHelper()) this.skip(); // the comparison above then ran the reference twice
  });
});

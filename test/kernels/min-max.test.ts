// minMax: the WebAssembly SIMD kernel (long columns, copied through in 8,192-value chunks) and the scalar loop
// against a plain reference, across chunk edges, the four-value body and its tail, NaN and ±Infinity.
import { expect } from 'chai';
import { hasSimdMinMax, minMax, minMaxScalar, minMaxSimd } from '../../lib/kernels/min-max';
import { seededRng } from '../../lib/util/rng';

function reference(x: Float64Array) {
  let min = Infinity;
  let max = -Infinity;
  let nan = false;
  for (const v of x) {
    if (Number.isNaN(v)) nan = true;
    else {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { min, max, nan };
}

describe('minMax (WebAssembly SIMD) and minMaxScalar', () => {
  const rand = seededRng(11);
  const column = (n: number) => Float64Array.from({ length: n }, () => (rand() - 0.5) * 1e6);
  const lengths = [0, 1, 3, 4, 5, 1023, 1024, 1027, 8191, 8192, 8193, 8195, 16387, 200001];

  it('runs the SIMD kernel on Node 20', () => {
    expect(hasSimdMinMax()).to.equal(true);
  });

  it('equals the plain loop at every length around the chunk and the four-value step', () => {
    for (const n of lengths) {
      const x = column(n);
      expect(minMax(x), `minMax, n ${n}`).to.deep.equal(reference(x));
      expect(minMaxSimd(x), `the kernel itself, n ${n}`).to.deep.equal(reference(x));
      expect(minMaxScalar(x), `minMaxScalar, n ${n}`).to.deep.equal(reference(x));
    }
  });

  it('finds the extreme wherever it sits: first value, each lane, a chunk edge, the tail', () => {
    const n = 8195;
    for (const at of [0, 1, 2, 3, 4, 8191, 8192, 8193, 8194]) {
      const x = column(n);
      x[at] = -5e6;
      x[(at + 7) % n] = 5e6;
      const r = minMax(x);
      expect([r.min, r.max], `extremes at ${at}`).to.deep.equal([-5e6, 5e6]);
      expect(minMaxSimd(x), `the kernel itself, extremes at ${at}`).to.deep.equal({ min: -5e6, max: 5e6, nan: false });
    }
  });

  it('NaN anywhere is reported, and min/max are those of the other values', () => {
    const n = 8195;
    for (const at of [0, 1, 3, 4, 100, 8191, 8192, 8193, 8194]) {
      const x = column(n);
      x[at] = NaN;
      expect(minMax(x), `NaN at ${at}`).to.deep.equal(reference(x));
      expect(minMaxScalar(x), `scalar, NaN at ${at}`).to.deep.equal(reference(x));
      expect(minMaxSimd(x)!.nan, `the kernel sees the NaN at ${at}`).to.equal(true);
    }
  });

  it('±Infinity are values: they become the min or max, nan stays false', () => {
    for (const at of [0, 5, 8194]) {
      const x = column(8195);
      x[at] = Infinity;
      x[(at + 1) % 8195] = -Infinity;
      expect(minMax(x)).to.deep.equal({ min: -Infinity, max: Infinity, nan: false });
      expect(minMaxSimd(x)).to.deep.equal({ min: -Infinity, max: Infinity, nan: false });
    }
  });

  it('does not change its input', () => {
    const x = column(9000);
    const before = x.slice();
    minMax(x);
    expect(x).to.deep.equal(before);
  });
});

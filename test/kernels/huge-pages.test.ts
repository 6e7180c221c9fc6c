import { expect } from 'chai';
import * as fs from 'fs';
import { tf } from '../../lib/backend';
import { table } from '../../lib/data/table';
import { makeWindows } from '../../lib/preprocess/make-windows';
import { largeFloat32 } from '../../lib/kernels/huge-pages';
import { cHelper } from '../../lib/kernels/c-helper';
import { expectHostBelow } from '../host-checks';

/** Minor page faults of this process so far. */
const faults = () => process.resourceUsage().minorPageFault;
const thp = (() => {
  try {
    return fs.readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8');
  } catch {
    return '[never]';
  }
})();

describe('largeFloat32 (huge pages for large arrays)', () => {
  it('small arrays are plain Float32Arrays; large ones are zero-filled views of the right length', () => {
    const small = largeFloat32(1000);
    expect([small.length, small.byteOffset, small.buffer.byteLength]).to.deep.equal([1000, 0, 4000]);
    const n = 3_000_000; // 12 MB
    const big = largeFloat32(n);
    expect(big.length).to.equal(n);
    expect(big.every((v) => v === 0)).to.equal(true);
    if (cHelper()) {
      expect(big.byteOffset % 16).to.equal(0);
      expect(big.byteOffset).to.be.below(2 << 20);
    }
  });

  it('with the helper built (scripts/setup.sh), writing 64 MB takes a few hundred page faults, not 16,000 (bound with TSDL_HOST_CHECKS=1)', function () {
    if (!cHelper()) this.skip(); // not built here (no C compiler or Node headers): small pages, same values
    if (thp.includes('[never]')) this.skip(); // the machine has transparent huge pages off
    const n = 16 * (1 << 20);
    const f0 = faults();
    const x = largeFloat32(n);
    for (let i = 0; i < n; i++) x[i] = i;
    expectHostBelow(faults() - f0, 2000, 'page faults writing 64 MB');
    expect(x[n - 1]).to.equal(n - 1);
  });

  it('tensors made from such a view hold its values, and windows from a large table are the rows', () => {
    const n = 40_000;
    const a = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    const b = Float64Array.from({ length: n }, (_, i) => i % 97);
    const w = makeWindows(table({ a, b }), { features: ['a', 'b'], targets: ['a'], lookback: 30, ordered: true }); // 9.6 MB of x
    for (const k of [0, 1, 12_345, w.xShape[0] - 1]) {
      for (const t of [0, 17, 29]) {
        expect(w.x[(k * 30 + t) * 2]).to.equal(Math.fround(a[k + t]));
        expect(w.x[(k * 30 + t) * 2 + 1]).to.equal(Math.fround(b[k + t]));
      }
    }
    const x = tf.tensor3d(w.x, w.xShape);
    const back = x.dataSync();
    x.dispose();
    expect(back.length).to.equal(w.x.length);
    expect(back[0]).to.equal(w.x[0]);
    expect(back[back.length - 1]).to.equal(w.x[w.x.length - 1]);
    expect(back[123_457]).to.equal(w.x[123_457]);
  });
});

import { expect } from 'chai';
import { unrolledEnd } from '../../lib/kernels/unrolled-end';

describe('unrolledEnd (kernels/unrolled-end.ts)', () => {
  it('is start plus the largest multiple of step that fits before n, and start when nothing is left', () => {
    for (let start = 0; start < 4; start++)
      for (let n = 0; n < 20; n++)
        for (const step of [1, 2, 4, 8]) {
          const e = unrolledEnd(start, n, step);
          if (n <= start) expect(e).to.equal(start);
          else {
            expect((e - start) % step, `${start} ${n} ${step}`).to.equal(0);
            expect(e <= n && n - e < step, `${start} ${n} ${step}`).to.equal(true);
          }
        }
  });
});

import { expect } from 'chai';
import { argmaxRows } from '../../lib/util/argmax-rows';

describe('argmaxRows (util/argmax-rows.ts)', () => {
  it('is np.argmax(axis=1) of a row-major [rows × k] array: the first index on ties', () => {
    const p = [0.2, 0.5, 0.3, 0.4, 0.4, 0.2, 0.1, 0.1, 0.8];
    expect(Array.from(argmaxRows(p, 3))).to.deep.equal([1, 0, 2]);
    expect(Array.from(argmaxRows(Float32Array.from([1, 2, 2, 1]), 2))).to.deep.equal([1, 0]);
    expect(argmaxRows([], 3).length).to.equal(0);
  });
});

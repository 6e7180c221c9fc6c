import { expect } from 'chai';
import { fillForward } from '../../lib/features/fill-forward';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';

describe('fillForward (features/fill-forward.ts)', () => {
  it('fillForward carries the last value over gaps (pandas ffill), with limit; leading gaps stay NaN', () => {
    const x = [NaN, 1, NaN, NaN, NaN, 2, NaN, Infinity, NaN];
    // By hand: the leading NaN has nothing before it; Infinity is a value, not a gap.
    expect(Array.from(fillForward(x))).to.deep.equal([NaN, 1, 1, 1, 1, 2, 2, Infinity, Infinity]);
    expect(Array.from(fillForward(x, { limit: 2 }))).to.deep.equal([NaN, 1, 1, 1, NaN, 2, 2, Infinity, Infinity]);
    expect(x[2]).to.be.NaN; // input untouched
    expectError(() => fillForward(x, { limit: 0 }), InputError, 'limit must be an integer ≥ 1, got 0');
  });
});

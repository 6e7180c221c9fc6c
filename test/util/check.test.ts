import { expect } from 'chai';
import fc from 'fast-check';
import { allFinite, checkFinite, checkFraction, checkOneOf, checkPositiveInt, checkRowCount } from '../../lib/util/check';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';

describe('argument checks (util/check.ts)', () => {
  it('allFinite is false exactly when some value is NaN or ±Infinity, at any position and length', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 9 }), (values) => {
        expect(allFinite(Float64Array.from(values))).to.equal(values.every(Number.isFinite));
      }),
      { numRuns: 2000 },
    );
    expect(allFinite(new Float64Array(0))).to.equal(true);
  });

  it('each check names the option, the bad value and the fix', () => {
    expect(checkPositiveInt('epochs', 3)).to.equal(3);
    expectError(() => checkPositiveInt('epochs', 2.5), InputError, 'epochs must be an integer ≥ 1, got 2.5');
    expectError(() => checkPositiveInt('skipRows', -1, 0), InputError, 'skipRows must be an integer ≥ 0, got -1');
    expectError(() => checkRowCount('kFold', new Float64Array(3)), InputError, 'kFold takes the number of rows (e.g. table.numRows), got a Float64Array');
    expectError(() => checkFraction('testSize', 20), InputError, 'testSize must be a fraction between 0 and 1', 'got 20', '0.2 for 20%');
    expectError(() => checkOneOf('strategy', 'avg', ['mean', 'median']), InputError, 'unknown strategy "avg" (valid: mean, median)');
    expectError(() => checkFinite(Float64Array.from([1, NaN]), 'column "x"', 'drop it', 10), InputError, 'column "x" holds NaN at row 11; drop it');
    checkFinite([1, 2], 'x'); // finite: no error
  });
});

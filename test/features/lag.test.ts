import { expect } from 'chai';
import { diff, lag, lead, spread } from '../../lib/features/lag';
import { InputError } from '../../lib/util/errors';
import { expectClose, expectError, fixture } from '../helpers';

const g = fixture('features.json');
const close: number[] = g.close;

describe('lag, lead, diff, spread (features/lag.ts)', () => {
  const cases: [string, () => Float64Array][] = [
    ['diff_2', () => diff(close, 2)],
    ['shift_3', () => lag(close, 3)],
  ];
  for (const [name, f] of cases) it(name, () => expectClose(f(), g[name], 1e-9, name));

  // The same closes with holes: at the start, single, a run of five, a run longer than the window.
  const holed = (g.holed as (number | null)[]).map((v) => v ?? NaN);
  const holedCases: [string, () => Float64Array][] = [['holed_diff_1', () => diff(holed, 1)]];
  for (const [name, f] of holedCases) it(`${name} (missing prices skipped as pandas skips them)`, () => expectClose(f(), g[name], 1e-9, name));

  it('lead: the value k rows ahead, for targets (pandas shift(-k)); the last k are NaN', () => {
    expect(Array.from(lead([1, 2, 3, 4], 1))).to.deep.equal([2, 3, 4, NaN]);
    expect(Array.from(lead([1, 2, 3, 4], 3))).to.deep.equal([4, NaN, NaN, NaN]);
    expectError(() => lead([1, 2], 0), InputError, 'k must be an integer ≥ 1');
  });

  it('spread subtracts and refuses misaligned series', () => {
    expect(Array.from(spread([5, 6], [1, 4]))).to.deep.equal([4, 2]);
    expectError(() => spread([1], [1, 2]), InputError, '1 and 2 values', 'align'); // was a RangeError, outside the TsdlError family
  });
});

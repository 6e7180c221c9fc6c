import { expect } from 'chai';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';
import { decimalYearToDate, decimalYearsToDates } from '../../lib/data/decimal-year';

describe('decimalYearToDate', () => {
  it('maps fractions of the year to days (hand-computed: 1991 has 365 days)', () => {
    expect(new Date(decimalYearToDate(1991)).toISOString().slice(0, 10)).to.equal('1991-01-01');
    // 0.4 × 365 days = 146 days after Jan 1 → May 27; 0.5 × 365 = 182.5 days → noon of July 2, rounded up to July 3.
    expect(new Date(decimalYearToDate(1991.4)).toISOString().slice(0, 10)).to.equal('1991-05-27');
    expect(new Date(decimalYearToDate(1991.5)).toISOString().slice(0, 10)).to.equal('1991-07-03');
    expectError(() => decimalYearsToDates([1991.5, 1991.5001]), InputError, 'map to the same or an earlier day');
  });
  it('rounds to the nearest day: six-digit decimal years of Jan 1, 2 and 3 are three days (flooring put the first two on Jan 1)', () => {
    // 2001.002739 is 0.99974 days after Jan 1 (1/365 = 0.0027397…, cut to six digits): Jan 2, not Jan 1.
    const days = decimalYearsToDates([2001.0, 2001.002739, 2001.005479]).map((d) => d.toISOString().slice(0, 10));
    expect(days).to.deep.equal(['2001-01-01', '2001-01-02', '2001-01-03']);
  });
});

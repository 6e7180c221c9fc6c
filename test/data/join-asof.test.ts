import { expect } from 'chai';
import { table } from '../../lib/data/table';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';
import { joinAsOf } from '../../lib/data/join-asof';

describe('joinAsOf', () => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  const monthly = table({ date: ['2000-01-01', '2000-02-01', '2000-03-01', '2000-04-01', '2000-05-01'].map(d), y: [1, 2, 3, 4, 5] });
  const quarterly = table({ date: ['2000-01-01', '2000-04-01'].map(d), gdp: [100, 110] });

  it('takes the last right row at or before each left date, NaN before the first (hand-checked)', () => {
    const j = joinAsOf(monthly, quarterly);
    expect(Array.from(j.numbers('gdp'))).to.deep.equal([100, 100, 100, 110, 110]);
    expect(j.columnNames).to.deep.equal(['date', 'y', 'gdp']);
  });

  it('availableAfterMs delays each right row to when it was known: no look-ahead', () => {
    const j = joinAsOf(monthly, quarterly, { availableAfterMs: 45 * 864e5, prefix: 'macro_' });
    // Q1 (dated Jan 1) is usable from Feb 15 → first in March; Q2 (Apr 1) from May 16 → not yet in May.
    expect(Array.from(j.numbers('macro_gdp'))).to.deep.equal([NaN, NaN, 100, 100, 100]);
  });

  it('joins a panel (several symbols per date) row by row; repeated or unsorted right dates are refused', () => {
    const panel = table({ date: ['2000-01-01', '2000-01-01', '2000-04-01', '2000-04-01'].map(d), symbol: ['A', 'B', 'A', 'B'] });
    expect(Array.from(joinAsOf(panel, quarterly).numbers('gdp'))).to.deep.equal([100, 100, 110, 110]); // refused before as a duplicate date
    const doubled = table({ date: ['2000-01-01', '2000-01-01'].map(d), gdp: [1, 2] });
    expectError(() => joinAsOf(monthly, doubled), InputError, 'duplicate date 2000-01-01');
    expectError(() => joinAsOf(table({ date: ['2000-02-01', '2000-01-01'].map(d) }), quarterly), InputError, 'not sorted', 'row 1');
  });

  it('names a missing date column and a clashing column name', () => {
    expectError(() => joinAsOf(monthly, table({ when: [1], gdp: [1] }), { on: 'date' }), InputError, 'right table has no date column "date"', 'when, gdp');
    expectError(() => joinAsOf(monthly, table({ date: [d('2000-01-01')], y: [1] })), InputError, 'column "y" is in both tables', 'prefix');
  });
});

import { expect } from 'chai';
import * as path from 'path';
import { loadCsv } from '../../lib/data/load-csv';
import { table } from '../../lib/data/table';
import { splitByTime } from '../../lib/preprocess/split-by-time';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectError } from '../helpers';

describe('splitByTime', () => {
  const yields = loadCsv(path.join(DATASETS, 'treasury-yields-monthly.csv'));
  it('puts the latest rows in test, never shuffling', () => {
    const { train, test } = splitByTime(yields, { testSize: 0.2 });
    expect(train.numRows + test.numRows).to.equal(558);
    expect(test.numRows).to.equal(Math.ceil(558 * 0.2));
    expect(train.dates('date')[train.numRows - 1]).to.be.below(test.dates('date')[0]);
  });
  it('splits at a cutoff date', () => {
    const { test } = splitByTime(yields, { cutoff: '1990-01-01' });
    expect(new Date(test.dates('date')[0]).toISOString().slice(0, 7)).to.equal('1990-01');
  });
  it('reads a cutoff string in UTC, as the loader reads dates, whatever the time zone of the machine', () => {
    // In New York, Date.parse reads "2010-01-01 00:00" and "Jan 1 2010" as 05:00 UTC: the 2010-01-01 row
    // (a UTC midnight, as loaded) would land in training.
    const days = table({ date: ['2009-12-30', '2009-12-31', '2010-01-01', '2010-01-04'].map((s) => new Date(`${s}T00:00:00Z`)), a: [1, 2, 3, 4] });
    const tz = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(new Date(2010, 0, 1).getTime()).to.not.equal(Date.UTC(2010, 0, 1)); // the zone took effect
      for (const cutoff of ['2010-01-01', '2010-01-01 00:00', 'Jan 1 2010', '01/01/2010', '01.01.2010']) {
        expect(splitByTime(days, { cutoff }).test.numRows, cutoff).to.equal(2);
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    expectError(() => splitByTime(days, { cutoff: '2010-02-30' }), InputError, 'cutoff "2010-02-30" is not a date');
  });
  it('bad input: fraction outside (0,1), unsorted and duplicate dates', () => {
    expectError(() => splitByTime(yields, { testSize: 1.5 }), InputError, 'testSize', '1.5');
    expectError(() => splitByTime(yields, { testSize: 0 }), InputError, 'testSize');
    const d = (s: string) => new Date(s);
    expectError(() => splitByTime(table({ date: [d('2000-01-02'), d('2000-01-01'), d('2000-01-03')], x: [1, 2, 3] })), InputError, 'not sorted', 'row 1');
    expectError(() => splitByTime(table({ date: [d('2000-01-01'), d('2000-01-01'), d('2000-01-03')], x: [1, 2, 3] })), InputError, 'duplicate date 2000-01-01');
    // An invalid Date is NaN, which no comparison catches: refused by name.
    expectError(() => splitByTime(table({ date: [d('2000-01-01'), d('not a date'), d('2000-01-03')], x: [1, 2, 3] })), InputError, 'no date at row 1');
  });
});

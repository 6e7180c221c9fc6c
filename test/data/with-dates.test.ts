import { expect } from 'chai';
import { readCsv } from '../../lib/data/load-csv';
import { withDates } from '../../lib/data/with-dates';
import { requireColumns } from '../../lib/data/require-columns';
import { InputError } from '../../lib/util/errors';
import { collectNotices } from '../../lib/util/notice';
import { expectError } from '../helpers';

describe('withDates: periods in two columns, whole years (issue 31, item 15)', () => {
  it('year + quarter columns become a quarter date column on their own (dateColumn=year was refused as "not decimal years")', () => {
    const t = readCsv('year,quarter,gdp\n2020,4,8\n2020,1,5\n2020,2,6\n2020,3,7\n2021,Q1,9\n');
    const { result, notices } = collectNotices(() => withDates(t));
    expect(result.dateColumn).to.equal('period');
    // Sorted oldest first: 2020Q4 was the first row.
    expect(result.table.strings('period')).to.deep.equal(['2020-01-01', '2020-04-01', '2020-07-01', '2020-10-01', '2021-01-01']);
    expect(Array.from(result.table.numbers('gdp'))).to.deep.equal([5, 6, 7, 8, 9]);
    expect(notices.join('\n')).to.include('"year" and "quarter" combined into a quarter date column');
  });

  it('-p dateColumn=yr,month names them (numbers or month names); requireColumns checks each name', () => {
    const t = readCsv('yr,month,v\n2020,Jan,1\n2020,2,2\n2020,Mar,3\n');
    expect(withDates(t, 'yr,month').table.strings('period')).to.deep.equal(['2020-01-01', '2020-02-01', '2020-03-01']);
    expect(() => requireColumns(t, { dateColumn: 'yr,month' })).to.not.throw();
    expectError(() => requireColumns(t, { dateColumn: 'yr,quarter' }), InputError, 'names "quarter", which is not a column');
    expectError(() => withDates(readCsv('year,part,v\n2020,x,1\n2021,y,2\n'), 'year,part'), InputError, 'neither quarters');
  });

  it('an annual series of whole years in a "year" column is read as 1 January of each; other integers are refused with the two-column fix', () => {
    expect(withDates(readCsv('year,v\n1991,1\n1992,2\n'), 'year').table.strings('year')).to.deep.equal(['1991-01-01', '1992-01-01']);
    expectError(() => withDates(readCsv('n,v\n1991,1\n1992,2\n'), 'n'), InputError, '-p dateColumn=n,<quarter or month column>');
  });
});

describe('a numeric column named like a date stays a number unless its values are dates (issue 31, item 14)', () => {
  it('"time" of survival days or decimal years loads as numbers with a notice (the load failed); decimal years then become dates', () => {
    const { result: days, notices } = collectNotices(() => readCsv('time,status\n400,1\n4500,0\n1012,1\n'));
    expect(days.kind('time')).to.equal('number');
    expect(Array.from(days.numbers('time'))).to.deep.equal([400, 4500, 1012]);
    expect(notices.join('\n')).to.include('column "time" is named like a date but holds numbers').and.include('kept as numbers');
    const ts = readCsv('time,x\n1991.0,2\n1991.5,3\n1992.0,4\n');
    // 1991.5: half of 365 days after 1 January is 2 July, noon, rounded to the day.
    expect(withDates(ts).table.strings('time')).to.deep.equal(['1991-01-01', '1991-07-03', '1992-01-01']);
    // Named as dates, or values that are dates: dates as before.
    expect(readCsv('date,x\n20200101,2\n20200102,3\n').kind('date')).to.equal('date');
    expectError(() => readCsv('time,x\n400,1\n', { dates: ['time'] }), InputError, 'not a date format');
  });
});

describe('withDates: a day index orders a series without a calendar (issue 31, item 15)', () => {
  it('-p dateColumn=day_index keeps the positions as numbers, sorts by them and gives the "observations" frequency', () => {
    const t = readCsv('day_index,decimal_year,DAX\n3,1991.5038,1620\n1,1991.4962,1628.75\n2,1991.5,1613.63\n');
    const { result, notices } = collectNotices(() => withDates(t, 'day_index'));
    expect(result.dateColumn).to.equal('day_index');
    expect(result.table.kind('day_index')).to.equal('number');
    expect(Array.from(result.table.numbers('day_index'))).to.deep.equal([1, 2, 3]);
    expect(Array.from(result.table.numbers('DAX'))).to.deep.equal([1628.75, 1613.63, 1620]);
    expect(result.frequency?.name).to.equal('observations');
    expect(result.frequency?.units).to.equal('observations');
    // Nothing is annualised by guess: periods a year are unknown until the caller says.
    expect(result.frequency?.periodsPerYear).to.be.NaN;
    expect(notices.join('\n')).to.include('"day_index" holds positions (1 to 3), not dates');
    // The input is not reordered in place.
    expect(Array.from(t.numbers('day_index'))).to.deep.equal([3, 1, 2]);
    // A date column gives no frequency here: inferFrequency reads it from the dates.
    expect(withDates(t, 'decimal_year').frequency).to.equal(undefined);
  });

  it('refuses a repeated position (a panel) naming -p series, and year-like integers in a column not named year', () => {
    expectError(() => withDates(readCsv('t,v\n1,5\n2,6\n2,7\n'), 't'), InputError, 'repeats position 2 (rows 1 and 2)', '-p series=');
    expectError(() => withDates(readCsv('n,v\n1991,1\n1992,2\n'), 'n'), InputError, 'look like years', 'rename it "year"');
    // Without the column named, positions are never guessed: the table has no date column.
    expectError(() => withDates(readCsv('day_index,v\n1,5\n2,6\n3,7\n')), InputError, 'no date column', '-p dateColumn=');
  });
});

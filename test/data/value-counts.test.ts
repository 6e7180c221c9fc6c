import { expect } from 'chai';
import { valueCounts } from '../../lib/data/value-counts';
import { readCsv } from '../../lib/data/load-csv';
import { table } from '../../lib/data/table';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';

describe('valueCounts (data/value-counts.ts)', () => {
  it("counts each value, most frequent first, ties in first-seen order, with each value's share (pandas' value_counts)", () => {
    const t = table({ diagnosis: ['B', 'M', 'B', null, 'M', 'B', 'X'] });
    const v = valueCounts(t, 'diagnosis');
    expect(v.columnNames).to.deep.equal(['diagnosis', 'count', 'share']);
    expect(v.strings('diagnosis')).to.deep.equal(['B', 'M', 'X']);
    expect(Array.from(v.numbers('count'))).to.deep.equal([3, 2, 1]);
    expect(Array.from(v.numbers('share'))).to.deep.equal([0.5, 2 / 6, 1 / 6]);
    // dropna=False: the missing value counted as its own row.
    const all = valueCounts(t, 'diagnosis', { includeMissing: true });
    expect(all.strings('diagnosis')).to.deep.equal(['B', 'M', null, 'X']);
    expect(Array.from(all.numbers('share'))).to.deep.equal([3 / 7, 2 / 7, 1 / 7, 1 / 7]);
  });

  it('numbers stay numbers and dates dates; a column named count is renamed; a missing column names the columns', () => {
    const t = readCsv('day,count\n2020-01-02,1\n2020-01-02,1\n2020-01-03,2\n');
    const days = valueCounts(t, 'day');
    expect(days.kind('day')).to.equal('date');
    expect(days.strings('day')).to.deep.equal(['2020-01-02', '2020-01-03']);
    const c = valueCounts(t, 'count');
    expect(c.columnNames).to.deep.equal(['count_value', 'count', 'share']);
    expect(Array.from(c.numbers('count_value'))).to.deep.equal([1, 2]);
    expectError(() => valueCounts(t, 'nope'), InputError, '"nope" is not a column', 'columns: day, count');
  });
});

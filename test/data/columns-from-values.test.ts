import { expect } from 'chai';
import { columnOf, columnsFromArrays, columnsFromRows } from '../../lib/data/columns-from-values';

describe('typed columns from values (data/columns-from-values.ts)', () => {
  const jan = (d: number) => new Date(Date.UTC(2020, 0, d));

  it('columnsFromRows: dates when every present value is a Date, numbers when every present one is a number, else text', () => {
    const { columns, kinds } = columnsFromRows(
      [
        { d: jan(1), x: 1, s: 'a', m: 1 },
        { d: null, x: NaN, s: null, m: 'b' },
        { d: jan(3), x: undefined, s: 'c', m: 2 },
      ],
      ['d', 'x', 's', 'm'],
    );
    expect(Object.fromEntries(kinds)).to.deep.equal({ d: 'date' });
    expect(Array.from(columns.get('d') as Float64Array)).to.deep.equal([jan(1).getTime(), NaN, jan(3).getTime()]);
    expect(Array.from(columns.get('x') as Float64Array)).to.deep.equal([1, NaN, NaN]);
    expect(columns.get('s')).to.deep.equal(['a', null, 'c']);
    expect(columns.get('m')).to.deep.equal(['1', 'b', '2']); // mixed: text, each value as written
  });

  it('columnsFromArrays copies a Float64Array (the caller keeps theirs) and reads Date or null as a date column', () => {
    const mine = Float64Array.from([1, 2]);
    const { columns, kinds } = columnsFromArrays({ x: mine, d: [jan(1), null], n: [1, null], s: ['a', 1] });
    expect(columns.get('x')).to.not.equal(mine);
    mine[0] = 99;
    expect((columns.get('x') as Float64Array)[0]).to.equal(1);
    expect(Object.fromEntries(kinds)).to.deep.equal({ d: 'date' });
    expect(Array.from(columns.get('n') as Float64Array)).to.deep.equal([1, NaN]);
    expect(columns.get('s')).to.deep.equal(['a', '1']);
  });

  it('columnOf: the column and its kind for withColumn', () => {
    const f = Float64Array.from([1]);
    expect(columnOf(f)).to.deep.equal({ column: f, kind: 'number' });
    expect(columnOf([jan(2)]).kind).to.equal('date');
    expect(columnOf([1, 2]).kind).to.equal('number');
    const text = ['a', null];
    const out = columnOf(text);
    expect(out).to.deep.equal({ column: ['a', null], kind: 'string' });
    expect(out.column).to.not.equal(text); // copied: the table never shares the caller's array
  });
});

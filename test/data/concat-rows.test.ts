import { expect } from 'chai';
import * as path from 'path';
import { concatRows } from '../../lib/data/concat-rows';
import { groupBy } from '../../lib/data/group-by';
import { loadCsv, readCsv } from '../../lib/data/load-csv';
import { table } from '../../lib/data/table';
import { isoDate } from '../../lib/data/iso-date';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectError } from '../helpers';

describe('concatRows', () => {
  it('rebuilds the stocks panel from one table per symbol: concatRows with a key, then Table.sortBy date', () => {
    const file = path.join(DATASETS, 'stocks-monthly-2000-2010.csv');
    const stacked = loadCsv(file); // sorted by date: the symbols interleave, in file order within a date
    // One table per symbol, in file order (MSFT, AMZN, IBM, GOOG, AAPL), without the symbol column, as
    // separate files would load.
    const perSymbol = Object.fromEntries([...groupBy(loadCsv(file, { sortBy: false }), 'symbol')].map(([s, rows]) => [s, rows.drop(['symbol'])]));
    expect(Object.keys(perSymbol)).to.deep.equal(['MSFT', 'AMZN', 'IBM', 'GOOG', 'AAPL']);
    const rebuilt = concatRows(perSymbol, { key: 'symbol' }).sortBy('date');
    expect(rebuilt.columnNames).to.deep.equal(['symbol', 'date', 'price']);
    expect(rebuilt.strings('symbol')).to.deep.equal(stacked.strings('symbol'));
    expect(Array.from(rebuilt.dates('date'))).to.deep.equal(Array.from(stacked.dates('date')));
    expect(Array.from(rebuilt.numbers('price'))).to.deep.equal(Array.from(stacked.numbers('price')));
  });

  it("stacks tables in order, columns in the first table's order; text, numbers and dates alike", () => {
    const a = readCsv('date,x,note\n2020-01-02,1,a\n2020-01-03,2,\n');
    const b = readCsv('note,x,date\nc,3,2020-01-01\n');
    const t = concatRows([a, b]);
    expect(t.columnNames).to.deep.equal(['date', 'x', 'note']);
    expect(Array.from(t.numbers('x'))).to.deep.equal([1, 2, 3]);
    expect(t.strings('note')).to.deep.equal(['a', null, 'c']);
    expect(Array.from(t.dates('date'), isoDate)).to.deep.equal(['2020-01-02', '2020-01-03', '2020-01-01']);
    expect(Array.from(a.numbers('x'))).to.deep.equal([1, 2]); // inputs untouched
  });

  describe('bad input', () => {
    it('different columns or kinds name the table and the fix', () => {
      const a = table({ x: [1], y: [2] });
      expectError(() => concatRows([a, table({ x: [1] })]), InputError, 'table 1 lacks y', 'select the same columns');
      expectError(() => concatRows([a, table({ x: [1], y: [2], z: [3] })]), InputError, 'table 1 has z besides');
      expectError(() => concatRows([a, table({ x: [1], y: ['n/a'] })]), InputError, 'column "y" is string in table 1 but number in table 0', 'schema');
    });
    it('a key needs tables by name, tables by name need a key, and the key must be new', () => {
      const a = table({ x: [1] });
      expectError(() => concatRows({ A: a }), InputError, 'need { key }');
      expectError(() => concatRows([a], { key: 'symbol' }), InputError, 'tables given by name');
      expectError(() => concatRows({ A: table({ symbol: ['A'] }) }, { key: 'symbol' }), InputError, 'A already has a column "symbol"');
      expectError(() => concatRows([]), InputError, 'at least one table');
    });
  });
});

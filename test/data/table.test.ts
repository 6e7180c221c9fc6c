import { expect } from 'chai';
import fc from 'fast-check';
import { Table, table } from '../../lib/data/table';
import { toHTML } from '../../lib/display/to-html';
import { InputError } from '../../lib/util/errors';
import { expectError, tempDir } from '../helpers';
import * as path from 'path';
import { readCsv } from '../../lib/data/load-csv';
import { concatRows } from '../../lib/data/concat-rows';
import { mapGroups } from '../../lib/data/group-by';
import { writeParquet } from '../../lib/data/write-parquet';
import { loadParquet } from '../../lib/data/load-parquet';

describe('Table', () => {
  const t = table({ date: [new Date('2000-01-01'), new Date('2000-01-02'), new Date('2000-01-03')], x: [1, NaN, 3], s: ['a', null, 'c'] });

  it('keeps kinds and gives columns by name, listing the real names for an unknown one', () => {
    expect(t.kind('date')).to.equal('date');
    expect(t.kind('x')).to.equal('number');
    expect(t.kind('s')).to.equal('string');
    expectError(() => t.column('rte'), InputError, 'unknown column "rte"', 'columns: date, x, s');
  });

  it('sortBy: stable, missing values last, text by characters; an ordered table comes back as it is', () => {
    const t = table({ k: [3, NaN, 1, 3, 2], s: ['b', 'a', null, 'a', 'c'], i: [0, 1, 2, 3, 4] });
    expect(Array.from(t.sortBy('k').numbers('i'))).to.deep.equal([2, 4, 0, 3, 1]); // the two 3s keep their order; NaN last
    expect(Array.from(t.sortBy('s').numbers('i'))).to.deep.equal([1, 3, 0, 4, 2]); // null last
    const sorted = t.sortBy('i');
    expect(sorted).to.equal(t);
    expectError(() => t.sortBy('zz'), InputError, 'unknown column "zz"');
  });
  it('filter keeps the rows a mask or a row test says, in order', () => {
    const t = table({ sym: ['A', 'B', 'A'], q: [50, 200, 300] });
    expect(Array.from(t.filter(Array.from(t.numbers('q'), (q) => q > 100)).numbers('q'))).to.deep.equal([200, 300]);
    expect(Array.from(t.filter(Float64Array.of(1, 0, 1)).numbers('q'))).to.deep.equal([50, 300]);
    const sym = t.strings('sym');
    expect(t.filter((i) => sym[i] === 'A').strings('sym')).to.deep.equal(['A', 'A']);
    expect(t.filter(() => false).numRows).to.equal(0);
    expectError(() => t.filter([true]), InputError, 'mask has 1 entries but the table has 3 rows');
  });
  it('never mutates: withColumn, take, slice and dropMissing return new tables', () => {
    const x = t.numbers('x');
    const before = Array.from(x);
    const u = t.withColumn('x', [7, 8, 9]).take([2, 0]).slice(0, 1);
    expect(Array.from(t.numbers('x'))).to.deep.equal(before);
    expect(Array.from(u.numbers('x'))).to.deep.equal([9]);
    const d = t.dropMissing();
    expect(d.numRows).to.equal(2);
    expect(t.numRows).to.equal(3);
  });

  it('dropMissing: leading/trailing gaps give one zero-copy run, gaps inside give a gather; same rows either way', () => {
    const a = table({ x: [NaN, NaN, 1, 2, 3, NaN], y: [NaN, 5, 6, 7, 8, 9], s: ['a', 'b', 'c', 'd', 'e', 'f'] });
    const edge = a.dropMissing();
    expect(Array.from(edge.numbers('x'))).to.deep.equal([1, 2, 3]);
    expect(Array.from(edge.numbers('y'))).to.deep.equal([6, 7, 8]);
    expect(edge.strings('s')).to.deep.equal(['c', 'd', 'e']);
    expect(edge.numbers('x').buffer, 'a view of the same storage').to.equal(a.numbers('x').buffer);
    const inner = table({ x: [1, NaN, 3, 4], y: [5, 6, NaN, 8] }).dropMissing();
    expect(Array.from(inner.numbers('x'))).to.deep.equal([1, 4]);
    expect(Array.from(inner.numbers('y'))).to.deep.equal([5, 8]);
    expect(table({ x: [NaN, NaN] }).dropMissing().numRows).to.equal(0);
    expect(a.numRows, 'input untouched').to.equal(6);
  });

  it('dropMissing keeps exactly the rows with no NaN or null, for any pattern; ±Infinity is a value, not missing', () => {
    const cell = fc.oneof(fc.constant(NaN), fc.constant(Infinity), fc.constant(-Infinity), fc.integer({ min: -9, max: 9 }));
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 12 })
          .chain((n) =>
            fc.tuple(
              fc.array(cell, { minLength: n, maxLength: n }),
              fc.array(cell, { minLength: n, maxLength: n }),
              fc.array(fc.option(fc.constantFrom('a', 'b'), { nil: null }), { minLength: n, maxLength: n }),
            ),
          ),
        ([x, y, s]) => {
          const kept = x.map((_, i) => i).filter((i) => !Number.isNaN(x[i]) && !Number.isNaN(y[i]) && s[i] !== null);
          const d = table({ x, y, s: s.map((v) => v ?? null) }).dropMissing();
          expect(Array.from(d.numbers('x'))).to.deep.equal(kept.map((i) => x[i]));
          expect(Array.from(d.numbers('y'))).to.deep.equal(kept.map((i) => y[i]));
          expect(d.strings('s')).to.deep.equal(kept.map((i) => s[i]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round-trips through rows and danfo', () => {
    const rows = t.toRows();
    expect(rows[0].date).to.be.instanceOf(Date);
    const back = Table.fromRows(rows);
    expect(back.kind('date')).to.equal('date');
    const df = t.toDanfo() as { shape: number[]; columns: string[] };
    expect(df.shape).to.deep.equal([3, 3]);
    const again = Table.fromDanfo(df as never);
    expect(again.numbers('x')[2]).to.equal(3);
  });

  it('renders escaped HTML', () => {
    expect(toHTML(table({ s: ['<img src=x onerror=alert(1)>'] }))).to.include('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('Table.rename, shuffle and sample (pandas rename, sample(frac=1), sample(n))', () => {
  it('rename keeps kinds and order, refuses unknown names and collisions', () => {
    const t = table({ Date: [new Date(0)], 'Adj Close': [1.5], v: ['a'] });
    const r = t.rename({ Date: 'date', 'Adj Close': 'adj_close' });
    expect(r.columnNames).to.deep.equal(['date', 'adj_close', 'v']);
    expect(r.kind('date')).to.equal('date');
    expect(t.columnNames).to.deep.equal(['Date', 'Adj Close', 'v']); // the input is not mutated
    expectError(() => t.rename({ nope: 'x' }), InputError, 'nope');
    expectError(() => t.rename({ Date: 'v' }), InputError, 'two columns would be named "v"');
  });

  it('shuffle and sample are seeded permutations without replacement, rows kept whole', () => {
    const t = table({ i: Array.from({ length: 50 }, (_, k) => k), s: Array.from({ length: 50 }, (_, k) => `r${k}`) });
    const a = t.shuffle({ seed: 3 });
    expect(Array.from(a.numbers('i'))).to.deep.equal(Array.from(t.shuffle({ seed: 3 }).numbers('i')));
    expect(Array.from(a.numbers('i'))).to.not.deep.equal(Array.from(t.shuffle({ seed: 4 }).numbers('i')));
    expect([...a.numbers('i')].sort((x, y) => x - y)).to.deep.equal([...t.numbers('i')]);
    a.strings('s').forEach((s, k) => expect(s).to.equal(`r${a.numbers('i')[k]}`));
    const s = t.sample(10, { seed: 1 });
    expect(new Set(s.numbers('i')).size).to.equal(10);
    expectError(() => t.sample(51), InputError, 'from 0 to 50');
  });
});

describe('column names are an ordered list, any text a name (issue 31)', () => {
  // Integer-like names ("2021") were reordered and "__proto__" vanished: columns were object keys.
  const awkward = fc.oneof(
    fc.constantFrom('2021', '2020', '0', '1', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'x'),
    fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim() === s && s !== '' && !/["\r\n,]/.test(s)),
  );
  const names = fc.uniqueArray(awkward, { minLength: 1, maxLength: 7 });

  it('readCsv, select, rename, withColumn, concatRows, groupBy and Parquet keep names and order as given: property', function () {
    this.timeout(60_000);
    const dir = tempDir();
    fc.assert(
      fc.property(names, (cols) => {
        const csv = `${cols.join(',')}\n${cols.map((_, j) => j + 1).join(',')}\n${cols.map((_, j) => j * 10).join(',')}\n`;
        const t = readCsv(csv, { dates: false, delimiter: ',' });
        expect(t.columnNames).to.deep.equal(cols);
        cols.forEach((c, j) => expect(Array.from(t.numbers(c))).to.deep.equal([j + 1, j * 10]));
        expect(t.select([...cols].reverse()).columnNames).to.deep.equal([...cols].reverse());
        const renamed = t.rename(new Map(cols.map((c) => [c, `${c}!`])));
        expect(renamed.columnNames).to.deep.equal(cols.map((c) => `${c}!`));
        expect(t.withColumn(cols[0], [7, 8]).columnNames).to.deep.equal(cols);
        expect(concatRows([t, t]).columnNames).to.deep.equal(cols);
        expect(mapGroups(t.withColumn('__g', ['a', 'b']), '__g', (g) => g).columnNames).to.deep.equal([...cols, '__g']);
        const file = path.join(dir, 'p.parquet');
        writeParquet(t, file);
        expect(loadParquet(file).columnNames).to.deep.equal(cols);
        expect(Table.fromRows(t.toRows(), cols).columnNames).to.deep.equal(cols);
      }),
      { numRuns: 120 },
    );
  });

  it('table() and the constructor take a Map or [name, column] pairs in order; a plain object keeps its own keys only', () => {
    const t = table([
      ['2021', [1, 2]],
      ['__proto__', ['a', 'b']],
      ['constructor', [3, 4]],
    ]);
    expect(t.columnNames).to.deep.equal(['2021', '__proto__', 'constructor']);
    expect(t.kind('__proto__')).to.equal('string');
    expect(t.kind('constructor')).to.equal('number');
    expect(
      new Table(
        new Map([
          ['b', Float64Array.from([1])],
          ['1', Float64Array.from([2])],
        ]),
      ).columnNames,
    ).to.deep.equal(['b', '1']);
    expectError(
      () =>
        new Table([
          ['a', Float64Array.from([1])],
          ['a', Float64Array.from([2])],
        ]),
      InputError,
      'two columns are named "a"',
    );
  });
});

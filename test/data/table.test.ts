import { expect } from 'chai';
import * as path from 'path';
import { Table, table } from '../../lib/data/table';
import { loadCsv } from '../../lib/data/load-csv';
import { summarize } from '../../lib/data/summarize';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectClose, expectError, fixture } from '../helpers';

describe('Table', () => {
  const t = table({ date: [new Date('2000-01-01'), new Date('2000-01-02'), new Date('2000-01-03')], x: [1, NaN, 3], s: ['a', null, 'c'] });

  it('keeps kinds and gives columns by name, listing the real names for an unknown one', () => {
    expect(t.kind('date')).to.equal('date');
    expect(t.kind('x')).to.equal('number');
    expect(t.kind('s')).to.equal('string');
    expectError(() => t.column('rte'), InputError, 'unknown column "rte"', 'columns: date, x, s');
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

  it('renders escaped HTML and implements the Jupyter.display protocol', () => {
    const bundle = (table({ s: ['<img src=x onerror=alert(1)>'] }) as any)[Symbol.for('Jupyter.display')]();
    expect(bundle['text/html']).to.include('&lt;img src=x onerror=alert(1)&gt;');
    expect(bundle['text/plain']).to.include('<img');
  });
});

describe('summarize', () => {
  it("matches pandas' describe() on the S&P 500 file", () => {
    const golden = fixture('preprocess.json').sp500_describe;
    const s = summarize(loadCsv(path.join(DATASETS, 'sp500-daily-ohlcv-2000-2020.csv')));
    for (const col of ['open', 'close', 'volume']) {
      const c = s.columns.find((x) => x.column === col)!;
      const g = golden[col];
      expectClose([c.count, c.mean!, c.std!, c.min!, c.q25!, c.median!, c.q75!, c.max!], [g.count, g.mean, g.std, g.min, g['25%'], g['50%'], g['75%'], g.max], 1e-9, col);
    }
  });

  it('counts missing values (where danfo describe throws), class balance and date gaps', () => {
    const s = summarize(table({ date: [new Date('2001-09-07'), new Date('2001-09-10'), new Date('2001-09-17')], x: [1, NaN, 3], label: ['M', 'B', 'B'] }), { label: 'label' });
    expect(s.columns.find((c) => c.column === 'x')!.missing).to.equal(1);
    expect(s.classBalance!.counts).to.deep.equal({ M: 1, B: 2 });
    expect(s.dates!.maxGapDays).to.equal(7);
    expect(s.dates!.maxGapAfter).to.equal('2001-09-10');
    expect(s.toHTML()).to.include('<table');
  });
});

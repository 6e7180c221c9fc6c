import { expect } from 'chai';
import { expectSameTable } from './same-table';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadCsv } from '../../lib/data/load-csv';
import { loadParquet } from '../../lib/data/load-parquet';
import { loadArrow } from '../../lib/data/load-arrow';
import { writeParquet } from '../../lib/data/write-parquet';
import { collectNotices } from '../../lib/util/notice';
import { InputError } from '../../lib/util/errors';
import { written } from '../../scripts/export-parquet';

const DIR = path.join(__dirname, '..', 'fixtures', 'columnar');
const at = (f: string) => path.join(DIR, f);

describe('loadParquet and loadArrow', () => {
  // pandas writes "" to CSV as an empty field, which any CSV reader (pandas' too) reads as missing; Parquet keeps "".
  const emptyText = { note: (x: unknown, y: unknown) => (x === '' && y === null) || (x === null && y === '') };

  it('files pandas wrote as Parquet, Feather and CSV load as the same Table: dates, a UTC timestamp, int64 beyond 2^53 as text, nullable ints, NaN, text, a categorical, bools', () => {
    const csv = collectNotices(() => loadCsv(at('mixed.csv')));
    const pq = collectNotices(() => loadParquet(at('mixed.parquet')));
    const fe = collectNotices(() => loadArrow(at('mixed.feather')));
    expectSameTable(pq.result, csv.result, emptyText);
    expectSameTable(fe.result, csv.result, emptyText);
    expect(pq.result.strings('note')).to.include('');
    // Newest first in every file: each loader sorts by the first date column and says so.
    for (const r of [csv, pq, fe]) expect(r.notices.join(' ')).to.match(/run newest first; sorted by "date"/);
    expect(pq.result.strings('account')[11]).to.equal('9007199254740993'); // 2^53 + 1, every digit kept
    expect(pq.result.kind('stamp')).to.equal('date');
    expect(pq.result.dates('stamp')[0]).to.equal(Date.UTC(2021, 0, 1, 9, 30)); // the oldest month's row held the earliest hour
    expect(Number.isNaN(pq.result.numbers('visits')[10])).to.equal(true);
  });

  it('the shipped Treasury yields through pandas.to_parquet equal loadCsv of the CSV', () => {
    expectSameTable(loadParquet(at('treasury.parquet')), loadCsv(path.join(__dirname, '..', '..', 'datasets', 'treasury-yields-monthly.csv')));
  });

  it('columns decodes only those (in file order); filters keep rows as pandas read_parquet(filters=...) does', () => {
    const t = loadParquet(at('mixed.parquet'), {
      columns: ['price', 'date'],
      filters: [
        ['grade', 'in', ['low', 'mid']],
        ['date', '>=', new Date(Date.UTC(2021, 5, 1))],
      ],
    });
    expect(t.columnNames).to.deep.equal(['date', 'price']);
    const all = loadCsv(at('mixed.csv'));
    const grade = all.strings('grade');
    const d = all.dates('date');
    const keep = all.filter((i) => (grade[i] === 'low' || grade[i] === 'mid') && d[i] >= Date.UTC(2021, 5, 1)).select(['date', 'price']);
    expectSameTable(t, keep);
    expect(t.numRows).to.be.within(1, 6);
    const notIn = loadArrow(at('mixed.feather'), {
      filters: [
        ['visits', '>', 3],
        ['grade', 'not in', ['high']],
      ],
    });
    for (let i = 0; i < notIn.numRows; i++) {
      expect(notIn.numbers('visits')[i]).to.be.above(3);
      expect(notIn.strings('grade')[i]).to.not.equal('high');
    }
  });

  it('writeParquet: pandas reads back what was written (fixture), and loadParquet returns the same Table', () => {
    const golden = JSON.parse(fs.readFileSync(at('tsdl-written.json'), 'utf8'));
    const t = written();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-parquet-'));
    const file = path.join(dir, 'out.parquet');
    writeParquet(t, file);
    expectSameTable(loadParquet(file, { sortBy: false }), t);
    expect(golden.columns.date.values).to.deep.equal(Array.from(t.dates('date')));
    expect(golden.columns.price.values).to.deep.equal(Array.from(t.numbers('price'), (v) => (Number.isNaN(v) ? null : v)));
    expect(golden.columns.symbol.values).to.deep.equal(t.strings('symbol'));
    // The committed file pandas read is what writeParquet writes today.
    expectSameTable(loadParquet(at('tsdl-written.parquet'), { sortBy: false }), loadParquet(file, { sortBy: false }));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a CSV, a missing column, a bad filter and a ZSTD Feather file, naming the fix', () => {
    expect(() => loadParquet(at('mixed.csv'))).to.throw(InputError, /not a Parquet file.*loadCsv/);
    expect(() => loadParquet(at('mixed.parquet'), { columns: ['nope'] })).to.throw(InputError);
    expect(() => loadParquet(at('nope.parquet'))).to.throw(InputError, /no file/);
    expect(() => loadParquet(at('mixed.parquet'), { filters: [['price', '>', 'cheap']] })).to.throw(InputError, /compare with a number/);
    expect(() => loadParquet(at('mixed.parquet'), { filters: [['price', '~', 1] as any] })).to.throw(InputError, /unknown filter operator/);
    expect(() => loadArrow(at('mixed-zstd.feather'))).to.throw(InputError, /ZSTD is not.*compression="lz4"/);
    expect(() => loadArrow(at('mixed.csv'))).to.throw(InputError, /Arrow IPC/);
  });
});

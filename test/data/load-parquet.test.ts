import { expect } from 'chai';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadCsv } from '../../lib/data/load-csv';
import { loadParquet } from '../../lib/data/load-parquet';
import { loadArrow } from '../../lib/data/load-arrow';
import { writeParquet } from '../../lib/data/write-parquet';
import { scanParquet } from '../../lib/data/scan-parquet';
import { scanCsv } from '../../lib/data/scan-csv';
import { concatRows } from '../../lib/data/concat-rows';
import type { Table } from '../../lib/data/table';
import { collectNotices } from '../../lib/util/notice';
import { InputError } from '../../lib/util/errors';
import { written } from '../../scripts/export-parquet';

const DIR = path.join(__dirname, '..', 'fixtures', 'columnar');
const at = (f: string) => path.join(DIR, f);

/** Column by column: names, kinds and values (NaN equal to NaN). */
function expectSameTable(a: Table, b: Table, except: Record<string, (x: unknown, y: unknown) => boolean> = {}) {
  expect(a.columnNames).to.deep.equal(b.columnNames);
  expect(a.numRows).to.equal(b.numRows);
  for (const c of a.columnNames) {
    expect(a.kind(c), c).to.equal(b.kind(c));
    const x = a.kind(c) === 'string' ? a.strings(c) : Array.from(a.column(c) as Float64Array);
    const y = b.kind(c) === 'string' ? b.strings(c) : Array.from(b.column(c) as Float64Array);
    for (let i = 0; i < x.length; i++) {
      const same = Object.is(x[i], y[i]) || (except[c]?.(x[i], y[i]) ?? false);
      expect(same, `${c} row ${i}: ${x[i]} vs ${y[i]}`).to.equal(true);
    }
  }
}

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

describe('scanParquet', () => {
  it('batches in file order add up to loadParquet (several row groups, batches smaller than them), and a running sum equals the whole-table sum', async () => {
    const whole = loadParquet(at('treasury.parquet'), { sortBy: false });
    const parts: Table[] = [];
    const firstRows: number[] = [];
    let sum = 0;
    const r = await scanParquet(at('treasury.parquet'), { batchRows: 64 }, (t, info) => {
      parts.push(t);
      firstRows.push(info.firstRow);
      for (const v of t.numbers('yield_10y')) sum += v;
    });
    expect(r.rows).to.equal(whole.numRows);
    expect(r.batches).to.equal(parts.length);
    expect(parts.every((p) => p.numRows <= 64)).to.equal(true);
    expect(firstRows[1]).to.equal(parts[0].numRows);
    expectSameTable(concatRows(parts), whole);
    expect(sum).to.be.closeTo(
      whole.numbers('yield_10y').reduce((a, b) => a + b, 0),
      1e-9,
    );
  });

  it('columns decodes only those; a missing file and a missing callback are refused by name', async () => {
    const seen: string[][] = [];
    await scanParquet(at('mixed.parquet'), { columns: ['price'], batchRows: 5 }, (t) => void seen.push([...t.columnNames]));
    expect(seen.length).to.equal(3);
    expect(seen[0]).to.deep.equal(['price']);
    let caught: unknown;
    await scanParquet(at('nope.parquet'), {}, () => {}).catch((e) => (caught = e));
    expect(caught).to.be.instanceOf(InputError);
    caught = undefined;
    await scanParquet(at('mixed.parquet'), {}, undefined as any).catch((e) => (caught = e));
    expect((caught as Error).message).to.match(/pass a function/);
  });
});

describe('scanCsv', () => {
  const treasury = path.join(__dirname, '..', '..', 'datasets', 'treasury-yields-monthly.csv');

  it('batches cut at row ends add up to loadCsv of the whole file (small blocks: many batches), types fixed by the first batch', async () => {
    const whole = loadCsv(treasury, { sortBy: false });
    const parts: Table[] = [];
    const r = await scanCsv(treasury, { batchBytes: 2048 }, (t, info) => {
      expect(info.firstRow).to.equal(parts.reduce((s, p) => s + p.numRows, 0));
      parts.push(t);
    });
    expect(r.batches).to.be.above(5);
    expect(r.rows).to.equal(whole.numRows);
    expectSameTable(concatRows(parts), whole);
  });

  it('a quoted field with a line break and a delimiter stays whole across a block edge; a BOM and CRLF are read as loadCsv does', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-scan-csv-'));
    const file = path.join(dir, 'notes.csv');
    const rows = Array.from({ length: 60 }, (_, i) => `${i},"line one of ${i}\r\nline two, with a comma",${i * 1.5}`);
    fs.writeFileSync(file, '\uFEFFid,note,value\r\n' + rows.join('\r\n') + '\r\n');
    const parts: Table[] = [];
    await scanCsv(file, { batchBytes: 100 }, (t) => void parts.push(t));
    expect(parts.length).to.be.above(10);
    expectSameTable(concatRows(parts), loadCsv(file, { sortBy: false }));
    expect(concatRows(parts).strings('note')[59]).to.equal('line one of 59\r\nline two, with a comma');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a later batch whose value does not fit the first batch's type is an error naming it, not a silent switch to text", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-scan-csv-'));
    const file = path.join(dir, 'late-text.csv');
    fs.writeFileSync(file, 'x\n' + Array.from({ length: 200 }, (_, i) => (i === 150 ? 'oops' : String(i))).join('\n') + '\n');
    let caught: unknown;
    await scanCsv(file, { batchBytes: 256 }, () => {}).catch((e) => (caught = e));
    expect(caught).to.be.instanceOf(InputError);
    expect((caught as Error).message).to.include('oops');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('scanCsv headers', () => {
  it('a quoted header name with a line break is one header field (blocks smaller than the header)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-scan-csv-'));
    const file = path.join(dir, 'header.csv');
    fs.writeFileSync(file, 'id,"amount\nin EUR"\n' + Array.from({ length: 40 }, (_, i) => `${i},${i * 2}`).join('\n') + '\n');
    const parts: Table[] = [];
    await scanCsv(file, { batchBytes: 64 }, (t) => void parts.push(t));
    expectSameTable(concatRows(parts), loadCsv(file, { sortBy: false }));
    expect(parts[0].columnNames).to.deep.equal(['id', 'amount\nin EUR']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

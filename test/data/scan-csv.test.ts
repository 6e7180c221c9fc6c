import { expect } from 'chai';
import { expectSameTable } from './same-table';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadCsv } from '../../lib/data/load-csv';
import { scanCsv } from '../../lib/data/scan-csv';
import { concatRows } from '../../lib/data/concat-rows';
import type { Table } from '../../lib/data/table';
import { InputError } from '../../lib/util/errors';

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

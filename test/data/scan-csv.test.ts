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

describe('scanCsv reads every file as loadCsv does (issue 31)', () => {
  const write = (name: string, bytes: Buffer | string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-scan-csv-'));
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };
  const scanned = async (file: string, batchBytes: number) => {
    const parts: Table[] = [];
    await scanCsv(file, { batchBytes }, (t) => void parts.push(t));
    return concatRows(parts);
  };
  const rows = Array.from({ length: 120 }, (_, i) => `${i},"n ${i}",${(i * 0.25).toFixed(2)}`);

  it('CR-only line ends (they gave 0 rows) and a header ending in a bare CR (it repeated the first row in every batch)', async () => {
    const file = write('cr.csv', ['id,name,x', ...rows].join('\r') + '\r');
    const whole = loadCsv(file, { sortBy: false });
    expect(whole.numRows).to.equal(120);
    for (const b of [64, 100, 4096]) expectSameTable(await scanned(file, b), whole);
  });

  it('UTF-16 (both byte orders, a character cut by a block edge) is read, not refused with advice to use latin1', async () => {
    const text = ['id,name,x', ...rows.map((r) => r.replace('n ', 'Zürich 北京 '))].join('\r\n') + '\r\n';
    const le = Buffer.from('\uFEFF' + text, 'utf16le');
    for (const bytes of [le, Buffer.from(le).swap16()]) {
      const file = write('u16.csv', bytes);
      const whole = loadCsv(file, { sortBy: false });
      expect(whole.strings('name')[7]).to.equal('Zürich 北京 7');
      for (const b of [65, 127, 4096]) expectSameTable(await scanned(file, b), whole);
    }
  });

  it('two byte-order marks: the first column is "date" in both readers (loadCsv kept the quotes)', async () => {
    const file = write('bom2.csv', '\uFEFF\uFEFF"date",x\n2020-01-01,1\n2020-01-02,2\n');
    expect(loadCsv(file).columnNames).to.deep.equal(['date', 'x']);
    expectSameTable(await scanned(file, 64), loadCsv(file, { sortBy: false }));
  });

  it('slash dates: the first batch fixes day or month first per column for the rest, as loadCsv reads the whole column', async () => {
    // Column d is settled day first by its first row (25/03); e reads either way throughout and stays month first.
    const body = Array.from({ length: 60 }, (_, i) => `${i === 0 ? 25 : 2}/03/2020,0${(i % 9) + 1}/02/2021,${i}`);
    const file = write('slash.csv', ['d,e,x', ...body].join('\n') + '\n');
    const whole = loadCsv(file, { sortBy: false });
    expect(whole.strings('d')[1]).to.equal('2020-03-02');
    expect(whole.strings('e')[1]).to.equal('2021-02-02');
    for (const b of [64, 300]) expectSameTable(await scanned(file, b), whole);
  });

  it('a one-column file: a blank last line is a missing value in both readers', async () => {
    const file = write('one.csv', 'v\r"a"\r\r"b"1\r\r');
    const whole = loadCsv(file, { sortBy: false });
    expect(whole.strings('v')).to.deep.equal(['a', null, 'b1', null]);
    for (const b of [64, 4096]) expectSameTable(await scanned(file, b), whole);
  });

  it('differential fuzz: 2,000 generated files, scanCsv at three block sizes against loadCsv, no hang (20 s watchdog per file)', async function () {
    this.timeout(300_000);
    const { spawn } = await import('child_process');
    const driver = path.join(__dirname, 'csv-fuzz.ts');
    const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), driver, '2000', '11'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let current = '';
    let hung = '';
    let watchdog = setTimeout(() => undefined, 0);
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        hung = current;
        child.kill('SIGKILL');
      }, 20_000);
    };
    arm();
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const starts = out.match(/start (\d+)\n/g);
      if (starts) current = starts[starts.length - 1];
      arm();
    });
    await new Promise((resolve) => child.on('close', resolve));
    clearTimeout(watchdog);
    expect(hung, `a file hung (${hung.trim()}); reproduce with fuzzFile(11 * 100003 + i)`).to.equal('');
    const diffs = out.split('\n').filter((l) => l.startsWith('diff') || l.startsWith('crash'));
    expect(diffs, diffs.join('\n')).to.deep.equal([]);
    const done = /done (\d+) (\d+) 0/.exec(out);
    expect(done, out.slice(-500)).to.not.equal(null);
    expect(Number(done![1])).to.equal(2000);
    expect(Number(done![2])).to.be.above(6000); // many batches: the block edges were crossed
  });
});

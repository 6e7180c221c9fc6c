/**
 * The differential CSV fuzz (run by scan-csv.test.ts in a child process, so that a hang is caught by a
 * watchdog instead of freezing the suite): generated files in every line-end style, byte-order marks, UTF-8 and
 * UTF-16, quoting (doubled quotes, quoted line breaks, text after a closing quote), numbers, text, ISO and slash
 * dates and missing markers; each read by loadCsv and by scanCsv at several block sizes, which must agree.
 * Prints "start <i>" before each file and "done <files> <batches>" at the end; a difference is printed as
 * "diff <i> <what>" with the file kept under the printed folder.
 *
 * Run by hand: npx tsx test/data/csv-fuzz.ts <files> <seed>
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadCsv } from '../../lib/data/load-csv';
import { scanCsv } from '../../lib/data/scan-csv';
import type { Table } from '../../lib/data/table';
import { seededRng, type Rng } from '../../lib/util/rng';

type Kind = 'int' | 'decimal' | 'text' | 'quoted' | 'after-quote' | 'iso' | 'slash-md' | 'slash-df';

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pad = (n: number) => String(n).padStart(2, '0');

/** One field of a column of `kind` in row r (r = 0 settles a day-first column: its day is above 12). */
function field(rng: Rng, kind: Kind, r: number): string {
  switch (kind) {
    case 'int':
      return String(int(rng, -500, 100000));
    case 'decimal':
      return (rng() * 2000 - 1000).toFixed(int(rng, 0, 6));
    case 'text':
      return pick(rng, ['alpha', 'b', 'Zürich', 'x y', 'NA-free', 'é', '北京', 'a-b']) + int(rng, 0, 9);
    case 'quoted':
      return `"${pick(rng, ['a,b', 'line\nbreak', 'say ""hi""', 'cr\r\nlf', 'plain', ' padded ', 'x;y|z'])}${int(rng, 0, 99)}"`;
    case 'after-quote':
      return `"${pick(rng, ['q', 'w e', 'x,y'])}"${pick(rng, ['1', 'tail', 'z z'])}`;
    case 'iso':
      return `${int(rng, 1990, 2030)}-${pad(int(rng, 1, 12))}-${pad(int(rng, 1, 28))}`;
    case 'slash-md':
      return `${pad(int(rng, 1, 12))}/${pad(int(rng, 1, 12))}/${int(rng, 1990, 2030)}`;
    case 'slash-df':
      return `${pad(r === 0 ? int(rng, 13, 28) : int(rng, 1, 28))}/${pad(int(rng, 1, 12))}/${int(rng, 1990, 2030)}`;
  }
}

const KINDS: readonly Kind[] = ['int', 'decimal', 'text', 'quoted', 'after-quote', 'iso', 'slash-md', 'slash-df'];
const HEADERS = ['a', 'b', 'value', '2021', '2020', 'Amount in EUR', '"quoted, name"', 'ß', 'constructor', '__proto__', 'x y'];

/** A generated CSV file's bytes. */
export function fuzzFile(seed: number): Buffer {
  const rng = seededRng(seed);
  const width = int(rng, 1, 5);
  const kinds = Array.from({ length: width }, () => pick(rng, KINDS));
  const names = [...HEADERS].sort(() => rng() - 0.5).slice(0, width);
  const rows = int(rng, 1, 60);
  const eol = pick(rng, ['\n', '\r\n', '\r']);
  const lines = [names.join(',')];
  for (let r = 0; r < rows; r++) {
    // Missing values only after the first rows, so the first batch always sees a column's type.
    lines.push(kinds.map((k) => (r > 8 && rng() < 0.05 && !k.startsWith('slash') ? pick(rng, ['', 'NA']) : field(rng, k, r))).join(','));
  }
  const text = lines.join(eol) + (rng() < 0.8 ? eol : '');
  const bom = pick(rng, [0, 0, 1, 2]);
  const encoding = pick(rng, ['utf8', 'utf8', 'utf8', 'utf16le', 'utf16be']);
  if (encoding === 'utf8') return Buffer.concat([Buffer.from('\uFEFF'.repeat(bom)), Buffer.from(text)]);
  const le = Buffer.from('\uFEFF' + text, 'utf16le');
  return encoding === 'utf16le' ? le : Buffer.from(le).swap16();
}

function sameValues(a: Table, b: Table): string | undefined {
  if (a.columnNames.join('\u0001') !== b.columnNames.join('\u0001')) return `columns ${a.columnNames} vs ${b.columnNames}`;
  if (a.numRows !== b.numRows) return `rows ${a.numRows} vs ${b.numRows}`;
  for (const c of a.columnNames) {
    if (a.kind(c) !== b.kind(c)) return `kind of ${c}: ${a.kind(c)} vs ${b.kind(c)}`;
    const x = a.kind(c) === 'string' ? a.strings(c) : Array.from(a.column(c) as Float64Array);
    const y = b.kind(c) === 'string' ? b.strings(c) : Array.from(b.column(c) as Float64Array);
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return `${c} row ${i}: ${JSON.stringify(x[i])} vs ${JSON.stringify(y[i])}`;
  }
  return undefined;
}

async function main(files: number, seed: number): Promise<void> {
  process.env.TSDL_NOTICES = 'off';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-csv-fuzz-'));
  let batches = 0;
  let differences = 0;
  for (let i = 0; i < files; i++) {
    console.log(`start ${i}`);
    const file = path.join(dir, `f${i}.csv`);
    fs.writeFileSync(file, fuzzFile(seed * 100003 + i));
    let whole: Table | undefined;
    let wholeError = '';
    try {
      whole = loadCsv(file, { sortBy: false });
    } catch (e) {
      wholeError = String(e);
    }
    for (const batchBytes of [64, 257, 4096]) {
      const parts: Table[] = [];
      let scanError = '';
      try {
        await scanCsv(file, { batchBytes }, (t) => void parts.push(t));
      } catch (e) {
        scanError = String(e);
      }
      batches += parts.length;
      let what: string | undefined;
      if (whole === undefined) what = scanError ? undefined : `loadCsv failed (${wholeError}) but scanCsv read it`;
      else if (scanError) what = `scanCsv failed: ${scanError}`;
      else {
        const rows = parts.reduce((s, p) => s + p.numRows, 0);
        what = rows !== whole.numRows ? `rows ${rows} vs ${whole.numRows}` : undefined;
        let at = 0;
        for (const p of parts) {
          what ??= sameValues(p, whole.slice(at, at + p.numRows));
          at += p.numRows;
        }
      }
      if (what !== undefined) {
        differences++;
        console.log(`diff ${i} batchBytes=${batchBytes} ${what.slice(0, 300)} (file: ${file})`);
      }
    }
    if (differences === 0) fs.rmSync(file);
  }
  console.log(`done ${files} ${batches} ${differences}`);
  if (differences === 0) fs.rmSync(dir, { recursive: true, force: true });
}

if (require.main === module) {
  main(Number(process.argv[2] ?? 2000), Number(process.argv[3] ?? 1)).catch((e) => {
    console.log(`crash ${String(e)}`);
    process.exit(1);
  });
}

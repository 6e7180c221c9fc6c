import { expect } from 'chai';
import { execFileSync } from 'child_process';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { parseCsv, ParseCsvOptions } from '../../lib/data/parse-csv';
import { table } from '../../lib/data/table';
import { pctChange } from '../../lib/features/returns';
import { FittedScaler, minMaxScaler, robustScaler, standardScaler } from '../../lib/preprocess/scaler';
import { minMax, minMaxScalar } from '../../lib/kernels/min-max';
import { makeWindows } from '../../lib/preprocess/make-windows';
import { C_HELPER_MIN_LENGTH, cHelper, describeCHelper, useCHelper } from '../../lib/kernels/c-helper';
import { describeBackend } from '../../lib/backend';
import { uninitializedFloat64 } from '../../lib/util/alloc';
import { seededRng } from '../../lib/util/rng';
import { expectHostBelow } from '../host-checks';

/** Minor page faults of this process so far. */
const faults = () => process.resourceUsage().minorPageFault;

/** Values that test every branch of IEEE division: signed zeros, infinities, NaN, subnormals, huge and tiny. */
function awkward(n: number, seed: number): Float64Array {
  const rng = seededRng(seed);
  const special = [0, -0, Infinity, -Infinity, NaN, 5e-324, -2.5e-310, 1.7976931348623157e308, 1e-300, 1, -1];
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = rng() < 0.1 ? special[Math.floor(rng() * special.length)] : (rng() - 0.3) * 10 ** Math.floor(rng() * 12 - 6);
  return x;
}

/** Same bits, NaN for NaN: Object.is tells -0 from 0. */
function expectSameBits(a: Float64Array, b: ArrayLike<number>): void {
  expect(a.length).to.equal(b.length);
  for (let i = 0; i < a.length; i++) {
    if (!Object.is(a[i], b[i])) expect.fail(`element ${i}: ${a[i]} against ${b[i]}`);
  }
}

/** fn with the C helper's functions switched off, then back on. */
function withoutHelper<T>(fn: () => T): T {
  useCHelper(false);
  try {
    return fn();
  } finally {
    useCHelper(true);
  }
}

describe('the C helper (native/, built by scripts/setup.sh)', function () {
  before(function () {
    if (!cHelper()) this.skip(); // not built here (no C compiler or Node headers): the TypeScript loops run, tested elsewhere
  });

  it("pctChange gives the TypeScript loop's bits, x[t] / x[t-k] - 1 as written here, for every length and lag", () => {
    for (const n of [C_HELPER_MIN_LENGTH, 1001, 4099]) {
      const x = awkward(n, n);
      for (const k of [1, 2, 3, 7, n - 1, n, n + 5]) {
        const hand = new Float64Array(n);
        for (let t = 0; t < n; t++) hand[t] = t < k ? NaN : x[t] / x[t - k] - 1;
        const withHelper = pctChange(x, k);
        expectSameBits(withHelper, hand);
        expectSameBits(
          withHelper,
          withoutHelper(() => pctChange(x, k)),
        );
      }
    }
  });

  it('the standard and robust scalers give the same bits with and without it', () => {
    const train = table({
      a: awkward(3000, 1).map((v) => (Math.abs(v) < 1e200 ? v : 0.5)),
      b: Float64Array.from({ length: 3000 }, (_, i) => Math.sin(i) * 1e3),
    });
    const test = table({ a: awkward(2000, 2), b: Float64Array.from({ length: 2000 }, (_, i) => Math.cos(i) * 1e3) });
    for (const spec of [standardScaler(), robustScaler()]) {
      const fitted = spec.fit(train) as FittedScaler;
      const on = fitted.transform(test);
      const off = withoutHelper(() => fitted.transform(test));
      for (const c of ['a', 'b']) expectSameBits(on.numbers(c), off.numbers(c));
      // and the formula by hand: (x - offset) / divisor
      const j = 1;
      const x = test.numbers('b');
      const o = fitted.offset[j];
      const s = fitted.scale[j];
      expectSameBits(
        on.numbers('b'),
        x.map((v) => (v - o) / s + 0),
      );
    }
  });

  it('the min-max scaler gives the same bits with and without it, x · scale + min as written here; min and max agree with the plain loop', () => {
    const train = table({
      a: awkward(3000, 3).map((v) => (Math.abs(v) < 1e200 ? v : 0.25)),
      b: Float64Array.from({ length: 3000 }, (_, i) => Math.sin(i) * 1e3),
    });
    const test = table({ a: awkward(2001, 4), b: Float64Array.from({ length: 2001 }, (_, i) => Math.cos(i) * 1e3) });
    const fitted = minMaxScaler({ featureRange: [-1, 1] }).fit(train) as FittedScaler;
    const on = fitted.transform(test);
    const off = withoutHelper(() => fitted.transform(test));
    for (const c of ['a', 'b']) expectSameBits(on.numbers(c), off.numbers(c));
    const mul = 1 / fitted.scale[1];
    const add = fitted.shift[1] - fitted.offset[1] * mul;
    expectSameBits(
      on.numbers('b'),
      test.numbers('b').map((v) => v * mul + add),
    );
    // min and max: every length around the kernel's 16-value blocks, with NaN, infinities and both zeros
    for (const n of [C_HELPER_MIN_LENGTH, 271, 1000, 1024, 4099]) {
      const x = awkward(n, n + 7);
      const withNaN = minMax(x);
      const plain = minMaxScalar(x);
      expect([withNaN.min, withNaN.max, withNaN.nan]).to.deep.equal([plain.min, plain.max, plain.nan]);
      const finite = x.map((v) => (Number.isNaN(v) ? 1 : v));
      const fast = minMax(finite);
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of finite) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      expect([fast.min === lo, fast.max === hi, fast.nan]).to.deep.equal([true, true, false]); // === : 0 and -0 may swap
      // the extremes and a NaN at each end, where blocks and leftovers meet
      for (const at of [0, 15, 16, n - 17, n - 1]) {
        const y = Float64Array.from({ length: n }, (_, i) => i % 7);
        y[at] = -1e9;
        y[n - 1 - at] = 1e9;
        expect([minMax(y).min, minMax(y).max]).to.deep.equal([-1e9, 1e9]);
        y[at] = NaN;
        expect(minMax(y).nan).to.equal(true);
      }
    }
  });

  it('makeWindows gives the same windows with and without it, for every layout (stride, horizon, steps, bounds)', () => {
    const n = 3000;
    const t = table({
      a: awkward(n, 5).map((v) => (Number.isFinite(v) ? v : 0.5)),
      b: Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 1e3),
      c: Float64Array.from({ length: n }, (_, i) => i),
    });
    const layouts = [
      { lookback: 30 },
      { lookback: 1 },
      { lookback: 7, stride: 3 },
      { lookback: 5, stride: 40 },
      { lookback: 12, horizon: 4, steps: 3 },
      { lookback: 10, samplingRate: 2 },
      { lookback: 20, targetStart: 1000, targetEnd: 2500 },
      { lookback: 2999 },
    ];
    for (const layout of layouts) {
      const options = { features: ['a', 'b', 'c'], targets: ['c', 'a'], ordered: true, ...layout };
      const on = makeWindows(t, options);
      const off = withoutHelper(() => makeWindows(t, options));
      expect(on.xShape).to.deep.equal(off.xShape);
      expect(Buffer.from(on.x.buffer, on.x.byteOffset, on.x.byteLength).equals(Buffer.from(off.x.buffer, off.x.byteOffset, off.x.byteLength))).to.equal(true);
      expect(Array.from(on.y)).to.deep.equal(Array.from(off.y));
      expect(Array.from(on.targetRows)).to.deep.equal(Array.from(off.targetRows));
      // and by hand: the last value of the last window is feature c of its last input row
      const k = on.xShape[0] - 1;
      if (k >= 0) expect(on.x[on.x.length - 1]).to.equal(Math.fround(t.numbers('c')[on.targetRows[k] - (layout.horizon ?? 1)]));
    }
  });

  it('says which vector instructions it uses, and refuses arguments it cannot take, naming them', () => {
    const helper = cHelper()!;
    expect(['avx2', 'sse2', 'compiler default']).to.include(helper.vectorInstructions);
    if (process.env.TSDL_C_HELPER_NO_AVX2) expect(helper.vectorInstructions).to.equal('sse2');
    const out = new Float64Array(3);
    expect(() => helper.pctChange([1, 2, 3] as unknown as Float64Array, 1, out)).to.throw(TypeError, 'Float64Array as x');
    expect(() => helper.pctChange(new Float64Array(3), 1, new Float32Array(3) as unknown as Float64Array)).to.throw(TypeError, 'Float64Array as out');
    expect(() => helper.pctChange(new Float64Array(4), 1, out)).to.throw(RangeError, 'as long as x');
    expect(() => helper.pctChange(new Float64Array(3), 0, out)).to.throw(RangeError, 'positive integer');
    expect(() => helper.subtractDivideAdd(new Float64Array(3), 0, 1, 0, new Float64Array(2))).to.throw(RangeError, 'as long as x');
  });

  it('with the malloc thresholds set, arrays freed by a collection leave their memory for the next ones (few page faults)', async function () {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const n = 200_000; // 1.6 MB each, the size of a returns column in the bench
    const fill = () => {
      const xs: Float64Array[] = [];
      for (let i = 0; i < 20; i++) xs.push(uninitializedFloat64(n).fill(i));
      return xs.length;
    };
    fill();
    gc();
    await new Promise((r) => setTimeout(r, 100)); // V8 frees array buffers on a background thread after collecting
    const f0 = faults();
    fill();
    // Without the thresholds the 32 MB left at the top of the heap goes back to Linux: about 7,800 faults here.
    expectHostBelow(faults() - f0, 1500, 'page faults refilling 20 freed arrays of 1.6 MB');
  });

  it('the same tests pass on the SSE2 versions of the kernels (TSDL_C_HELPER_NO_AVX2=1, in a child process)', function () {
    if (process.env.TSDL_C_HELPER_NO_AVX2 || cHelper()!.vectorInstructions !== 'avx2') this.skip(); // this run is that one, or there is no AVX2 to turn off
    this.timeout(120000);
    const root = path.join(__dirname, '..', '..');
    const out = execFileSync(
      path.join(root, 'node_modules', '.bin', 'mocha'),
      ['--no-config', '-r', 'tsx/cjs', '-r', 'test/setup.ts', '--timeout', '60000', '--grep', 'the C helper', 'test/kernels/c-helper.test.ts'],
      {
        cwd: root,
        env: { ...process.env, TSDL_C_HELPER_NO_AVX2: '1', TSDL_QUIET: '1' },
        encoding: 'utf8',
      },
    );
    expect(out).to.match(/\d+ passing/);
    expect(out).not.to.match(/failing/);
  });

  describe('the CSV scan (native/scan-csv.c) against the TypeScript scan', () => {
    /** Fields of every kind the scan tells apart (blank lines, unclosed quotes and wrong widths go to the TypeScript scan). */
    const FIELDS = [
      '12',
      '-3.25',
      '0',
      '-0',
      '007',
      '.5',
      '5.',
      '-',
      '',
      'NA',
      'abc',
      '1e5',
      '1.2.3',
      ' 7',
      '2020-01-02',
      '9007199254740991',
      '9007199254740992',
      '123456789012345678901',
      '0.1234567890123456789012',
      '1.00000000000000000000001',
      '0.0000000000000000000001',
      '0.00000000000000000000001',
      '"1,5"',
      '"a ""q"""',
      '"two\nlines"',
      '3,5',
      '"12.5"',
      '"-0"',
      '""',
      '"1e5"',
      '"2020-01-02"',
      '"7"x',
    ];

    function randomCsv(seed: number, opts: { width: number; rows: number; eol: string[]; blank: number; quoted: boolean; delimiter?: string }): string {
      const rng = seededRng(seed);
      const d = opts.delimiter ?? ',';
      const pick = () => {
        const f = FIELDS[Math.floor(rng() * FIELDS.length)];
        if (!opts.quoted && f.startsWith('"')) return String(Math.floor(rng() * 1e6) / 100);
        if (d === ',' && f === '3,5') return '"3,5"';
        return f;
      };
      const header = Array.from({ length: opts.width }, (_, c) => `c${c}`).join(d);
      let text = header + opts.eol[0];
      for (let r = 0; r < opts.rows; r++) {
        if (rng() < opts.blank) text += opts.eol[0];
        // mostly numeric rows, so long plain stretches alternate with rows the C scan hands back
        const row = Array.from({ length: opts.width }, () => (rng() < 0.8 ? (rng() * 1000 - 500).toFixed(Math.floor(rng() * 6)) : pick()));
        text += row.join(d) + opts.eol[Math.floor(rng() * opts.eol.length)];
      }
      return text;
    }

    function expectSameParse(text: string, options: ParseCsvOptions = {}): void {
      const parse = () => {
        try {
          const p = parseCsv(text, options);
          return {
            header: p.header,
            rows: p.numRows,
            columns: p.header.map((_, c) => p.column(c)),
            values: p.header.map((_, c) => p.values(c)),
            dates: p.header.map((_, c) => p.isoDates(c)),
            texts: p.header.map((_, c) => p.texts(c, new Set(['', 'NA']))),
          };
        } catch (e) {
          return { error: (e as Error).message };
        }
      };
      expect(Buffer.byteLength(text)).to.be.above(1 << 16); // what the C scan takes
      const withHelper = parse();
      const without = withoutHelper(parse);
      if ('error' in without || 'error' in withHelper) {
        expect(withHelper).to.deep.equal(without);
        return;
      }
      expect([withHelper.header, withHelper.rows]).to.deep.equal([without.header, without.rows]);
      expect(withHelper.columns).to.deep.equal(without.columns);
      expect(withHelper.texts).to.deep.equal(without.texts);
      for (let c = 0; c < without.header.length; c++) {
        expectSameBits(withHelper.values[c], without.values[c]);
        expect(withHelper.dates[c] === undefined).to.equal(without.dates[c] === undefined);
        if (without.dates[c]) expectSameBits(withHelper.dates[c]!, without.dates[c]!);
      }
    }

    it('gives the same table on random files: every kind of field, LF, CRLF and CR, blank lines, quoted fields', () => {
      for (let seed = 0; seed < 6; seed++) {
        expectSameParse(randomCsv(seed, { width: 1 + (seed % 5), rows: 12000, eol: ['\n'], blank: 0, quoted: false }));
        expectSameParse(randomCsv(seed + 10, { width: 6, rows: 5000, eol: ['\n', '\r\n', '\r'], blank: 0.01, quoted: true }));
      }
    });

    it('gives the same table when every field is quoted, or every other row holds a quoted name', () => {
      let all = '"date","close","name"\n';
      let alternate = 'name,close,volume\n';
      for (let r = 0; r < 4000; r++) {
        all += `"${new Date(Date.UTC(2000, 0, 1 + r)).toISOString().slice(0, 10)}","${(r / 8).toFixed(2)}","n ""${r % 7}"""\n`;
        alternate += `${r % 2 ? '"Smith, J"' : 'Doe'},${(r / 4).toFixed(3)},${r * 10}\n`;
      }
      expectSameParse(all);
      expectSameParse(alternate);
    });

    it('gives the same table with a decimal comma, another delimiter, maxRows and a file ending without a newline', () => {
      const semi = randomCsv(21, { width: 4, rows: 8000, eol: ['\n'], blank: 0, quoted: true, delimiter: ';' });
      expectSameParse(semi, { decimal: ',' });
      expectSameParse(semi.replace(/\n$/, ''));
      for (const maxRows of [1, 4096, 7000, 7999, 8000, 9000]) expectSameParse(semi, { maxRows });
      expectSameParse(randomCsv(22, { width: 3, rows: 9000, eol: ['\n'], blank: 0.001, quoted: false }) + '1,2,');
    });

    it("dates and prices, as exported, give the same columns (the bench file's layout)", () => {
      let text = 'Date,Open,High,Low,Close,Adj Close,Volume\n';
      const day = Date.UTC(1990, 0, 1);
      for (let r = 0; r < 3000; r++)
        text += `${new Date(day + r * 864e5).toISOString().slice(0, 10)},${(100 + r / 7).toFixed(4)},${(101 + r / 7).toFixed(4)},99.5,100.25,100.25,${1000 + r}\n`;
      expectSameParse(text);
    });

    it('throws the same errors, naming the same line: a row of the wrong width, an unclosed quote', () => {
      const good = randomCsv(31, { width: 3, rows: 8000, eol: ['\n'], blank: 0, quoted: false });
      const lines = good.split('\n');
      const wide = [...lines.slice(0, 6000), '1,2,3,4', ...lines.slice(6000)].join('\n');
      expectSameParse(wide);
      expect(() => parseCsv(wide)).to.throw('line 6001 has 4 fields but the header has 3');
      const unclosed = [...lines.slice(0, 7000), '1,2,"3', ''].join('\n'); // no quote after it (the random rows hold some)
      expectSameParse(unclosed);
      expect(() => parseCsv(unclosed)).to.throw('unclosed quote starting at line 7001');
      // after quoted fields that hold newlines, read in C: the same line number
      const quoted = randomCsv(32, { width: 3, rows: 8000, eol: ['\n'], blank: 0, quoted: true }).split('\n');
      expectSameParse([...quoted.slice(0, 9000), '1,2,3,4', ...quoted.slice(9000)].join('\n'));
    });
  });
});

describe('describeCHelper (in the backend line that notebooks and the test run print)', () => {
  it('says whether the helper runs, and why not: off by TSDL_C_HELPER=off, switched off, not built', function () {
    this.timeout(60000);
    const line = describeBackend();
    expect(line.endsWith(`; C helper: ${describeCHelper()}`)).to.equal(true);
    if (cHelper()) {
      expect(describeCHelper()).to.match(
        /^built \((avx2|sse2|compiler default); recurrent kernels (avx512|avx2|default), (openblas \(\w+ kernels, 1 thread[^()]*\)|loops)\)$/,
      );
      expect(withoutHelper(describeCHelper)).to.equal('switched off (useCHelper(false))');
    } else {
      expect(describeCHelper()).to.match(/^(not built|out of date|off)/);
    }
    const root = path.join(__dirname, '..', '..');
    const off = execFileSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['-e', "console.log(require('./lib/kernels/c-helper').describeCHelper())"], {
      cwd: root,
      env: { ...process.env, TSDL_C_HELPER: 'off' },
      encoding: 'utf8',
    });
    expect(off.trim()).to.equal('off (TSDL_C_HELPER=off)');
  });
});

describe('the C helper loads at first use, not on import (issue 35)', () => {
  it('a fresh process that imports the package has loaded no .node file and set no OPENBLAS_CORETYPE; initBackend loads it', function () {
    this.timeout(60_000);
    const index = path.join(__dirname, '..', '..', 'lib', 'index.ts');
    const script = `
      const before = process.env.OPENBLAS_CORETYPE;
      const tsdl = require(${JSON.stringify(index)});
      const natives = () => Object.keys(require.cache).filter((k) => k.endsWith('.node'));
      const atImport = { natives: natives(), coreType: process.env.OPENBLAS_CORETYPE === before };
      tsdl.initBackend('cpu').then(() => console.log(JSON.stringify({ atImport, afterInit: natives().length })));`;
    const env = { ...process.env };
    delete env.OPENBLAS_CORETYPE;
    const out = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { env, encoding: 'utf8' }).trim().split('\n').pop()!);
    expect(out.atImport).to.deep.equal({ natives: [], coreType: true });
    if (describeCHelper().startsWith('built')) expect(out.afterInit).to.be.at.least(1);
  });
});

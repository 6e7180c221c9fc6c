/**
 * Data-preparation benchmark (issue 3): load a 200,000-row price CSV, simple returns, 20-row rolling mean,
 * drop missing rows, min-max scaling, 30-step windows — with this library, with pandas/NumPy (same run, same
 * file, bench/data_pipeline.py), and with danfo.js's own operations. Prints ms per step and ratios. Three more
 * lines, outside the pipeline and its total: loading a 200,000-row trade log with text columns (symbol,
 * sector, a mostly empty note), where the work is making strings rather than parsing numbers, and 200,000
 * one-minute bars, where it is reading "YYYY-MM-DD HH:MM:SS" timestamps; and the trade log with every field
 * quoted, as some exports write it.
 *
 * Both sides run twice, in fresh processes: with the machine's default memory settings, and with glibc's
 * `GLIBC_TUNABLES=glibc.malloc.hugetlb=1`, which makes malloc ask Linux for transparent huge pages (THP
 * mode `madvise`, the usual default). NumPy asks for them itself for arrays of 4 MiB and more; Node's
 * ArrayBuffers come from malloc and get them only with the tunable, which the project's Jupyter kernel sets
 * (scripts/setup.sh), or through the C helper (native/, also built by setup.sh: lib/kernels/c-helper.ts), which
 * the windows array uses. Without either, writing a fresh 96 MB array costs one page fault per 4 KiB. The helper
 * also sets malloc's thresholds when the library loads and runs the CSV scan, the windows and the elementwise
 * loops in C; a third run of this library's side, with the default memory settings and `TSDL_C_HELPER=off`,
 * shows each step without it.
 *
 *   npx tsx bench/data-pipeline.ts [rows]
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { initBackend } from '../lib/backend';
import { loadCsv } from '../lib/data/load-csv';
import { pctChange } from '../lib/features/returns';
import { rollingMean } from '../lib/features/rolling';
import { minMaxScaler } from '../lib/preprocess/scaler';
import { makeWindows } from '../lib/preprocess/make-windows';
import { cHelper } from '../lib/kernels/c-helper';
import { makeIntraday, makePrices, makeQuotedTrades, makeTrades } from './make-prices';
import { printTable, time, timeAsync, timeSteady } from './timing';

const ROOT = path.join(__dirname, '..');
const COLS = ['Close', 'ret', 'ma20', 'Volume'];
const HUGE_PAGES = 'glibc.malloc.hugetlb=1';
/** The steps outside the pipeline (and its total): other files to load. */
const TEXT_LOAD = 'load, text columns';
const INTRADAY_LOAD = 'load, intraday';
const QUOTED_LOAD = 'load, quoted fields';
const EXTRA = [TEXT_LOAD, INTRADAY_LOAD, QUOTED_LOAD];

/** One side's run: ms and page faults per step, the windows' shape and last value (to check both did the same). */
interface Run {
  steps: Record<string, number>;
  faults: Record<string, number>;
  shape: number[];
  check: number;
}

function ours(file: string, trades: string, intraday: string, quoted: string): Run {
  const steps: Record<string, number> = {};
  const faults: Record<string, number> = {};
  const step = <T>(name: string, fn: () => T): T => {
    const r = timeSteady(fn);
    steps[name] = r.ms;
    faults[name] = r.faults;
    return r.result;
  };
  let t = step('load', () => loadCsv(file));
  const ret = step('returns', () => pctChange(t.numbers('Close')));
  t = t.withColumn('ret', ret);
  const ma = step('rolling mean (20)', () => rollingMean(t.numbers('Close'), 20));
  t = t.withColumn('ma20', ma);
  const clean = step('drop missing', () => t.dropMissing());
  const scaled = step('min-max scale', () => minMaxScaler({ columns: COLS }).fit(clean).transform(clean));
  const w = step('windows (30)', () => makeWindows(scaled, { features: COLS, targets: ['Close'], lookback: 30 }));
  step(TEXT_LOAD, () => loadCsv(trades));
  step(INTRADAY_LOAD, () => loadCsv(intraday));
  step(QUOTED_LOAD, () => loadCsv(quoted));
  return { steps, faults, shape: w.xShape, check: w.x[w.x.length - COLS.length] };
}

/** The same pipeline as a danfo.js user writes it: danfo's readCSV, pctChange, dropNa and MinMaxScaler; danfo has
 * no rolling window or windowing op, so those are the usual loops over `.values`. */
async function danfo(file: string) {
  const dfd = require('danfojs-node');
  const steps: Record<string, number> = {};
  let df: any;
  ({ ms: steps['load'], result: df } = await timeAsync(async () => (await dfd.readCSV(file)).sortValues('Date'), 1));
  let ret: any;
  ({ ms: steps['returns'], result: ret } = time(() => df.loc({ columns: ['Close'] }).pctChange(1), 1));
  df = df.addColumn('ret', ret['Close'].values, { inplace: false });
  let ma: number[];
  ({ ms: steps['rolling mean (20)'], result: ma } = time(() => {
    const v = df['Close'].values as number[];
    return v.map((_, i) => (i < 19 ? NaN : v.slice(i - 19, i + 1).reduce((a, b) => a + b, 0) / 20));
  }, 1));
  df = df.addColumn('ma20', ma, { inplace: false });
  let clean: any;
  ({ ms: steps['drop missing'], result: clean } = time(() => df.dropNa(), 1));
  let scaled: any;
  ({ ms: steps['min-max scale'], result: scaled } = time(
    () => new dfd.MinMaxScaler().fit(clean.loc({ columns: COLS })).transform(clean.loc({ columns: COLS })),
    1,
  ));
  const w = time(() => {
    const rows = scaled.values as number[][];
    const xs: number[][][] = [];
    const ys: number[] = [];
    for (let i = 0; i + 30 < rows.length; i++) {
      xs.push(rows.slice(i, i + 30));
      ys.push(rows[i + 30][0]);
    }
    return { xs, ys };
  }, 1);
  steps['windows (30)'] = w.ms;
  return { steps, shape: [w.result.xs.length, 30, COLS.length] };
}

/** The environment of a fresh process: the default malloc, or malloc asking for huge pages. */
function memoryEnv(hugePages: boolean, helper = true): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.GLIBC_TUNABLES;
  delete env.TSDL_C_HELPER;
  if (hugePages) env.GLIBC_TUNABLES = HUGE_PAGES;
  if (!helper) env.TSDL_C_HELPER = 'off';
  return env;
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--ours') {
    // Child mode: this library's side only, as JSON, in the memory setting the parent chose.
    console.log(JSON.stringify(ours(args[1], args[2], args[3], args[4])));
    return;
  }
  const rows = Number(args[0] ?? 200000);
  await initBackend(); // danfo's scaler needs a tfjs backend
  const file = makePrices(path.join(ROOT, 'bench', 'out', `prices-${rows}.csv`), rows);
  const trades = makeTrades(path.join(ROOT, 'bench', 'out', `trades-${rows}.csv`), rows);
  const intraday = makeIntraday(path.join(ROOT, 'bench', 'out', `intraday-${rows}.csv`), rows);
  const quoted = makeQuotedTrades(path.join(ROOT, 'bench', 'out', `quoted-trades-${rows}.csv`), rows);
  const py = path.join(ROOT, '.venv-ref', 'bin', 'python');
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const runPandas = (hugePages: boolean): Run => {
    const r = JSON.parse(
      execFileSync(py, [path.join(__dirname, 'data_pipeline.py'), file, trades, intraday, quoted], { encoding: 'utf8', env: memoryEnv(hugePages) }),
    );
    return { steps: r, faults: r._faults, shape: r._shape, check: r._check };
  };
  const runOurs = (hugePages: boolean, helper = true): Run =>
    JSON.parse(execFileSync(tsx, [__filename, '--ours', file, trades, intraday, quoted], { encoding: 'utf8', env: memoryEnv(hugePages, helper) }));
  const pandas = runPandas(false);
  const lib = runOurs(false);
  const pandasHp = runPandas(true);
  const libHp = runOurs(true);
  const helper = cHelper();
  const libBare = helper ? runOurs(false, false) : lib;
  const dan = await danfo(file);
  for (const ours of [lib, libHp, libBare]) {
    if (JSON.stringify(ours.shape) !== JSON.stringify(pandas.shape)) throw new Error(`window shapes differ: ours ${ours.shape}, pandas ${pandas.shape}`);
    if (Math.abs(ours.check - pandas.check) > 1e-5) throw new Error(`last window value differs: ${ours.check} vs ${pandas.check}`);
  }
  const names = Object.keys(lib.steps).filter((k) => !EXTRA.includes(k));
  const total = (s: Record<string, number>) => names.reduce((a, k) => a + s[k], 0);
  const at = (s: Record<string, number>, k: string) => (k === 'total' ? total(s) : s[k]);
  const faults = (a: Run, b: Run, k: string) => `${at(a.faults, k)} / ${at(b.faults, k)}`;
  console.log(`\nData preparation, ${rows.toLocaleString('en-US')} rows, windows ${lib.shape.join('×')}`);
  console.log('ms: median of 25 runs (steps under 20 ms) or 11, after a warm-up, both sides; danfo 1 run.');
  console.log(`default: the machine's malloc; huge pages: both sides run with GLIBC_TUNABLES=${HUGE_PAGES} (as the Jupyter kernel does).`);
  console.log(
    helper
      ? `C helper: built (build/tsdl-helper.node; ${helper.vectorInstructions}): windows on huge pages in both columns as NumPy's, malloc thresholds set, CSV rows scanned in C, returns and scaling four values per instruction. "no helper": default memory, TSDL_C_HELPER=off.`
      : 'C helper: not built (scripts/setup.sh compiles it when cc and Node headers exist): the default column writes windows on small pages and divides one value at a time.',
  );
  console.log('faults: minor page faults per run, tsdl / pandas.');
  console.log(
    `"${TEXT_LOAD}", "${INTRADAY_LOAD}", "${QUOTED_LOAD}": separate files (trades-${rows}.csv with text columns, intraday-${rows}.csv with one-minute timestamps, quoted-trades-${rows}.csv with every field quoted), not part of the pipeline or its total.\n`,
  );
  printTable(
    [
      'step',
      'tsdl',
      'pandas',
      'tsdl/pandas',
      'faults',
      'tsdl HP',
      'pandas HP',
      'tsdl/pandas HP',
      'faults HP',
      ...(helper ? ['no helper', 'faults'] : []),
      'danfo',
      'danfo/tsdl',
    ],
    [...names, 'total', ...EXTRA].map((k) => [
      k,
      at(lib.steps, k),
      at(pandas.steps, k),
      at(lib.steps, k) / at(pandas.steps, k),
      faults(lib, pandas, k),
      at(libHp.steps, k),
      at(pandasHp.steps, k),
      at(libHp.steps, k) / at(pandasHp.steps, k),
      faults(libHp, pandasHp, k),
      ...(helper ? [at(libBare.steps, k) / at(pandas.steps, k), faults(libBare, pandas, k)] : []),
      EXTRA.includes(k) ? '-' : at(dan.steps, k),
      EXTRA.includes(k) ? '-' : at(dan.steps, k) / at(lib.steps, k),
    ]),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

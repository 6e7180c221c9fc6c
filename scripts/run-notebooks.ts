/**
 * Executes notebooks from a clean kernel and writes reports.
 *
 *   tsx scripts/run-notebooks.ts                      all notebooks → reports/ (+ index.html, metrics.json)
 *   tsx scripts/run-notebooks.ts --check              ... and fail on metric drift vs notebooks/expected-metrics.json
 *   tsx scripts/run-notebooks.ts notebooks/02-stock-analysis.ipynb -p price=SMI -p epochs=5 --out reports/smi
 *   tsx scripts/run-notebooks.ts notebooks/02-stock-analysis.ipynb --grid grid.json --out reports/grid
 *   tsx scripts/run-notebooks.ts --update-expected    write the run's metrics as the new expectations
 *   --cell-timeout SECONDS                            seconds one cell may run (default 600)
 *   ... --grid grid.json --workers 4                 the grid's runs on a Dask LocalCluster of 4 worker processes
 *   ... --grid grid.json --scheduler tcp://host:8786  the grid's runs on an existing Dask cluster (scripts/dask_grid.py)
 *
 * Parameters and grids are checked for every run before any kernel starts or any file is written. Runs that
 * share an output folder merge their entries into its index.html and metrics.json (under a lock file), so two
 * runs into one folder do not lose each other's reports. Exits non-zero when a run fails (naming the cell) or,
 * with --check, when a metric drifts; with a grid, a failing run is listed in the index and the others go on.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { runNotebook, PROJECT_ROOT } from '../lib/report/run-notebook';
import { injectParameters, parseParameterArgs, Notebook } from '../lib/report/notebook-parameters';
import { checkDrift, describeDrift, ExpectedMetrics, expectationsFrom, manifestTable, MetricsManifest } from '../lib/report/metrics-manifest';
import { gridRuns, GridRun, runName } from '../lib/report/grid-runs';
import { writeFileAtomic } from '../lib/util/write-file-atomic';
import { escapeHtml } from '../lib/util/html';

const EXPECTED = path.join(PROJECT_ROOT, 'notebooks', 'expected-metrics.json');

/** One run as the index lists it. */
interface RunRecord {
  name: string;
  notebook: string;
  parameters: Record<string, unknown>;
  ok: boolean;
  /** Run by a Dask worker, which merged its own entry (this one only stands in when that run failed). */
  remote?: boolean;
  seconds?: number;
  message?: string;
  finished: string;
}

function parseArgs(argv: string[]) {
  const notebooks: string[] = [];
  const params: string[] = [];
  let out = path.join(PROJECT_ROOT, 'reports');
  let check = false;
  let update = false;
  let grid: string | undefined;
  let cellTimeout = 600;
  let workers: number | undefined;
  let scheduler: string | undefined;
  let runFile: string | undefined;
  const value = (i: number, flag: string) => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-p' || a === '--parameter') params.push(value(++i, a));
    else if (a === '--out') out = path.resolve(value(++i, a));
    else if (a === '--grid') grid = path.resolve(value(++i, a));
    else if (a === '--cell-timeout') {
      cellTimeout = Number(value(++i, a));
      if (!(Number.isInteger(cellTimeout) && cellTimeout > 0)) throw new Error(`--cell-timeout must be a whole number of seconds, got ${argv[i]}`);
    } else if (a === '--workers') {
      workers = Number(value(++i, a));
      if (!(Number.isInteger(workers) && workers > 0)) throw new Error(`--workers must be a whole number ≥ 1, got ${argv[i]}`);
    } else if (a === '--scheduler') scheduler = value(++i, a);
    else if (a === '--run-file') runFile = path.resolve(value(++i, a));
    else if (a === '--check') check = true;
    else if (a === '--update-expected') update = true;
    else if (a.startsWith('-'))
      throw new Error(
        `unknown option ${a} (valid: -p name=value, --grid FILE, --out DIR, --cell-timeout SECONDS, --workers N, --scheduler ADDRESS, --check, --update-expected)`,
      );
    else notebooks.push(path.resolve(a));
  }
  if ((workers !== undefined || scheduler !== undefined) && !grid) throw new Error('--workers and --scheduler run a grid on Dask: add --grid FILE');
  if (workers !== undefined && scheduler !== undefined)
    throw new Error('--workers starts a local cluster and --scheduler uses an existing one: pass one of them');
  return { notebooks, params, out, check, update, grid, cellTimeout, workers, scheduler, runFile };
}

function notebookTitle(file: string): string {
  try {
    const nb = JSON.parse(fs.readFileSync(file, 'utf8'));
    const md = nb.cells.find((c: { cell_type: string }) => c.cell_type === 'markdown');
    const src = Array.isArray(md?.source) ? md.source.join('') : (md?.source ?? '');
    const h = /^#\s+(.+)$/m.exec(src);
    return h ? h[1].trim() : path.basename(file);
  } catch {
    return path.basename(file);
  }
}

function indexHtml(records: RunRecord[], manifest: MetricsManifest): string {
  const rows = records.map((r) => [
    r.ok ? `<a href="${escapeHtml(r.name)}.html">${escapeHtml(notebookTitle(r.notebook))}</a>` : escapeHtml(notebookTitle(r.notebook)),
    escapeHtml(r.name),
    r.ok ? 'ok' : `<strong>failed</strong> (<a href="${escapeHtml(r.name)}.ipynb">executed copy</a>)<pre>${escapeHtml(r.message ?? '')}</pre>`,
    r.seconds === undefined ? '' : `${r.seconds.toFixed(1)} s`,
    escapeHtml(
      Object.entries(r.parameters)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(', '),
    ),
  ]);
  const table = `<table><thead><tr><th>report</th><th>run</th><th>status</th><th>run time</th><th>parameters</th></tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  const failed = records.filter((r) => !r.ok).length;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Reports</title><style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #e5e7eb;padding:4px 10px;vertical-align:top}pre{white-space:pre-wrap;max-width:480px}</style></head><body><h1>Reports</h1><p>Updated ${escapeHtml(new Date().toISOString())} by <code>npm run report</code>: ${records.length} run${records.length === 1 ? '' : 's'}, ${failed} failed. Each report is self-contained and works offline.</p>${table}<h2>Key metrics</h2>${manifestTable(manifest)}</body></html>`;
}

/** Runs `fn` holding `<dir>/.lock` (created exclusively; a lock older than 10 minutes is taken as left by a killed run). */
async function withLock<T>(dir: string, fn: () => T): Promise<T> {
  const lock = path.join(dir, '.lock');
  for (let waited = 0; ; waited += 100) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 600_000) fs.rmSync(lock, { force: true });
      else if (waited > 120_000) throw new Error(`${lock} is held by another run for over 2 minutes; remove it if no run is writing to ${dir}`, { cause: e });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

const readJson = <T>(file: string, fallback: T): T => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return fallback;
  }
};

/** Refuses an output folder that holds the source notebooks (the executed copy would replace one). */
function checkOutFolder(out: string, runs: readonly GridRun[]): void {
  for (const r of runs) {
    const target = path.join(out, `${r.name}.ipynb`);
    if (path.dirname(r.notebook) === out || path.resolve(target) === path.resolve(r.notebook)) {
      throw new Error(
        `--out ${out} is the folder of the source notebook ${path.basename(r.notebook)}: its executed copy would replace it; pass another folder (e.g. --out reports)`,
      );
    }
  }
}

/** String parameters that are paths from the caller's folder ("-p csv=data/mine.csv") become absolute: the kernel runs in the notebook's folder. */
function resolvePaths(params: Record<string, unknown>, notebookDir: string): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(params)) {
    out[k] =
      typeof v === 'string' && v !== '' && !path.isAbsolute(v) && fs.existsSync(path.resolve(v)) && path.resolve(v) !== path.resolve(notebookDir, v)
        ? path.resolve(v)
        : v;
  }
  return out;
}

/** The notebooks import the package by name; tslab's Node10 resolution needs node_modules/tsdl (setup.sh makes it). */
function linkPackage(): void {
  const link = path.join(PROJECT_ROOT, 'node_modules', 'tsdl');
  if (fs.existsSync(link)) return;
  fs.symlinkSync('..', link);
  console.log('[reports] linked node_modules/tsdl to this folder, so notebooks can import the package by name');
}

/**
 * Runs the grid on Dask (scripts/dask_grid.py in the project's .venv): one task per run, each this script with
 * --run-file, retried once; returns a failed record for each run that never succeeded.
 */
function daskGrid(runs: readonly GridRun[], args: ReturnType<typeof parseArgs>): RunRecord[] {
  const taskDir = path.join(args.out, '.grid-tasks');
  fs.mkdirSync(taskDir, { recursive: true });
  const files = runs.map((r) => {
    const f = path.join(taskDir, `${r.name}.json`);
    writeFileAtomic(f, JSON.stringify({ notebook: r.notebook, name: r.name, parameters: r.parameters, out: args.out }));
    return f;
  });
  const python = path.join(PROJECT_ROOT, '.venv', 'bin', 'python');
  if (!fs.existsSync(python)) throw new Error(`${python} is missing: run bash scripts/setup.sh (it installs Dask distributed into .venv)`);
  const where = args.scheduler ? ['--scheduler', args.scheduler] : ['--workers', String(args.workers)];
  console.log(`[reports] ${runs.length} runs on Dask (${args.scheduler ?? `a LocalCluster of ${args.workers} workers`})`);
  const res = spawnSync(python, [path.join(PROJECT_ROOT, 'scripts', 'dask_grid.py'), ...where, '--cell-timeout', String(args.cellTimeout), ...files], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  fs.rmSync(taskDir, { recursive: true, force: true });
  const last = (res.stdout ?? '').trim().split('\n').pop() ?? '';
  let outcome: { name: string; ok: boolean; message?: string }[];
  try {
    outcome = JSON.parse(last);
  } catch {
    throw new Error(`the Dask driver exited with ${res.status} and no results${res.error ? `: ${res.error.message}` : ''}; see its messages above`);
  }
  for (const o of outcome) console.log(`[reports] ${o.name}: ${o.ok ? 'ok' : `FAILED (${o.message})`}`);
  const byName = new Map(runs.map((r) => [r.name, r]));
  return outcome
    .filter((o) => !o.ok)
    .map((o) => ({
      name: o.name,
      notebook: byName.get(o.name)!.notebook,
      parameters: { ...byName.get(o.name)!.parameters },
      ok: false,
      remote: true,
      message: o.message,
      finished: new Date().toISOString(),
    }));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  linkPackage();
  const all = args.notebooks.length === 0;
  const notebooks = all
    ? fs
        .readdirSync(path.join(PROJECT_ROOT, 'notebooks'))
        .filter((f) => f.endsWith('.ipynb') && !f.startsWith('.'))
        .sort()
        .map((f) => path.join(PROJECT_ROOT, 'notebooks', f))
    : args.notebooks;
  if (all && (args.params.length || args.grid))
    throw new Error('-p and --grid apply to one notebook: name it (e.g. tsx scripts/run-notebooks.ts notebooks/02-stock-analysis.ipynb -p epochs=5)');
  if (args.grid && notebooks.length !== 1) throw new Error('--grid runs one notebook: name exactly one');
  if (args.grid && args.params.length) throw new Error('--grid and -p cannot be combined: put fixed values in every parameter set of the grid');
  const overrides = parseParameterArgs(args.params);
  const task = args.runFile ? (JSON.parse(fs.readFileSync(args.runFile, 'utf8')) as GridRun & { out: string }) : undefined;
  if (task) args.out = task.out;
  const runs: GridRun[] = task
    ? [{ notebook: task.notebook, name: task.name, parameters: task.parameters }]
    : args.grid
      ? gridRuns(notebooks[0], JSON.parse(fs.readFileSync(args.grid, 'utf8')))
      : notebooks.map((nb) => ({ notebook: nb, name: runName(nb, overrides), parameters: overrides }));
  // Every run's parameters are checked before anything starts or is written: a refused run writes nothing.
  for (const r of runs) {
    if (!fs.existsSync(r.notebook)) throw new Error(`notebook not found: ${r.notebook}`);
    r.parameters = resolvePaths(r.parameters, path.dirname(r.notebook));
    injectParameters(JSON.parse(fs.readFileSync(r.notebook, 'utf8')) as Notebook, r.parameters, `${path.basename(r.notebook)} (${r.name})`);
  }
  checkOutFolder(args.out, runs);
  if (args.check && Object.keys(overrides).length) throw new Error('--check compares runs with default parameters; drop -p');

  const records: RunRecord[] = [];
  const manifest: MetricsManifest = {};
  if (args.workers !== undefined || args.scheduler !== undefined) records.push(...daskGrid(runs, args));
  else
    for (const r of runs) {
      process.stdout.write(`[reports] ${r.name} (${path.relative(PROJECT_ROOT, r.notebook)}) ... `);
      try {
        const res = await runNotebook(r.notebook, { parameters: r.parameters, outDir: args.out, name: r.name, cellTimeout: args.cellTimeout });
        records.push({ name: r.name, notebook: r.notebook, parameters: res.parameters, ok: true, seconds: res.seconds, finished: new Date().toISOString() });
        manifest[`${r.name}.ipynb`] = res.metrics;
        console.log(`ok in ${res.seconds.toFixed(1)} s → ${path.relative(process.cwd(), res.html)}`);
      } catch (err) {
        console.log('FAILED');
        console.error(`  ${(err as Error).message}`);
        records.push({
          name: r.name,
          notebook: r.notebook,
          parameters: { ...r.parameters },
          ok: false,
          message: (err as Error).message,
          finished: new Date().toISOString(),
        });
      }
    }
  // Merge with what earlier or concurrent runs left in the folder: one entry per run name, the newest wins. A Dask
  // task merged its own run; a failed one is added here, unless a retry of it succeeded.
  const merged = await withLock(args.out, () => {
    const runsFile = path.join(args.out, 'runs.json');
    const metricsFile = path.join(args.out, 'metrics.json');
    const byName = new Map(readJson<RunRecord[]>(runsFile, []).map((r) => [r.name, r]));
    for (const r of records) if (!(r.remote && byName.get(r.name)?.ok)) byName.set(r.name, r);
    const allRecords = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
    const allMetrics: MetricsManifest = { ...readJson<MetricsManifest>(metricsFile, {}) };
    for (const r of records) if (!r.remote) delete allMetrics[`${r.name}.ipynb`];
    Object.assign(allMetrics, manifest);
    writeFileAtomic(runsFile, JSON.stringify(allRecords, null, 2) + '\n');
    writeFileAtomic(metricsFile, JSON.stringify(allMetrics, null, 2) + '\n');
    writeFileAtomic(path.join(args.out, 'index.html'), indexHtml(allRecords, allMetrics));
    return allRecords;
  });
  console.log(
    `[reports] index: ${path.relative(process.cwd(), path.join(args.out, 'index.html'))} (${merged.length} runs); metrics: ${path.relative(process.cwd(), path.join(args.out, 'metrics.json'))}`,
  );
  let drifted = 0;
  const expected: ExpectedMetrics = fs.existsSync(EXPECTED) ? JSON.parse(fs.readFileSync(EXPECTED, 'utf8')) : {};
  if (args.update) {
    fs.writeFileSync(EXPECTED, JSON.stringify(expectationsFrom(manifest, expected), null, 2) + '\n');
    console.log(`[reports] wrote expectations to ${path.relative(process.cwd(), EXPECTED)}`);
  } else if (args.check) {
    const drifts = checkDrift(manifest, expected);
    drifts.forEach((d) => console.error(`[drift] ${describeDrift(d)}`));
    drifted = drifts.length;
    if (!drifted)
      console.log(
        `[reports] metrics match notebooks/expected-metrics.json (${Object.values(manifest).reduce((s, m) => s + Object.keys(m).length, 0)} metrics)`,
      );
  }
  const failed = records.filter((r) => !r.ok).length;
  if (args.grid && failed) console.error(`[reports] ${failed} of ${runs.length} grid runs failed; see the index`);
  if (failed || drifted) process.exit(1);
}

main().catch((err) => {
  console.error(`[reports] ${(err as Error).message}`);
  process.exit(1);
});

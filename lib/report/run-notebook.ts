/**
 * `runNotebook`: executes a notebook from a clean kernel through the real Jupyter stack (nbclient + tslab in
 * the project's .venv), with parameters injected papermill-style, and writes the executed notebook and a
 * self-contained HTML report. A cell that raises fails the run with a `NotebookError` naming the cell.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { NotebookError, ReportError } from '../util/errors';
import { injectParameters, Notebook, ParameterValue } from './notebook-parameters';
import { readMetrics } from './report-metrics';
import { checkString } from '../util/check';

/** The project root (this file sits in lib/report or dist/report). */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

export interface RunNotebookOptions {
  /** Parameter overrides: values of the parameter's type, or strings from a command line. */
  parameters?: Record<string, unknown>;
  /** Folder for the executed notebook and the HTML report. Defaults to `reports/`. */
  outDir?: string;
  /** Seconds one cell may run. Defaults to 600. */
  cellTimeout?: number;
  /** Base name of the outputs. Defaults to the notebook's name. */
  name?: string;
}

export interface NotebookRun {
  notebook: string;
  executed: string;
  html: string;
  seconds: number;
  parameters: Record<string, ParameterValue>;
  metrics: Record<string, number>;
}

/** The Python of the project's Jupyter environment. */
export function jupyterPython(): string {
  const py = process.env.TSDL_JUPYTER_PYTHON ?? path.join(PROJECT_ROOT, '.venv', 'bin', 'python');
  if (!fs.existsSync(py)) throw new ReportError(`the Jupyter environment is missing (${py}); create it with: bash scripts/setup.sh`);
  return py;
}

function readNotebook(file: string): Notebook {
  if (!fs.existsSync(file)) throw new ReportError(`notebook not found: ${file}`);
  try {
    const nb = JSON.parse(fs.readFileSync(file, 'utf8')) as Notebook;
    if (!Array.isArray(nb.cells)) throw new Error('no "cells" array');
    return nb;
  } catch (err) {
    throw new ReportError(`${file} is not a valid notebook (${(err as Error).message}); open and save it in JupyterLab`);
  }
}

function ensureWritable(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (err) {
    throw new ReportError(
      `report folder ${dir} is not writable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); pass a writable outDir (--out DIR)`,
    );
  }
}

/** Removes the temporary folders of runs whose runner process no longer exists (one killed with kill -9). */
function removeStaleRunFolders(outDir: string): void {
  for (const entry of fs.readdirSync(outDir)) {
    const m = /^\.run-(\d+)-/.exec(entry);
    if (!m || alive(Number(m[1]))) continue;
    fs.rmSync(path.join(outDir, entry), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/**
 * Executes a notebook and writes `<outDir>/<name>.ipynb` and `<name>.html`.
 * @example await runNotebook('notebooks/stocks.ipynb', { parameters: { index: 'SMI', epochs: 5 } })
 */
export async function runNotebook(notebookPath: string, options: RunNotebookOptions = {}): Promise<NotebookRun> {
  checkString('runNotebook: notebookPath', notebookPath);
  const file = path.resolve(notebookPath);
  const name = options.name ?? path.basename(file, '.ipynb');
  const outDir = path.resolve(options.outDir ?? path.join(PROJECT_ROOT, 'reports'));
  const original = readNotebook(file);
  const { notebook, values } = injectParameters(original, options.parameters ?? {}, path.basename(file));
  const python = jupyterPython();
  ensureWritable(outDir);

  removeStaleRunFolders(outDir);
  // The runner's pid in the name: a folder whose runner is gone (killed) is removed by the next run.
  const tmp = fs.mkdtempSync(path.join(outDir, `.run-${process.pid}-${name}-`));
  try {
    const input = path.join(tmp, 'input.ipynb');
    fs.writeFileSync(input, JSON.stringify(notebook, null, 1));
    const executed = path.join(tmp, `${name}.ipynb`);
    const html = path.join(tmp, `${name}.html`);
    const script = path.join(PROJECT_ROOT, 'scripts', 'execute_notebook.py');
    const args = [script, input, executed, html, '--cwd', path.dirname(file), '--timeout', String(options.cellTimeout ?? 600)];
    const res = await run(python, args, path.dirname(file));
    const line = res.stdout.trim().split('\n').pop() ?? '';
    let result: { ok: boolean; seconds: number; cell?: number; codeCell?: number; source?: string; ename?: string; evalue?: string; error?: string };
    try {
      result = JSON.parse(line);
    } catch {
      throw new ReportError(`could not execute ${notebookPath}: ${res.stderr.trim().split('\n').slice(-3).join(' | ') || `exit code ${res.code}`}`);
    }
    // Keep the executed copy in both cases: on failure it shows the error in context.
    const finalNb = path.join(outDir, `${name}.ipynb`);
    const finalHtml = path.join(outDir, `${name}.html`);
    if (fs.existsSync(executed)) fs.renameSync(executed, finalNb);
    if (fs.existsSync(html)) fs.renameSync(html, finalHtml);
    if (!result.ok) {
      const first = (result.source ?? '').split('\n').find((l) => l.trim() && !l.trim().startsWith('//')) ?? '';
      const where = result.cell === undefined ? '' : ` in cell ${result.cell + 1} (code cell ${result.codeCell}: ${JSON.stringify(first.trim().slice(0, 80))})`;
      throw new NotebookError(
        `${path.relative(process.cwd(), file) || file} failed${where}: ${result.ename || result.error}: ${result.evalue ?? ''}\n  executed copy with the error: ${finalNb}`,
        result.cell,
        finalNb,
      );
    }
    const executedNb = JSON.parse(fs.readFileSync(finalNb, 'utf8')) as Notebook;
    return { notebook: file, executed: finalNb, html: finalHtml, seconds: result.seconds, parameters: values, metrics: readMetrics(executedNb) };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

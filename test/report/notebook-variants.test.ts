// The worked notebooks on data they were not written for: three variants each, run through the report runner's
// --grid with parameters only. Every run must finish, report finite metrics, and write prose that names the
// variant's own row count and date range (read back from the executed notebook).
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { expect } from 'chai';
import { PROJECT_ROOT } from '../../lib/report/run-notebook';
import { tempDir } from '../helpers';
import { makeVariants, Variant } from './notebook-variants';
import { gridRuns } from '../../lib/report/grid-runs';

type Output = { output_type: string; data?: Record<string, string | string[]>; text?: string | string[] };
const joined = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join('') : (v ?? ''));

/** The markdown a notebook's code wrote (showMarkdown outputs). */
function generatedProse(executed: string): string {
  const nb = JSON.parse(fs.readFileSync(executed, 'utf8')) as { cells: { outputs?: Output[] }[] };
  return nb.cells
    .flatMap((c) => c.outputs ?? [])
    .map((o) => joined(o.data?.['text/markdown']))
    .join('\n');
}

function runGrid(notebook: string, variants: Variant[], out: string): Promise<{ code: number; output: string }> {
  const grid = path.join(out, `${notebook}.grid.json`);
  fs.writeFileSync(grid, JSON.stringify(variants.map((v) => v.parameters)));
  const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
  return new Promise((resolve) => {
    execFile(
      tsx,
      [
        path.join(PROJECT_ROOT, 'scripts', 'run-notebooks.ts'),
        path.join(PROJECT_ROOT, 'notebooks', `${notebook}.ipynb`),
        '--grid',
        grid,
        '--out',
        out,
        '--cell-timeout',
        '300',
      ],
      { cwd: PROJECT_ROOT, maxBuffer: 1 << 24 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

describe('the worked notebooks on data they were not written for (report runner, --grid, -p only)', function () {
  this.timeout(1_200_000);
  const out = tempDir('tsdl-variants-');
  const variants = makeVariants(out);
  const byNotebook = new Map<string, Variant[]>();
  for (const v of variants) (byNotebook.get(v.notebook) ?? byNotebook.set(v.notebook, []).get(v.notebook)!).push(v);

  before(function () {
    if (!fs.existsSync(path.join(PROJECT_ROOT, '.venv', 'bin', 'python'))) {
      if (process.env.CI === 'true') throw new Error('CI needs the Jupyter environment: bash scripts/setup.sh');
      this.skip();
    }
  });
  after(() => fs.rmSync(out, { recursive: true, force: true }));

  for (const [notebook, list] of byNotebook) {
    it(`${notebook}: ${list.length} variants — ${list.map((v) => v.what).join('; ')}`, async () => {
      expect(list.length).to.be.at.least(3);
      const dir = path.join(out, notebook);
      fs.mkdirSync(dir);
      const res = await runGrid(notebook, list, dir);
      const runs = JSON.parse(fs.readFileSync(path.join(dir, 'runs.json'), 'utf8')) as {
        name: string;
        ok: boolean;
        message?: string;
        parameters: Record<string, unknown>;
      }[];
      const metrics = JSON.parse(fs.readFileSync(path.join(dir, 'metrics.json'), 'utf8')) as Record<string, Record<string, number>>;
      const failures = runs.filter((r) => !r.ok).map((r) => `${r.name}: ${r.message}`);
      expect(failures, res.output.slice(-3000)).to.deep.equal([]);
      expect(res.code).to.equal(0);
      expect(runs).to.have.length(list.length);
      // The index lists every run.
      const index = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
      for (const r of runs) expect(index).to.include(`${r.name}.html`);
      const names = gridRuns(
        path.join(PROJECT_ROOT, 'notebooks', `${notebook}.ipynb`),
        list.map((v) => v.parameters),
      ).map((r) => r.name);
      for (const v of list) {
        const name = names[list.indexOf(v)];
        const run = runs.find((r) => r.name === name)!;
        expect(run, v.what).to.not.equal(undefined);
        const m = metrics[`${run.name}.ipynb`];
        expect(Object.keys(m ?? {}), `${v.what}: metrics`).to.not.be.empty;
        for (const [k, value] of Object.entries(m)) expect(Number.isFinite(value), `${v.what}: ${k} = ${value}`).to.equal(true);
        const prose = generatedProse(path.join(dir, `${run.name}.ipynb`));
        for (const s of v.says) expect(prose, `${v.what}: the report should say "${s}"`).to.include(s);
        // No name of the default data survives in a report on other data.
        for (const d of [
          'treasury-yields-monthly.csv',
          'eu-stock-indices-daily.csv',
          'breast-cancer-wisconsin-diagnostic.csv',
          'sp500-daily-ohlcv-2000-2020.csv',
          'ncctg-lung.csv',
        ])
          if (!String(v.parameters.csv).endsWith(d)) expect(prose, v.what).to.not.include(d);
      }
    });
  }
});

/** One run of a notebook with parameters; its exit code and output. */
function runOne(notebook: string, parameters: Record<string, string>, out: string): Promise<{ code: number; output: string }> {
  const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
  const args = [path.join(PROJECT_ROOT, 'scripts', 'run-notebooks.ts'), path.join(PROJECT_ROOT, 'notebooks', `${notebook}.ipynb`)];
  for (const [k, v] of Object.entries(parameters)) args.push('-p', `${k}=${v}`);
  args.push('--out', out);
  return new Promise((resolve) =>
    execFile(tsx, args, { cwd: PROJECT_ROOT, maxBuffer: 1 << 24 }, (err, stdout, stderr) => resolve({ code: err ? 1 : 0, output: stdout + stderr })),
  );
}

describe('the notebooks refuse what they cannot answer, in the cell that loads the data, naming the -p fix', function () {
  this.timeout(300_000);
  let out = '';
  beforeEach(function () {
    if (!fs.existsSync(path.join(PROJECT_ROOT, '.venv', 'bin', 'python'))) {
      if (process.env.CI === 'true') throw new Error('CI needs the Jupyter environment: bash scripts/setup.sh');
      this.skip();
    }
    out = tempDir('tsdl-variants-');
  });
  afterEach(() => out && fs.rmSync(out, { recursive: true, force: true }));

  it('medical, label=age (a measurement with dozens of values): names regression or binning (it became a many-class problem; issue 31, item 19)', async () => {
    const res = await runOne('03-medical-classification', { csv: path.join(PROJECT_ROOT, 'datasets', 'statlog-heart.csv'), label: 'age', positive: '' }, out);
    expect(res.code).to.equal(1);
    expect(res.output).to.include('label "age" holds').and.include('not classes').and.include('-p label=').and.include('regression');
  });

  it('stocks, dateColumn=day_index without periodsPerYear: nothing says how many observations make a year, so nothing is annualised by guess', async () => {
    const res = await runOne('02-stock-analysis', { dateColumn: 'day_index' }, out);
    expect(res.code).to.equal(1);
    expect(res.output).to.include('"day_index" orders the rows without dates').and.include('-p periodsPerYear=<observations a year>');
  });
});

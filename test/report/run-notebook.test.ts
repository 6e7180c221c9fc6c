// The real stack: JupyterLab's nbclient + the tslab kernel execute the smoke notebook from a clean kernel.
import * as fs from 'fs';
import * as path from 'path';
import { expect } from 'chai';
import { runNotebook, PROJECT_ROOT } from '../../lib/report/run-notebook';
import { NotebookError, ReportError } from '../../lib/util/errors';
import { expectRejects, tempDir } from '../helpers';
import { expectHostBelow } from '../host-checks';

const SMOKE = path.join(PROJECT_ROOT, 'notebooks', '00-smoke.ipynb');
const haveJupyter = fs.existsSync(path.join(PROJECT_ROOT, '.venv', 'bin', 'python'));
const OUT = path.join(PROJECT_ROOT, 'test-output', 'notebooks');

type Output = { output_type: string; text?: string | string[]; data?: Record<string, unknown>; name?: string };
const text = (o: Output) => (Array.isArray(o.text) ? o.text.join('') : (o.text ?? ''));

describe('notebook execution (nbclient + tslab)', function () {
  this.timeout(120000);
  before(function () {
    if (!haveJupyter) {
      if (process.env.CI === 'true') throw new Error('CI needs the Jupyter environment: bash scripts/setup.sh');
      this.skip();
    }
    if (!fs.existsSync(path.join(PROJECT_ROOT, 'dist', 'index.js'))) throw new Error('dist/ is missing: npm run build (notebooks import the compiled library)');
  });

  it("every worked notebook imports the package by name, as a user's notebook does (no relative path into this repository)", () => {
    for (const f of fs.readdirSync(path.join(PROJECT_ROOT, 'notebooks')).filter((n) => n.endsWith('.ipynb'))) {
      const code = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'notebooks', f), 'utf8'))
        .cells.filter((c: { cell_type: string }) => c.cell_type === 'code')
        .map((c: { source: string[] }) => c.source.join(''))
        .join('\n');
      expect(code, f).to.include("import * as tsdl from 'tsdl';");
      expect(code, f).not.to.match(/from '\.\.?\//);
    }
  });

  it('executes the smoke notebook: backend line, a numeric result, and a chart as display_data', async () => {
    const run = await runNotebook(SMOKE, { outDir: OUT });
    const nb = JSON.parse(fs.readFileSync(run.executed, 'utf8'));
    const outputs: Output[] = nb.cells.flatMap((c: { outputs?: Output[] }) => c.outputs ?? []);
    const stdout = outputs
      .filter((o) => o.output_type === 'stream')
      .map(text)
      .join('');
    expect(stdout).to.match(/^backend: (tensorflow|wasm|cpu) \(tfjs 4\.22\.0, \d+ threads?/m);
    expect(stdout).not.to.match(/Hi there|speed things up/); // tfjs's install-the-node-backend banner
    const acc = Number(/test accuracy: ([\d.]+)/.exec(stdout)?.[1]);
    expect(acc).to.be.within(0.85, 1);
    expect(run.metrics.testAccuracy).to.be.closeTo(acc, 1e-4);
    const charts = outputs.filter((o) => o.output_type === 'display_data' && o.data?.['application/vnd.plotly.v1+json']);
    expect(charts).to.have.length(1);
    const fig = charts[0].data!['application/vnd.plotly.v1+json'] as { data: { y: number[] }[] };
    expect(fig.data[0].y).to.have.length(15); // one loss per epoch
    expect(charts[0].data!['text/html']).to.match(/Copyright 2012-20\d\d, Plotly/); // plotly.js inline for the export
    const html = fs.readFileSync(run.html, 'utf8');
    expect(html).to.include('test accuracy:');
    expect(html).not.to.match(/<script[^>]+src="https?:/); // no CDN scripts in the report
    // The page is titled by the notebook's first heading (nbconvert wrote "Notebook" on every page).
    expect(html).to.include('<title>Smoke test: the whole stack in one small notebook</title>');
  });

  it("a Table or figure as a cell's last expression renders as an HTML table or a Plotly chart; console.log prints text", async () => {
    const dir = path.join(PROJECT_ROOT, 'test-output', 'last-expression');
    fs.mkdirSync(dir, { recursive: true });
    const code = (id: string, source: string) => ({ cell_type: 'code', id, metadata: {}, outputs: [], execution_count: null, source });
    const file = path.join(dir, 'last-expression.ipynb');
    fs.writeFileSync(
      file,
      JSON.stringify({
        cells: [
          code('a', "import * as tsdl from 'tsdl';\nawait tsdl.initBackend();"),
          code('b', "const t = tsdl.table({ rate: [1.5, 2.25], name: ['x', '<b>y</b>'] });\nt"),
          code('c', "tsdl.lineChart({ title: 'Rates', dates: [0, 86400000], series: { rate: [1.5, 2.25] } })"),
          code('d', 'console.log(t);'),
        ],
        metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } },
        nbformat: 4,
        nbformat_minor: 5,
      }),
    );
    const run = await runNotebook(file, { outDir: path.join(dir, 'out') });
    const cells = JSON.parse(fs.readFileSync(run.executed, 'utf8')).cells as { outputs: Output[] }[];
    const html = ([] as string[]).concat(cells[1].outputs.find((o) => o.output_type === 'display_data')?.data?.['text/html'] as string | string[]).join('');
    expect(html).to.include('<table').and.include('&lt;b&gt;y&lt;/b&gt;').and.not.include('<b>y</b>');
    const chart = cells[2].outputs.find((o) => o.data?.['application/vnd.plotly.v1+json'])?.data?.['application/vnd.plotly.v1+json'] as {
      data: { y: number[] }[];
    };
    expect(chart.data[0].y).to.deep.equal([1.5, 2.25]);
    const logged = cells[3].outputs
      .filter((o) => o.output_type === 'stream')
      .map(text)
      .join('');
    expect(logged).to.include('[2 rows × 2 columns]');
    expect(cells[3].outputs.some((o) => o.output_type === 'display_data')).to.equal(false);
  });

  it('an injected parameter takes effect (epochs=3 → three losses)', async () => {
    const run = await runNotebook(SMOKE, { outDir: OUT, name: 'smoke-epochs-3', parameters: { epochs: '3' } });
    expect(run.parameters.epochs).to.equal(3);
    const nb = JSON.parse(fs.readFileSync(run.executed, 'utf8'));
    const injected = nb.cells.find((c: { metadata: { tags?: string[] } }) => c.metadata.tags?.includes('injected-parameters'));
    expect(injected.source.join ? injected.source.join('') : injected.source).to.include('const epochs: number = 3;');
    const outputs: Output[] = nb.cells.flatMap((c: { outputs?: Output[] }) => c.outputs ?? []);
    expect(outputs.map(text).join('')).to.include('epochs: 3\n');
    const fig = outputs.find((o) => o.data?.['application/vnd.plotly.v1+json'])!.data!['application/vnd.plotly.v1+json'] as { data: { y: number[] }[] };
    expect(fig.data[0].y).to.have.length(3);
  });

  it('runs a worked notebook on a different CSV of the same shape passed as a parameter', async () => {
    const dir = tempDir();
    const csv = path.join(dir, 'cancer-subset.csv');
    const lines = fs
      .readFileSync(path.join(PROJECT_ROOT, 'datasets', 'breast-cancer-wisconsin-diagnostic.csv'), 'utf8')
      .trim()
      .split('\n');
    // Every other case: 285 rows, same columns.
    fs.writeFileSync(csv, [lines[0], ...lines.slice(1).filter((_, i) => i % 2 === 0)].join('\n') + '\n');
    const run = await runNotebook(path.join(PROJECT_ROOT, 'notebooks', '03-medical-classification.ipynb'), {
      outDir: OUT,
      name: 'medical-subset',
      parameters: { csv, epochs: '30' },
    });
    const nb = JSON.parse(fs.readFileSync(run.executed, 'utf8'));
    const outputs: Output[] = nb.cells.flatMap((c: { outputs?: Output[] }) => c.outputs ?? []);
    const summary = outputs.find((o) => o.output_type === 'display_data' && String(o.data?.['text/plain'] ?? '').startsWith('285 rows'));
    expect(summary, 'the summary of the 285-row file').to.not.equal(undefined);
    const prose = outputs.map((o) => String(o.data?.['text/markdown'] ?? '')).join('\n');
    expect(prose).to.include('**cancer-subset.csv**: 285 rows');
    expect(prose).to.match(/Training 171 cases, validation 57, test 57/);
    expect(run.metrics.testAuc).to.be.within(0.9, 1);
    // Live progress: one output updated in place per epoch (update_display_data), not one line per epoch.
    const progress = outputs.filter((o) => /denseClassifier: \d+ epochs in/.test(String(o.data?.['text/plain'] ?? '')));
    expect(progress).to.have.length(1);
    expect(progress[0].data).to.have.property('application/vnd.plotly.v1+json');
  });

  it('a cell that raises fails the run and names the cell and the error', async () => {
    const dir = tempDir();
    const nb = JSON.parse(fs.readFileSync(SMOKE, 'utf8'));
    const src = path.join(PROJECT_ROOT, 'notebooks', `.broken-${process.pid}.ipynb`);
    nb.cells.splice(4, 0, {
      cell_type: 'code',
      id: 'broken',
      metadata: {},
      outputs: [],
      execution_count: null,
      source: "tsdl.loadCsv('../datasets/no-such-file.csv');",
    });
    fs.writeFileSync(src, JSON.stringify(nb));
    try {
      const err = (await expectRejects(
        () => runNotebook(src, { outDir: dir }),
        NotebookError,
        'failed in cell 5',
        "tsdl.loadCsv('../datasets/no-such-file.csv')",
        'no-such-file.csv',
      )) as NotebookError;
      expect(err.cell).to.equal(4);
      expect(fs.existsSync(err.executedPath!)).to.equal(true);
    } finally {
      fs.rmSync(src, { force: true });
    }
  });

  it('the kernel asks malloc for huge pages: a fresh 64 MB array takes hundreds of page faults, not 15,600', async function () {
    const dir = tempDir();
    const nb = JSON.parse(fs.readFileSync(SMOKE, 'utf8'));
    const src = path.join(PROJECT_ROOT, 'notebooks', `.pages-${process.pid}.ipynb`);
    nb.cells = [
      {
        cell_type: 'code',
        id: 'pages',
        metadata: {},
        outputs: [],
        execution_count: null,
        source: [
          'const before = process.resourceUsage().minorPageFault;\n',
          'new Float64Array(8_000_000).fill(1); // 64 MB: 15,625 pages of 4 KiB, 31 of 2 MiB\n',
          'console.log(`GLIBC_TUNABLES=${process.env.GLIBC_TUNABLES} faults=${process.resourceUsage().minorPageFault - before}`);',
        ],
      },
    ];
    fs.writeFileSync(src, JSON.stringify(nb));
    let stdout: string;
    try {
      const run = await runNotebook(src, { outDir: dir });
      const cells = JSON.parse(fs.readFileSync(run.executed, 'utf8')).cells as { outputs: Output[] }[];
      stdout = cells[0].outputs.map(text).join('');
    } finally {
      fs.rmSync(src, { force: true });
    }
    expect(stdout).to.include('GLIBC_TUNABLES=glibc.malloc.hugetlb=1 ');
    // Whether Linux hands out huge pages depends on the machine: THP mode "madvise" or "always", and glibc ≥ 2.35.
    const thp = fs.existsSync('/sys/kernel/mm/transparent_hugepage/enabled') ? fs.readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8') : '';
    if (!/\[(madvise|always)\]/.test(thp)) this.skip();
    expectHostBelow(Number(/faults=(\d+)/.exec(stdout)![1]), 7800, 'page faults of a 64 MB array in the kernel (under half the 4 KiB-page count)');
  });

  it('refuses a missing notebook and an unwritable report folder before starting a kernel', async () => {
    await expectRejects(() => runNotebook('notebooks/nope.ipynb'), ReportError, 'notebook not found');
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'file'), '');
    await expectRejects(() => runNotebook(SMOKE, { outDir: path.join(dir, 'file', 'sub') }), ReportError, 'is not writable', '--out');
  });
});

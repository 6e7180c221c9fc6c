// Deno's Jupyter kernel (deno jupyter, Deno from npm) executes a notebook that imports the package by name, trains,
// and draws a Plotly chart through Deno.jupyter — run by nbclient, as the tslab notebooks are.
import { expect } from 'chai';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from '../../lib/report/run-notebook';
import { tempDir } from '../helpers';

const NOTEBOOK = path.join(PROJECT_ROOT, 'notebooks', 'deno', 'quick-start.ipynb');
const SPEC = path.join(PROJECT_ROOT, '.venv', 'share', 'jupyter', 'kernels', 'deno', 'kernel.json');

type Output = { output_type: string; text?: string | string[]; data?: Record<string, unknown> };

describe('the Deno kernel (deno jupyter)', function () {
  this.timeout(180000);
  before(function () {
    if (!fs.existsSync(SPEC)) {
      if (process.env.CI === 'true') throw new Error(`CI needs the Deno kernel: bash scripts/setup.sh registers it (${SPEC} is missing)`);
      this.skip();
    }
    if (!fs.existsSync(path.join(PROJECT_ROOT, 'node_modules', 'tsdl'))) fs.symlinkSync('..', path.join(PROJECT_ROOT, 'node_modules', 'tsdl'));
  });

  /** Executes the notebook with nbclient; the executed notebook. */
  function execute(): { cells: { outputs?: Output[] }[] } {
    const out = tempDir();
    const result = execFileSync(
      path.join(PROJECT_ROOT, '.venv', 'bin', 'python'),
      [
        path.join(PROJECT_ROOT, 'scripts', 'execute_notebook.py'),
        NOTEBOOK,
        path.join(out, 'nb.ipynb'),
        path.join(out, 'nb.html'),
        '--cwd',
        path.dirname(NOTEBOOK),
        '--kernel',
        'deno',
        '--timeout',
        '150',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(JSON.parse(result.trim().split('\n').pop()!)).to.include({ ok: true });
    return JSON.parse(fs.readFileSync(path.join(out, 'nb.ipynb'), 'utf8'));
  }

  // Deno 2.9's kernel now and then delivers a cell's stdout or execute_result after the cell's idle message, and
  // nbclient then drops it (seen in 2 of about 14 runs, in different cells). One more run is allowed for that; the
  // first run's missing outputs are printed, so a kernel that always drops them still fails.
  it('runs the quick-start notebook: the backend line, a trained classifier, a Table as the last value, and show() as a Plotly display_data', function () {
    const complete = (nb: { cells: { outputs?: Output[] }[] }) => {
      const kinds = nb.cells.map((c) => (c.outputs ?? []).map((o) => o.output_type));
      return kinds.flat().filter((k) => k === 'stream').length >= 2 && kinds.flat().includes('execute_result') ? undefined : JSON.stringify(kinds);
    };
    let nb = execute();
    const missing = complete(nb);
    if (missing) {
      console.log(`      (Deno dropped an output in the first run: ${missing}; running again)`);
      nb = execute();
    }
    const outputs: Output[] = nb.cells.flatMap((c: { outputs?: Output[] }) => c.outputs ?? []);
    const stdout = outputs
      .filter((o) => o.output_type === 'stream')
      .map((o) => (Array.isArray(o.text) ? o.text.join('') : (o.text ?? '')))
      .join('');
    expect(stdout).to.match(/^backend: (wasm|cpu|tensorflow) \(tfjs 4\.22\.0/m);
    expect(Number(/test accuracy: ([\d.]+)/.exec(stdout)?.[1])).to.be.within(0.85, 1);
    const charts = outputs.filter((o) => o.output_type === 'display_data' && o.data?.['application/vnd.plotly.v1+json']);
    expect(charts).to.have.length(1);
    const fig = charts[0].data!['application/vnd.plotly.v1+json'] as { data: { y: number[] }[]; layout: { title?: { text?: string } } };
    expect(fig.data[0].y).to.have.length(15);
    expect(String(charts[0].data!['text/plain'])).to.include('Training loss');
    expect(stdout).not.to.include('<Figure'); // the text fallback of show() outside a kernel
    const table = outputs.find((o) => o.output_type === 'execute_result');
    expect(
      table,
      `an execute_result among ${JSON.stringify(nb.cells.map((c: { outputs?: Output[] }) => (c.outputs ?? []).map((o) => o.output_type)))}`,
    ).to.not.equal(undefined);
    expect(([] as string[]).concat(table?.data?.['text/html'] as string | string[]).join(''))
      .to.include('<table')
      .and.include('mean_radius');
  });
});

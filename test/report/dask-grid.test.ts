/**
 * Report grids on Dask distributed (scripts/dask_grid.py through run-notebooks.ts --workers): a LocalCluster of two
 * worker processes runs a four-run grid of the smoke notebook; a worker killed mid-run still leaves four entries,
 * each a report or a clearly failed run; the runs that finish give the same metrics as a run without the kill.
 */
import { expect } from 'chai';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const NOTEBOOK = path.join(ROOT, 'notebooks', '00-smoke.ipynb');

function gridFile(dir: string): string {
  const f = path.join(dir, 'grid.json');
  fs.writeFileSync(f, JSON.stringify({ epochs: [3, 4], seed: [1, 2] }));
  return f;
}
const readJson = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8'));

describe('report grids on Dask distributed', function () {
  this.timeout(300000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-dask-'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  let reference: Record<string, Record<string, number>>;

  it('a LocalCluster of 2 workers runs a 4-run grid: 4 reports, one index, metrics per run', () => {
    const out = path.join(tmp, 'a');
    const res = spawnSync(TSX, ['scripts/run-notebooks.ts', NOTEBOOK, '--grid', gridFile(tmp), '--out', out, '--workers', '2'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(res.status, res.stdout + res.stderr).to.equal(0);
    expect(res.stderr).to.match(/\[dask\] scheduler tcp:\/\/127\.0\.0\.1:\d+; worker pids \d+ \d+/);
    const runs = readJson(path.join(out, 'runs.json'));
    expect(runs.map((r: { name: string }) => r.name)).to.deep.equal([
      '00-smoke__epochs=3_seed=1',
      '00-smoke__epochs=3_seed=2',
      '00-smoke__epochs=4_seed=1',
      '00-smoke__epochs=4_seed=2',
    ]);
    expect(runs.every((r: { ok: boolean }) => r.ok)).to.equal(true);
    for (const r of runs) expect(fs.existsSync(path.join(out, `${r.name}.html`)), r.name).to.equal(true);
    reference = readJson(path.join(out, 'metrics.json'));
    expect(Object.keys(reference)).to.have.length(4);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).to.include('4 runs, 0 failed');
    expect(fs.existsSync(path.join(out, '.grid-tasks'))).to.equal(false);
  });

  it('a worker killed mid-run: its task is rescheduled, every run is a report or a listed failure, and the metrics repeat', async () => {
    const out = path.join(tmp, 'b');
    const child = spawn(TSX, ['scripts/run-notebooks.ts', NOTEBOOK, '--grid', gridFile(tmp), '--out', out, '--workers', '2'], { cwd: ROOT });
    let stderr = '';
    let stdout = '';
    let killed: number | undefined;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      const m = /worker pids (\d+) (\d+)/.exec(stderr);
      if (m && killed === undefined) {
        killed = Number(m[1]);
        // Both workers have a report in progress a few seconds after they start (one smoke run takes about 6 s).
        setTimeout(() => process.kill(killed!, 'SIGKILL'), 3000);
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(killed, stderr).to.be.a('number');
    const runs = readJson(path.join(out, 'runs.json')) as { name: string; ok: boolean; message?: string }[];
    expect(runs).to.have.length(4);
    const failed = runs.filter((r) => !r.ok);
    expect(failed.length, stdout + stderr).to.be.at.most(1);
    for (const f of failed) expect(f.message).to.be.a('string').and.not.equal('');
    expect(code).to.equal(failed.length ? 1 : 0);
    const metrics = readJson(path.join(out, 'metrics.json'));
    for (const r of runs.filter((x) => x.ok)) {
      expect(fs.existsSync(path.join(out, `${r.name}.html`)), r.name).to.equal(true);
      expect(metrics[`${r.name}.ipynb`], r.name).to.deep.equal(reference[`${r.name}.ipynb`]);
    }
  });
});

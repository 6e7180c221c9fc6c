// The report runner's command line: refused runs write nothing, the notebooks' own folder is refused as --out,
// and two runs into one folder keep each other's entries.
import { execFile, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { expect } from 'chai';
import { PROJECT_ROOT } from '../../lib/report/run-notebook';
import { tempDir } from '../helpers';

const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const SCRIPT = path.join(PROJECT_ROOT, 'scripts', 'run-notebooks.ts');
const SMOKE = path.join(PROJECT_ROOT, 'notebooks', '00-smoke.ipynb');

function runner(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) =>
    execFile(TSX, [SCRIPT, ...args], { cwd: PROJECT_ROOT, maxBuffer: 1 << 22 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    ),
  );
}

/** Skips outside CI when the Jupyter environment is missing; fails in CI, which must have it. */
function requireJupyter(this: Mocha.Context): void {
  if (!fs.existsSync(path.join(PROJECT_ROOT, '.venv', 'bin', 'python'))) {
    if (process.env.CI === 'true') throw new Error('CI needs the Jupyter environment: bash scripts/setup.sh');
    this.skip();
  }
}

describe('the report runner (scripts/run-notebooks.ts)', function () {
  this.timeout(180000);
  before(requireJupyter);

  it("refuses --out that is the notebooks' own folder (it overwrote the source notebook), before running anything", async () => {
    const before = fs.readFileSync(SMOKE, 'utf8');
    const res = await runner([SMOKE, '--out', path.join(PROJECT_ROOT, 'notebooks')]);
    expect(res.code).to.not.equal(0);
    expect(res.output).to.include('folder of the source notebook');
    expect(fs.readFileSync(SMOKE, 'utf8')).to.equal(before);
    expect(fs.existsSync(path.join(PROJECT_ROOT, 'notebooks', 'index.html'))).to.equal(false);
  });

  it('a run refused for a bad parameter writes nothing (it replaced index.html and metrics.json)', async () => {
    const out = tempDir();
    fs.writeFileSync(path.join(out, 'index.html'), 'earlier index');
    for (const bad of [
      ['-p', 'epochs=abc'],
      ['-p', 'epochs=0x10'],
      ['-p', '__proto__=1'],
      ['-p', 'nope=1'],
    ]) {
      const res = await runner([SMOKE, ...bad, '--out', out]);
      expect(res.code, bad.join(' ')).to.not.equal(0);
      expect(fs.readdirSync(out)).to.deep.equal(['index.html']);
      expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).to.equal('earlier index');
    }
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('two runs into one folder at the same time keep both entries in runs.json, metrics.json and the index', async () => {
    const out = tempDir();
    const grid = (epochs: number) => {
      const file = path.join(out, `grid-${epochs}.json`);
      fs.writeFileSync(file, JSON.stringify([{ epochs }]));
      return file;
    };
    const [a, b] = await Promise.all([runner([SMOKE, '--grid', grid(1), '--out', out]), runner([SMOKE, '--grid', grid(2), '--out', out])]);
    expect(a.code, a.output).to.equal(0);
    expect(b.code, b.output).to.equal(0);
    const runs = JSON.parse(fs.readFileSync(path.join(out, 'runs.json'), 'utf8')) as { name: string }[];
    expect(runs.map((r) => r.name).sort()).to.deep.equal(['00-smoke__epochs=1', '00-smoke__epochs=2']);
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(out, 'metrics.json'), 'utf8'))).sort()).to.deep.equal([
      '00-smoke__epochs=1.ipynb',
      '00-smoke__epochs=2.ipynb',
    ]);
    const index = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(index).to.include('00-smoke__epochs=1.html').and.include('00-smoke__epochs=2.html');
    expect(fs.existsSync(path.join(out, '.lock'))).to.equal(false);
    fs.rmSync(out, { recursive: true, force: true });
  });
});

describe('the report runner under concurrency and kill -9 (issue 31, item 13)', function () {
  this.timeout(240000);
  before(requireJupyter);

  it('two runs of one notebook with different -p into one folder get distinct reports, both in the index (one overwrote the other)', async () => {
    const out = tempDir();
    const [a, b] = await Promise.all([runner([SMOKE, '-p', 'epochs=1', '--out', out]), runner([SMOKE, '-p', 'epochs=2', '--out', out])]);
    expect(a.code, a.output).to.equal(0);
    expect(b.code, b.output).to.equal(0);
    const runs = (JSON.parse(fs.readFileSync(path.join(out, 'runs.json'), 'utf8')) as { name: string }[]).map((r) => r.name).sort();
    expect(runs).to.have.length(2);
    expect(runs[0]).to.match(/^00-smoke__epochs=1-[0-9a-f]{6}$/);
    expect(runs[1]).to.match(/^00-smoke__epochs=2-[0-9a-f]{6}$/);
    const index = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    for (const r of runs) {
      expect(index).to.include(`${r}.html`);
      expect(fs.existsSync(path.join(out, `${r}.html`))).to.equal(true);
    }
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('a runner killed with kill -9 takes its Jupyter child and kernel with it, and the next run removes its temporary folder', async () => {
    const out = tempDir();
    const slow = path.join(tempDir(), 'slow.ipynb');
    const smoke = JSON.parse(fs.readFileSync(SMOKE, 'utf8'));
    smoke.cells = [{ cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: 'await new Promise((r) => setTimeout(r, 120000));' }];
    fs.writeFileSync(slow, JSON.stringify(smoke));
    const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), SCRIPT, slow, '--out', out], { cwd: PROJECT_ROOT, stdio: 'ignore' });
    const childrenOf = (pid: number) =>
      execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
        .split('\n')
        .map(Number)
        .filter((p) => p > 0);
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    let jupyter: number[] = [];
    let kernel: number[] = [];
    for (let i = 0; i < 120 && kernel.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 500));
      try {
        jupyter = childrenOf(child.pid!);
        kernel = jupyter.flatMap(childrenOf);
      } catch {
        // ps found no such children yet
      }
    }
    expect(kernel.length, 'the kernel started').to.be.above(0);
    expect(fs.readdirSync(out).some((f) => f.startsWith(`.run-${child.pid}-`))).to.equal(true);
    process.kill(child.pid!, 'SIGKILL');
    let left = [...jupyter, ...kernel];
    for (let i = 0; i < 60 && left.length; i++) {
      await new Promise((r) => setTimeout(r, 500));
      left = left.filter(alive);
    }
    expect(left, 'processes still running after the runner was killed').to.deep.equal([]);
    const next = await runner([SMOKE, '--out', out]);
    expect(next.code, next.output).to.equal(0);
    expect(fs.readdirSync(out).filter((f) => f.startsWith('.run-'))).to.deep.equal([]);
    fs.rmSync(out, { recursive: true, force: true });
  });
});

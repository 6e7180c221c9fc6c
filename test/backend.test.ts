// Backend selection: the fastest backend that loads, a forced one honoured, unknown names rejected, no banner.
import { execFileSync } from 'child_process';
import * as path from 'path';
import { expect } from 'chai';
import { backendInfo, BACKENDS, describeBackend, parseBackendName } from '../lib/backend';
import { InputError } from '../lib/util/errors';
import { expectError } from './helpers';

const ROOT = path.join(__dirname, '..');

/** Runs a tiny script in a fresh Node process (the choice is made once per process). */
function probe(env: Record<string, string>): { stdout: string; stderr: string; status: number } {
  const script =
    "require('./lib/backend').initBackend().then(i => { console.log(JSON.stringify(i)); }, e => { console.error(e.constructor.name + ': ' + e.message); process.exit(3); })";
  try {
    const stdout = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { stdout, stderr: '', status: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; status: number };
    return { stdout: e.stdout, stderr: e.stderr, status: e.status };
  }
}

describe('backend', () => {
  it('names the backend, tfjs version and threads in one line', () => {
    const info = backendInfo();
    expect(BACKENDS).to.include(info.backend);
    expect(describeBackend(info)).to.match(/^backend: (tensorflow|wasm|cpu) \(tfjs 4\.\d+\.\d+, \d+ threads?/);
  });

  it('validates names case-insensitively and lists the valid ones for an unknown name', () => {
    expect(parseBackendName(' WASM ')).to.equal('wasm');
    expectError(() => parseBackendName('webgl'), InputError, '"webgl"', 'tensorflow, wasm, cpu', 'TSDL_BACKEND');
  });

  it('honours TSDL_BACKEND=cpu in a fresh process, and prints no tfjs-node banner', function () {
    this.timeout(30000);
    const r = probe({ TSDL_BACKEND: 'cpu' });
    expect(r.status, r.stderr).to.equal(0);
    const info = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(info.backend).to.equal('cpu');
    expect(info.forced).to.equal(true);
    expect(r.stdout + r.stderr).not.to.match(/Hi there|speed things up/);
  });

  it('falls back from the native backend and says why, when no TSDL_BACKEND is set', function () {
    this.timeout(30000);
    const r = probe({ TSDL_BACKEND: '' });
    expect(r.status, r.stderr).to.equal(0);
    const info = JSON.parse(r.stdout.trim().split('\n').pop()!);
    if (info.backend === 'tensorflow') {
      expect(info.skipped).to.deep.equal([]);
    } else {
      expect(info.backend).to.equal('wasm');
      expect(info.skipped[0]).to.match(/native addon not available/);
    }
    expect(r.stdout + r.stderr).not.to.match(/Hi there|speed things up/);
  });

  it('rejects an unknown TSDL_BACKEND in a fresh process with the list of valid names', function () {
    this.timeout(30000);
    const r = probe({ TSDL_BACKEND: 'gpu' });
    expect(r.status).to.equal(3);
    expect(r.stderr).to.include('InputError: unknown backend "gpu" (valid: tensorflow, wasm, cpu)');
  });
});

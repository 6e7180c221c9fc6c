import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expect } from 'chai';
import { sineRegression } from './fixtures';
import { denseRegressor, fitModel } from '../../lib/index';
import { logLines } from '../../lib/train/progress';

describe('training progress outside a kernel: lines and a terminal bar (train/progress.ts)', function () {
  this.timeout(60000);
  const data = sineRegression();

  it('outside a kernel and not on a TTY: one line per epoch on stderr', async () => {
    const lines: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    const tty = process.stderr.isTTY;
    (process.stderr as { isTTY?: boolean }).isTTY = false;
    process.stderr.write = ((s: string) => (lines.push(String(s)), true)) as typeof process.stderr.write;
    try {
      const m = denseRegressor(data, { units: [4], seed: 1 });
      await fitModel(m, data, { epochs: 5 });
      m.dispose();
    } finally {
      process.stderr.write = write;
      (process.stderr as { isTTY?: boolean }).isTTY = tty;
    }
    expect(lines.filter((l) => /^epoch \d\/5 /.test(l))).to.have.length(5);
    // Without validation there is no val_loss column (it printed "val_loss -").
    expect(lines.join('')).to.not.include('val_loss');
    expect(lines.join('')).to.include('denseRegressor: 5 epochs');
  });

  it('in a script on a terminal (a pseudo-terminal): a bar redrawn in place', function () {
    if (!fs.existsSync('/usr/bin/script')) this.skip(); // util-linux's script gives the child a pseudo-terminal
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-tty-'));
    const file = path.join(dir, 'fit.ts');
    const lib = path.join(__dirname, '..', '..', 'lib', 'index');
    fs.writeFileSync(
      file,
      `import * as t from ${JSON.stringify(lib)};\n(async () => { await t.initBackend(); const n = 32; const d = { x: new Float32Array(n * 2).fill(0.5), xShape: [n, 2], y: new Float32Array(n).fill(1), yShape: [n, 1] }; const m = t.denseRegressor(d, { units: [2], seed: 1 }); await t.fitModel(m, d, { epochs: 3 }); m.dispose(); })();\n`,
    );
    const tsx = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    const out = execFileSync('/usr/bin/script', ['-qec', `${tsx} ${file}`, '/dev/null'], { encoding: 'utf8', env: { ...process.env, TSDL_NOTICES: 'off' } });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(out).to.include('\r');
    // One line kept per epoch (as Keras), the bar full; no val_loss column without validation.
    expect(out.split('\n').filter((l) => /Epoch \d\/3 {2}█{24} {2}loss [\d.e+-]+ {2}[\d.]+s/.test(l))).to.have.length(3);
    expect(out).to.not.include('val_loss');
    expect(out).to.include('denseRegressor: 3 epochs');
  });

  it('writes val_loss when there is validation, and nothing in its place when there is none', () => {
    const lines: string[] = [];
    const r = logLines((l) => lines.push(l));
    const report = { epoch: 2, epochs: 4, loss: 0.5, learningRate: 1e-3, seconds: 1.5, history: { loss: [], valLoss: [] } };
    r.epoch!({ ...report, valLoss: 0.25 });
    r.epoch!(report);
    expect(lines).to.deep.equal(['epoch 2/4  loss 0.5000  val_loss 0.2500  (1.5s)', 'epoch 2/4  loss 0.5000  (1.5s)']);
  });
});

// Numerical agreement across backends: the same seeded model and data on wasm and on the native tensorflow
// backend (when it is installed) give the same numbers within float32 tolerances stated here.
import { execFileSync } from 'child_process';
import * as path from 'path';
import { expect } from 'chai';

const ROOT = path.join(__dirname, '..');

function run(backend: string): any {
  const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', path.join(__dirname, 'backend-agreement.ts'), backend], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

function nativeInstalled(): boolean {
  try {
    require.resolve('tfjs-node-native/package.json');
    return true;
  } catch {
    return false;
  }
}

describe('backends agree', function () {
  this.timeout(240000);
  const others = ['cpu', 'tensorflow'];
  let wasm: any;
  before(() => {
    wasm = run('wasm');
  });

  for (const other of others) {
    it(`wasm vs ${other}: same initial predictions (1e-5), training losses (1e-3 relative), trained predictions and AUC`, function () {
      if (other === 'tensorflow' && !nativeInstalled()) this.skip(); // built and run by scripts/test-native.sh (allow-listed)
      const b = run(other);
      expect(b.backend).to.equal(other);
      // An untrained model: one forward pass, float32 rounding only.
      wasm.initial.forEach((v: number, i: number) => expect(Math.abs(v - b.initial[i]), `initial[${i}]`).to.be.below(1e-5));
      // 20 epochs of Adam: rounding differences grow a little but stay small.
      wasm.loss.forEach((v: number, i: number) => expect(Math.abs(v - b.loss[i]) / v, `loss epoch ${i + 1}: ${v} vs ${b.loss[i]}`).to.be.below(1e-3));
      wasm.trained.forEach((v: number, i: number) => expect(Math.abs(v - b.trained[i]), `trained[${i}]`).to.be.below(1e-3));
      expect(Math.abs(wasm.auc - b.auc)).to.be.below(1e-3);
      wasm.lstmLoss.forEach((v: number, i: number) => expect(Math.abs(v - b.lstmLoss[i]) / v, `LSTM loss epoch ${i + 1}`).to.be.below(1e-3));
      wasm.lstmPred.forEach((v: number, i: number) => expect(Math.abs(v - b.lstmPred[i]), `LSTM pred[${i}]`).to.be.below(1e-3));
    });
  }
});

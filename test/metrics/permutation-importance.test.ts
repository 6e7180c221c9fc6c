import { expect } from 'chai';
import { tf } from '../../lib/backend';
import { wrapModel } from '../../lib/models/wrap-model';
import { permutationImportance } from '../../lib/metrics/permutation-importance';
import { InputError } from '../../lib/util/errors';
import { expectNoTensorLeak, expectRejects, fixture } from '../helpers';

const golden = fixture('explanations.json');

/** A one-layer tfjs model holding scikit-learn's fitted coefficients (sigmoid for the classifier). */
function linearModel(coef: number[], intercept: number, task: 'regression' | 'binary') {
  const net = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [coef.length], activation: task === 'binary' ? 'sigmoid' : 'linear' })] });
  const w = [tf.tensor2d(coef, [coef.length, 1]), tf.tensor1d([intercept])];
  net.setWeights(w);
  tf.dispose(w);
  return wrapModel(net, { task });
}

describe('permutationImportance', function () {
  this.timeout(60000);
  const x = Float32Array.from(golden.x);
  const n = golden.n;

  for (const task of ['regression', 'binary'] as const) {
    it(`${task}: means over 400 repeats equal scikit-learn's permutation_importance within 4 standard errors (${task === 'regression' ? 'MSE' : 'ROC-AUC'})`, async () => {
      const g = golden[task];
      await expectNoTensorLeak(async () => {
        const model = linearModel(g.coef, g.intercept, task);
        const r = await permutationImportance(
          model,
          { x, xShape: [n, 4], y: Float32Array.from(g.y), yShape: [n, 1] },
          { features: ['a', 'b', 'c', 'd'], repeats: 400, seed: 1 },
        );
        model.dispose();
        for (let j = 0; j < 4; j++) {
          const got = r.importances.find((f) => f.feature === 'abcd'[j])!;
          const se = Math.hypot(g.std[j], got.std) / Math.sqrt(400);
          expect(Math.abs(got.mean - g.mean[j]), `feature ${'abcd'[j]}: ${got.mean} vs ${g.mean[j]}`).to.be.at.most(4 * se + 1e-4);
        }
        expect(r.importances[0].feature).to.equal(task === 'regression' ? 'b' : 'b');
      });
    });
  }

  it('for a linear regressor the MSE rises by 2·w²·var(x) on average, by hand: w = 3, var ≈ 1 → ≈ 18', async () => {
    const m = 2000;
    const xs = Float32Array.from({ length: m * 2 }, (_, i) => (i % 2 === 0 ? Math.sin(i * 12.9898) * 1.7320508 : Math.cos(i * 78.233)));
    const y = Float32Array.from({ length: m }, (_, i) => 3 * xs[2 * i]);
    const model = linearModel([3, 0], 0, 'regression');
    const r = await permutationImportance(model, { x: xs, xShape: [m, 2], y, yShape: [m, 1] }, { repeats: 20, seed: 2 });
    model.dispose();
    let v = 0;
    let mu = 0;
    for (let i = 0; i < m; i++) mu += xs[2 * i] / m;
    for (let i = 0; i < m; i++) v += (xs[2 * i] - mu) ** 2 / m;
    expect(r.baseline).to.be.below(1e-9);
    expect(r.importances[0].feature).to.equal('feature 0');
    expect(r.importances[0].mean).to.be.closeTo(2 * 9 * v, 0.05 * 18 * v);
    expect(r.importances[1].mean).to.equal(0); // a feature the model ignores
  });

  it('windows: a feature is shuffled with all its lags; the lag the model reads is the only one that matters', async () => {
    const m = 200;
    const xs = Float32Array.from({ length: m * 3 * 2 }, (_, i) => Math.sin(i * 1.7));
    const input = tf.input({ shape: [3, 2] });
    const out = tf.layers.dense({ units: 1, useBias: false }).apply(tf.layers.flatten().apply(input)) as tf.SymbolicTensor;
    const net = tf.model({ inputs: input, outputs: out });
    const w = tf.tensor2d([0, 0, 0, 0, 2, 0], [6, 1]); // reads feature 0 at the last lag only
    net.setWeights([w]);
    w.dispose();
    const model = wrapModel(net, { task: 'regression' });
    const y = Float32Array.from({ length: m }, (_, i) => 2 * xs[i * 6 + 4]);
    const r = await permutationImportance(model, { x: xs, xShape: [m, 3, 2], y, yShape: [m, 1] }, { features: ['rate', 'cpi'], repeats: 3 });
    model.dispose();
    expect(r.importances.map((f) => f.feature)).to.deep.equal(['rate', 'cpi']);
    expect(r.importances[0].mean).to.be.above(1);
    expect(r.importances[1].mean).to.equal(0);
  });

  it('refuses a wrong number of names and bad repeats', async () => {
    const model = linearModel([1, 1], 0, 'regression');
    const data = { x: new Float32Array(8), xShape: [4, 2], y: new Float32Array(4), yShape: [4, 1] };
    await expectRejects(() => permutationImportance(model, data, { features: ['a'] }), InputError, '1 feature names for 2 features');
    await expectRejects(() => permutationImportance(model, data, { repeats: 0 }), InputError, 'repeats');
    model.dispose();
  });
});

import { expect } from 'chai';
import * as path from 'path';
import { tf } from '../../lib/backend';
import { coxLoss, deepSurv, survivalDataset, survivalTargets } from '../../lib/clinical/deep-surv';
import { coxData, coxLikelihood } from '../../lib/clinical/cox-likelihood';
import { concordanceIndex } from '../../lib/clinical/concordance-index';
import { loadCsv } from '../../lib/data/load-csv';
import { standardScaler } from '../../lib/preprocess/scaler';
import { toDataset } from '../../lib/preprocess/to-dataset';
import { fitModel } from '../../lib/train/fit-model';
import { predict } from '../../lib/train/predict';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectError } from '../helpers';

const lung = loadCsv(path.join(DATASETS, 'ncctg-lung.csv')).dropMissing(['age', 'sex', 'ph.ecog']);

describe('deepSurv: a neural Cox model (clinical/deep-surv.ts)', () => {
  it('survivalTargets: ±(rank of the time + 1), positive for events, tied times sharing a rank', () => {
    expect(Array.from(survivalTargets([5, 3, 5, 9, 0], [1, 0, 0, 1, 1]))).to.deep.equal([3, -2, -3, 4, 1]);
    expectError(() => survivalTargets([1, 2], [1, 2]), InputError, 'event holds 2');
  });

  it('the loss equals −(Breslow partial log-likelihood) / events of the Cox likelihood verified against statsmodels', () => {
    const t = lung.numbers('time');
    const e = lung.numbers('status');
    const x = new Float64Array(t.length * 2);
    lung.numbers('age').forEach((v, i) => (x[2 * i] = (v - 62) / 9));
    lung.numbers('ph.ecog').forEach((v, i) => (x[2 * i + 1] = v - 1));
    const beta = Float64Array.from([0.2, 0.45]);
    const ll = coxLikelihood(coxData(x, 2, t, Uint8Array.from(e)), beta, 'breslow').logLikelihood;
    const eta = Float32Array.from({ length: t.length }, (_, i) => x[2 * i] * beta[0] + x[2 * i + 1] * beta[1]);
    const before = tf.memory().numTensors;
    const loss = tf.tidy(() => coxLoss(tf.tensor2d(survivalTargets(t, e), [t.length, 1]), tf.tensor2d(eta, [t.length, 1])).dataSync()[0]);
    expect(loss).to.be.closeTo(-ll / e.reduce((s, v) => s + v, 0), 1e-4);
    expect(tf.memory().numTensors).to.equal(before);
  });

  it('its gradient with respect to the log risks equals central finite differences of a float64 reference', () => {
    const time = [4, 2, 2, 7, 5, 1, 9, 3];
    const event = [1, 1, 0, 1, 0, 1, 1, 0];
    const eta = [0.3, -0.1, 0.5, 0.0, -0.4, 0.8, -0.2, 0.1];
    // The same loss written out in float64: −Σ_events (η_i − log Σ_{t_j ≥ t_i} e^{η_j}) / events.
    const reference = (v: number[]) => {
      let s = 0;
      for (let i = 0; i < v.length; i++) if (event[i]) s -= v[i] - Math.log(v.reduce((acc, vj, j) => acc + (time[j] >= time[i] ? Math.exp(vj) : 0), 0));
      return s / event.reduce((a, b) => a + b, 0);
    };
    const y = tf.tensor2d(survivalTargets(time, event), [8, 1]);
    const grad = tf.grad((p: tf.Tensor) => coxLoss(y, p))(tf.tensor2d(eta, [8, 1]));
    const g = Array.from(grad.dataSync());
    tf.dispose([y, grad]);
    const h = 1e-6;
    eta.forEach((_, k) => {
      const up = eta.map((v, j) => (j === k ? v + h : v));
      const down = eta.map((v, j) => (j === k ? v - h : v));
      expect(g[k], `∂loss/∂η${k}`).to.be.closeTo((reference(up) - reference(down)) / (2 * h), 1e-5);
    });
    expect(reference(eta)).to.be.closeTo(
      tf.tidy(() => coxLoss(tf.tensor2d(survivalTargets(time, event), [8, 1]), tf.tensor2d(eta, [8, 1])).dataSync()[0]),
      1e-6,
    );
  });

  it('trains with fitModel, seeded: the same seed gives the same risks, and the risks rank the training patients (C > 0.6)', async function () {
    this.timeout(60_000);
    const features = ['age', 'sex', 'ph.ecog'];
    const scaled = standardScaler({ columns: features }).fit(lung).transform(lung);
    const data = survivalDataset(toDataset(scaled, { features, target: 'time' }), lung.numbers('time'), lung.numbers('status'));
    const before = tf.memory().numTensors;
    const run = async () => {
      const net = deepSurv(data, { units: [8], seed: 3, learningRate: 0.01 });
      await fitModel(net, data, { epochs: 30, batchSize: 64, progress: 'none' });
      const risk = await predict(net, data);
      net.dispose();
      return risk;
    };
    const a = await run();
    const b = await run();
    expect(Array.from(a)).to.deep.equal(Array.from(b));
    expect(concordanceIndex(lung.numbers('time'), lung.numbers('status'), a).cIndex).to.be.above(0.6);
    expect(tf.memory().numTensors).to.equal(before);
  });
});

import { expect } from 'chai';
import { tf } from '../../lib/backend';
import { denseClassifier, denseRegressor } from '../../lib/models/dense-model';
import { lstmForecaster } from '../../lib/models/sequence-model';
import { wrapModel } from '../../lib/models/wrap-model';
import type { Model } from '../../lib/models/model';
import { integratedGradients } from '../../lib/metrics/integrated-gradients';
import { mquantile, partialDependence } from '../../lib/metrics/partial-dependence';
import { attributionHeatmap } from '../../lib/charts/attribution-heatmap';
import { partialDependenceChart } from '../../lib/charts/partial-dependence-chart';
import { importanceChart } from '../../lib/charts/importance-chart';
import { InputError } from '../../lib/util/errors';
import { expectNoTensorLeak, expectRejects, fixture } from '../helpers';

const golden = fixture('attributions.json');
type Weights = { shape: number[]; values: number[] }[];

function setWeights(model: Model, weights: Weights): Model {
  const t = weights.map((w) => tf.tensor(w.values, w.shape));
  model.net.setWeights(t);
  tf.dispose(t);
  return model;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).to.equal(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** The library model with the fixture's Keras weights (the builders' layer order is Keras's). */
function igModel(name: string, g: { xShape: number[]; weights: Weights }): Model {
  const shaped = { xShape: g.xShape, yShape: [g.xShape[0], 1] };
  if (name === 'dense') return setWeights(denseRegressor(shaped, { units: [6], activation: 'tanh' }), g.weights);
  if (name === 'multiclass') return setWeights(denseClassifier(shaped, { units: [6], activation: 'relu', classes: 3 }), g.weights);
  return setWeights(lstmForecaster(shaped, { units: [4] }), g.weights);
}

describe('integratedGradients', function () {
  this.timeout(60000);

  for (const name of ['dense', 'multiclass', 'lstm']) {
    it(`${name}: equals Keras + tf.GradientTape's trapezoid integrated gradients (64 steps) within 2e-5, and completeness holds at 4096 steps`, async () => {
      const g = golden.integratedGradients[name];
      await expectNoTensorLeak(async () => {
        const model = igModel(name, g);
        const data = { x: Float32Array.from(g.x), xShape: g.xShape };
        const r = await integratedGradients(model, data, { baseline: g.baseline, steps: 64 });
        expect(maxAbsDiff(r.prediction, g.prediction)).to.be.below(1e-5);
        expect(Array.from(r.outputs)).to.deep.equal(g.outputs);
        expect(r.shape).to.deep.equal(g.xShape);
        expect(maxAbsDiff(r.attributions, g.ig64), 'attributions').to.be.below(2e-5);
        const fine = await integratedGradients(model, data, { baseline: g.baseline, steps: 4096, batchSize: 8192 });
        expect(maxAbsDiff(fine.attributions, g.ig4096)).to.be.below(2e-5);
        // Completeness: the attributions of a sample add up to f(x) − f(baseline).
        for (let i = 0; i < g.outputs.length; i++) expect(Math.abs(fine.completenessGap[i]), `sample ${i}`).to.be.below(1e-4);
        expect(fine.maxGap).to.be.below(2e-3);
        model.dispose();
      });
    });
  }

  it('for a linear model the attributions are (x − baseline) · w exactly, by hand', async () => {
    const net = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3] })] });
    const w = [tf.tensor2d([2, -1, 0.5], [3, 1]), tf.tensor1d([0.3])];
    net.setWeights(w);
    tf.dispose(w);
    const model = wrapModel(net, { task: 'regression' });
    const r = await integratedGradients(
      model,
      { x: Float32Array.from([1, 2, 3, -1, 0, 4]), xShape: [2, 3] },
      { baseline: [1, 1, 1], steps: 4, features: ['a', 'b', 'c'] },
    );
    expect(Array.from(r.attributions).map((v) => +v.toFixed(6))).to.deep.equal([0, -1, 1, -4, 1, 1.5]);
    expect(r.featureAttribution(1, 0)).to.be.closeTo(-4, 1e-6);
    expect(r.meanAbsByFeature().map((v) => +v.toFixed(6))).to.deep.equal([2, 1, 1.25]);
    expect(Math.max(...Array.from(r.completenessGap, Math.abs))).to.be.below(1e-5);
    // summary: mean |attribution| per feature, largest first, population std over the samples: c: |1|, |1.5| → 1.25 ± 0.25.
    const summary = r.summary();
    expect(summary.importances.map((f) => f.feature)).to.deep.equal(['a', 'c', 'b']);
    expect(summary.importances[1].mean).to.be.closeTo(1.25, 1e-6);
    expect(summary.importances[1].std).to.be.closeTo(0.25, 1e-6);
    expect(JSON.stringify(importanceChart(summary).layout)).to.include('mean |integrated gradients|');
    model.dispose();
  });

  it('per lag × feature: meanAbsByLag is [lag][feature] and the heatmap draws it, oldest lag on top', async () => {
    const g = golden.integratedGradients.lstm;
    const model = igModel('lstm', g);
    const r = await integratedGradients(model, { x: Float32Array.from(g.x), xShape: g.xShape }, { steps: 32, features: ['p', 'q', 'r'] });
    const byLag = r.meanAbsByLag();
    expect(byLag.length).to.equal(5);
    expect(byLag[0].length).to.equal(3);
    const fig = attributionHeatmap(r);
    const trace = fig.data[0] as { z: number[][]; x: string[]; y: string[] };
    expect(trace.x).to.deep.equal(['p', 'q', 'r']);
    expect(trace.y).to.deep.equal(['lag 5', 'lag 4', 'lag 3', 'lag 2', 'lag 1']);
    expect(trace.z[4][1]).to.be.closeTo(byLag[4][1], 1e-12);
    model.dispose();
  });

  it('refuses a baseline of the wrong length and an output the model has not, naming the fix', async () => {
    const g = golden.integratedGradients.multiclass;
    const model = igModel('multiclass', g);
    const data = { x: Float32Array.from(g.x), xShape: g.xShape };
    await expectRejects(() => integratedGradients(model, data, { baseline: [0, 0] }), InputError, /baseline has 2 values but one sample has 4/);
    await expectRejects(() => integratedGradients(model, data, { output: 3 }), InputError, /output must be an index 0\.\.2/);
    await expectRejects(() => integratedGradients(model, { x: new Float32Array([NaN, 0, 0, 0]), xShape: [1, 4] }), InputError, /NaN in sample 0/);
    model.dispose();
  });
});

describe('partialDependence', function () {
  this.timeout(60000);
  const p = golden.partialDependence;
  const x = Float32Array.from(p.x);

  for (const name of ['regressor', 'regressorDiscrete', 'classifier']) {
    it(`${name}: grid, average and per-row curves equal scikit-learn's partial_dependence(kind="both") within 1e-5`, async () => {
      const c = p[name];
      await expectNoTensorLeak(async () => {
        const shaped = { xShape: [p.n, 4], yShape: [p.n, 1] };
        const model = setWeights(
          c.kind === 'binary' ? denseClassifier(shaped, { units: [6], activation: 'tanh' }) : denseRegressor(shaped, { units: [6], activation: 'tanh' }),
          c.weights,
        );
        const r = await partialDependence(model, { x, xShape: [p.n, 4] }, { feature: c.feature, gridResolution: c.gridResolution, individual: true });
        expect(maxAbsDiff(r.grid, c.grid), 'grid').to.be.below(1e-5);
        expect(maxAbsDiff(r.average, c.average), 'average').to.be.below(1e-5);
        expect(r.individual!.length).to.equal(p.n);
        expect(
          maxAbsDiff(
            r.individual!.flatMap((row) => Array.from(row)),
            c.individual.flat(),
          ),
          'individual',
        ).to.be.below(1e-5);
        const fig = partialDependenceChart(r, { ice: 20 });
        expect(fig.data.length).to.equal(21); // 20 ICE lines and the average
        model.dispose();
      });
    });
  }

  it("mquantile is scipy's mquantiles (alphap = betap = 0.4), by hand", () => {
    // m = 0.4 + 0.2p, aleph = n·p + m, k = floor(clip(aleph, 1, n − 1)), γ = clip(aleph − k, 0, 1).
    // 1..100, p = 0.05: aleph = 5.41 → 5 + 0.41 = 5.41; p = 0.95: aleph = 95.59 → 95.59 (scipy prints 5.41, 95.59).
    const s = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(mquantile(s, 0.05)).to.be.closeTo(5.41, 1e-12);
    expect(mquantile(s, 0.95)).to.be.closeTo(95.59, 1e-12);
    // 1..10, p = 0.5: aleph = 5.5 → 5.5; p = 0.95: aleph = 10.09, k = 9, γ clipped to 1 → 10.
    const t = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    expect(mquantile(t, 0.5)).to.be.closeTo(5.5, 1e-12);
    expect(mquantile(t, 0.95)).to.equal(10);
  });

  it('on windows the feature is set at every lag; a name needs features; bad names are named', async () => {
    const g = golden.integratedGradients.lstm;
    const model = igModel('lstm', g);
    const data = { x: Float32Array.from(g.x), xShape: g.xShape };
    const r = await partialDependence(model, data, { feature: 'q', features: ['p', 'q', 'r'], grid: [-1, 0, 1] });
    const set = Float32Array.from(g.x);
    for (let i = 0; i < 4 * 5; i++) set[i * 3 + 1] = 1;
    const direct = tf.tidy(() => (model.net.predict(tf.tensor(set, g.xShape)) as tf.Tensor).dataSync());
    expect(r.average[2]).to.be.closeTo(Array.from(direct).reduce((a, b) => a + b, 0) / 4, 1e-6);
    await expectRejects(() => partialDependence(model, data, { feature: 'q' }), InputError, /pass features/);
    await expectRejects(() => partialDependence(model, data, { feature: 'z', features: ['p', 'q', 'r'] }), InputError, /no feature "z" among p, q, r/);
    model.dispose();
  });
});

import { expect } from 'chai';
import { igModel, maxAbsDiff } from './keras-weights';
import { tf } from '../../lib/backend';
import { wrapModel } from '../../lib/models/wrap-model';
import { integratedGradients } from '../../lib/metrics/integrated-gradients';
import { attributionHeatmap } from '../../lib/charts/attribution-heatmap';
import { importanceChart } from '../../lib/charts/importance-chart';
import { InputError } from '../../lib/util/errors';
import { expectNoTensorLeak, expectRejects, fixture } from '../helpers';

const golden = fixture('attributions.json');
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

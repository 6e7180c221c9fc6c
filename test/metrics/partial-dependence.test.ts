import { expect } from 'chai';
import { igModel, maxAbsDiff, setWeights } from './keras-weights';
import { tf } from '../../lib/backend';
import { denseClassifier, denseRegressor } from '../../lib/models/dense-model';
import { mquantile, partialDependence } from '../../lib/metrics/partial-dependence';
import { partialDependenceChart } from '../../lib/charts/partial-dependence-chart';
import { InputError } from '../../lib/util/errors';
import { expectNoTensorLeak, expectRejects, fixture } from '../helpers';

const golden = fixture('attributions.json');
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

import { expect } from 'chai';
import { table } from '../../lib/data/table';
import { kFold } from '../../lib/preprocess/k-fold';
import { standardScaler } from '../../lib/preprocess/scaler';
import { toDataset } from '../../lib/preprocess/to-dataset';
import { denseRegressor } from '../../lib/models/dense-model';
import type { Model } from '../../lib/models/model';
import { fitModel } from '../../lib/train/fit-model';
import { predict } from '../../lib/train/predict';
import { crossValidate } from '../../lib/metrics/cross-validate';
import { mse } from '../../lib/metrics/regression';
import { parameterGrid, searchModels } from '../../lib/metrics/search-models';
import { searchChart } from '../../lib/charts/search-chart';
import { InputError } from '../../lib/util/errors';
import { expectNoTensorLeak, expectRejects } from '../helpers';

// y = 10 + noise; predicting shrink · (training mean) scores MSE ≈ ((1 − shrink)·10)² + var, so shrink = 1 wins.
const rows = Array.from({ length: 40 }, (_, i) => ({ x: i, y: 10 + Math.sin(i * 1.7) }));
const data = table({ x: rows.map((r) => r.x), y: rows.map((r) => r.y) });
const shrinkRun = (shrink: number) => (train: ReturnType<typeof table>, test: ReturnType<typeof table>) => {
  const m = train.numbers('y').reduce((a, b) => a + b, 0) / train.numRows;
  return { mse: mse(test.numbers('y'), new Float64Array(test.numRows).fill(shrink * m)) };
};

describe('searchModels', function () {
  this.timeout(120000);

  it("parameterGrid enumerates scikit-learn's ParameterGrid order (keys sorted, the last varying fastest)", () => {
    // list(ParameterGrid({'units': [[16], [32]], 'dropout': [0, 0.2], 'lr': [1]})) in scikit-learn 1.9:
    expect(parameterGrid({ units: [[16], [32]], dropout: [0, 0.2], lr: [1] })).to.deep.equal([
      { dropout: 0, lr: 1, units: [16] },
      { dropout: 0, lr: 1, units: [32] },
      { dropout: 0.2, lr: 1, units: [16] },
      { dropout: 0.2, lr: 1, units: [32] },
    ]);
  });

  it('ranks by the cross-validated mean: the shrinkage that is right by hand (1) wins, and the table and chart follow the ranking', async () => {
    const folds = kFold(data.numRows, { k: 4, shuffle: true, seed: 3 });
    const seen: number[] = [];
    const r = await searchModels({
      space: { shrink: [0.5, 1, 0.9, 1.2] },
      metric: 'mse',
      higherIsBetter: false,
      verbose: false,
      evaluate: (p) => {
        seen.push(p.shrink as number);
        return crossValidate(data, folds, shrinkRun(p.shrink as number));
      },
    });
    expect(seen).to.deep.equal([0.5, 1, 0.9, 1.2]);
    expect(r.best.params).to.deep.equal({ shrink: 1 });
    expect(r.ranked.map((t) => t.params.shrink)).to.deep.equal([1, 0.9, 1.2, 0.5]); // |1 − s| ascending: 0, 0.1, 0.2, 0.5
    expect(r.stoppedBy).to.equal(undefined);
    const cv = await crossValidate(data, folds, shrinkRun(1));
    expect(r.best.mean).to.equal(cv.mean.mse);
    expect(r.best.std).to.equal(cv.std.mse);
    const t = r.toTable();
    expect(t.numRows).to.equal(4);
    expect(Array.from(t.numbers('rank'))).to.deep.equal([1, 2, 3, 4]);
    expect(r.tabulate().caption).to.include('4 of 4 combinations (grid)');
    const fig = searchChart(r);
    const y = (fig.data[0] as { y: string[] }).y;
    expect(y[y.length - 1]).to.equal('#2 shrink=1'); // best on top
  });

  it('random: seeded, no combination twice, stops at trials; seconds: 0 runs exactly one trial', async () => {
    const space = { a: [1, 2, 3], b: [1, 2, 3], c: [0, 1] };
    const run = async (seed: number) => {
      const order: string[] = [];
      const r = await searchModels({
        space,
        strategy: 'random',
        trials: 7,
        seed,
        metric: 'm',
        higherIsBetter: true,
        onTrial: (t) => order.push(JSON.stringify(t.params)),
        evaluate: (p) => crossValidate(data, kFold(data.numRows, { k: 2 }), () => ({ m: (p.a as number) * 10 + (p.b as number) + (p.c as number) / 10 })),
      });
      return { r, order };
    };
    const a = await run(5);
    const b = await run(5);
    const c = await run(6);
    expect(a.order).to.deep.equal(b.order);
    expect(a.order).to.not.deep.equal(c.order);
    expect(new Set(a.order).size).to.equal(7);
    expect(a.r.stoppedBy).to.equal('trials');
    expect(a.r.combinations).to.equal(18);
    const top = Math.max(...a.r.trials.map((t) => t.mean));
    expect(a.r.best.mean).to.equal(top);
    const quick = await searchModels({
      space,
      metric: 'm',
      higherIsBetter: true,
      seconds: 0,
      verbose: false,
      evaluate: () => crossValidate(data, kFold(data.numRows, { k: 2 }), () => ({ m: 1 })),
    });
    expect(quick.trials.length).to.equal(1);
    expect(quick.stoppedBy).to.equal('seconds');
  });

  it('a real search: dense regressors scaled inside each fold, the best refitted on all training rows, no tensors left', async () => {
    const n = 120;
    const t = table({
      a: Array.from({ length: n }, (_, i) => Math.sin(i)),
      b: Array.from({ length: n }, (_, i) => Math.cos(i * 0.7)),
      y: Array.from({ length: n }, (_, i) => 3 * Math.sin(i) - Math.cos(i * 0.7)),
    });
    const fitScored = async (p: Record<string, unknown>, train: typeof t, test?: typeof t) => {
      const scaler = standardScaler({ columns: ['a', 'b'] }).fit(train);
      const tr = toDataset(scaler.transform(train), { features: ['a', 'b'], target: 'y' });
      const model = denseRegressor(tr, { units: p.units as number[], seed: 1, learningRate: 0.02 });
      await fitModel(model, tr, { epochs: 15, batchSize: 16, progress: 'none' });
      if (!test) return { model };
      const te = toDataset(scaler.transform(test), { features: ['a', 'b'], target: 'y' });
      const score = mse(te.y, await predict(model, te));
      model.dispose();
      return { score };
    };
    await expectNoTensorLeak(async () => {
      const r = await searchModels<Model>({
        space: { units: [[2], [16, 16]] },
        metric: 'mse',
        higherIsBetter: false,
        verbose: false,
        evaluate: (p) => crossValidate(t, kFold(n, { k: 3 }), async (train, test) => ({ mse: (await fitScored(p, train, test)).score! })),
        refit: async (p) => (await fitScored(p, t)).model!,
      });
      expect(r.trials.length).to.equal(2);
      expect(r.refitted!.spec.options.units).to.deep.equal(r.best.params.units);
      r.refitted!.dispose();
    });
  });

  it('refuses a metric the folds do not report, a missing direction and a random search without trials, naming the fix', async () => {
    const evaluate = () => crossValidate(data, kFold(data.numRows, { k: 2 }), () => ({ rmse: 1 }));
    await expectRejects(
      () => searchModels({ space: { a: [1] }, metric: 'auc', higherIsBetter: true, evaluate, verbose: false }),
      InputError,
      /report rmse, not "auc"/,
    );
    await expectRejects(() => searchModels({ space: { a: [1] }, metric: 'rmse', evaluate } as any), InputError, /higherIsBetter/);
    await expectRejects(
      () => searchModels({ space: { a: [1, 2] }, strategy: 'random', metric: 'rmse', higherIsBetter: false, evaluate }),
      InputError,
      /needs trials/,
    );
    await expectRejects(
      () => searchModels({ space: { a: [] }, metric: 'rmse', higherIsBetter: false, evaluate }),
      InputError,
      /space\.a must be a non-empty list/,
    );
  });
});

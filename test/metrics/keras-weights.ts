/** Test helpers shared by the explanation tests: library models carrying the fixture's Keras weights. */
import { expect } from 'chai';
import { tf } from '../../lib/backend';
import { denseClassifier, denseRegressor } from '../../lib/models/dense-model';
import { lstmForecaster } from '../../lib/models/sequence-model';
import type { Model } from '../../lib/models/model';

export type Weights = { shape: number[]; values: number[] }[];

export function setWeights(model: Model, weights: Weights): Model {
  const t = weights.map((w) => tf.tensor(w.values, w.shape));
  model.net.setWeights(t);
  tf.dispose(t);
  return model;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).to.equal(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** The library model with the fixture's Keras weights (the builders' layer order is Keras's). */
export function igModel(name: string, g: { xShape: number[]; weights: Weights }): Model {
  const shaped = { xShape: g.xShape, yShape: [g.xShape[0], 1] };
  if (name === 'dense') return setWeights(denseRegressor(shaped, { units: [6], activation: 'tanh' }), g.weights);
  if (name === 'multiclass') return setWeights(denseClassifier(shaped, { units: [6], activation: 'relu', classes: 3 }), g.weights);
  return setWeights(lstmForecaster(shaped, { units: [4] }), g.weights);
}

/**
 * The seeded models whose saved files Keras reads (scripts/make-keras-fixtures.sh) and the tests check: one per
 * library layer class, weights drawn from a seeded normal (biases too, so no weight is trivially zero), inputs
 * from a seeded uniform. Pure JS random numbers: the same files on every backend.
 */
import { expect } from 'chai';
import * as path from 'path';
import * as fs from 'fs';
import { tf } from '../../lib/backend';
import { denseClassifier } from '../../lib/models/dense-model';
import { conv1dForecaster, gruForecaster, lstmForecaster } from '../../lib/models/sequence-model';
import type { Model } from '../../lib/models/model';
import { seededRng } from '../../lib/util/rng';

export interface PortableCase {
  name: string;
  model: () => Model;
  xShape: number[];
}

export const PORTABLE_CASES: PortableCase[] = [
  { name: 'dense-dropout', xShape: [5, 6], model: () => denseClassifier({ xShape: [1, 6] }, { units: [8, 4], dropout: 0.2, seed: 11 }) },
  { name: 'lstm-stacked', xShape: [4, 7, 3], model: () => lstmForecaster({ xShape: [1, 7, 3] }, { units: [6, 4], dropout: 0.1, fused: true, seed: 12 }) },
  { name: 'gru', xShape: [4, 7, 3], model: () => gruForecaster({ xShape: [1, 7, 3] }, { units: [5], fused: true, seed: 13 }) },
  { name: 'conv1d', xShape: [4, 9, 2], model: () => conv1dForecaster({ xShape: [1, 9, 2] }, { units: [4], kernelSize: 3, seed: 14 }) },
];

/** The case's model with every weight replaced by seeded N(0, 0.4²) draws. */
export function portableModel(c: PortableCase): Model {
  const model = c.model();
  const rng = seededRng(1000 + PORTABLE_CASES.indexOf(c));
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const weights = model.net.getWeights().map((w) =>
    tf.tensor(
      Float32Array.from({ length: w.size }, () => 0.4 * normal()),
      w.shape,
    ),
  );
  model.net.setWeights(weights);
  tf.dispose(weights);
  return model;
}

/** Seeded inputs in [-1, 1] for a case. */
export function portableInputs(c: PortableCase): Float32Array {
  const rng = seededRng(2000 + PORTABLE_CASES.indexOf(c));
  return Float32Array.from({ length: c.xShape.reduce((a, b) => a * b, 1) }, () => 2 * rng() - 1);
}

export const ROOT = path.join(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'keras');
export const readJson = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8'));

/** Maximum absolute difference, for messages. */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).to.equal(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** model.json without what depends on the process (generated layer names, version stamp). */
export function shapeOf(modelJson: {
  modelTopology: { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
  weightsManifest: { weights: { shape: number[]; dtype: string }[] }[];
}) {
  return {
    layers: modelJson.modelTopology.config.layers.map((l) => ({ class_name: l.class_name, config: { ...l.config, name: undefined } })),
    weights: modelJson.weightsManifest[0].weights.map((w) => [w.shape, w.dtype]),
  };
}

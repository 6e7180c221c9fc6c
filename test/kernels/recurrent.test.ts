/**
 * The fused recurrent layers (lib/models/fused-recurrent.ts over lib/kernels/recurrent.ts): outputs and gradients
 * equal tfjs's own LSTM and GRU on the same weights; the gradient agrees with finite differences; the C kernel
 * (each instruction set, OpenBLAS on and off) agrees with the TypeScript reference; no tensor leaks; seeded runs
 * repeat bit for bit; bad input gets the library's errors.
 */
import { expect } from 'chai';
import { tf } from '../../lib/backend';
import { fastRecurrentKernel, recurrentKernel, useKernels } from '../../lib/kernels/recurrent';
import { FusedGRU, FusedLSTM } from '../../lib/models/fused-recurrent';
import { lstmForecaster, gruForecaster } from '../../lib/models/sequence-model';
import { fitModel } from '../../lib/train/fit-model';
import { useCHelper } from '../../lib/kernels/c-helper';
import { InputError } from '../../lib/util/errors';
import { seededRng } from '../../lib/util/rng';
import { expectNoTensorLeak } from '../helpers';

type Cell = 'lstm' | 'gru';
const CELLS: Cell[] = ['lstm', 'gru'];

function tfjsLayer(cell: Cell, units: number, returnSequences: boolean): tf.layers.Layer {
  // Random biases so that every gate's bias gradient is exercised (the default zeros would hide a swapped gate).
  const args = {
    units,
    returnSequences,
    recurrentActivation: 'sigmoid' as const,
    biasInitializer: tf.initializers.randomNormal({ seed: 3 }),
    kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }),
    recurrentInitializer: tf.initializers.orthogonal({ seed: 5 }),
  };
  return cell === 'lstm' ? tf.layers.lstm(args) : tf.layers.gru(args);
}

function fusedLayer(cell: Cell, units: number, returnSequences: boolean): tf.layers.Layer {
  return cell === 'lstm' ? new FusedLSTM({ units, returnSequences }) : new FusedGRU({ units, returnSequences });
}

/** A tfjs layer and a fused one with the same weights, built for x. */
function pair(cell: Cell, x: tf.Tensor, units: number, returnSequences: boolean) {
  const ref = tfjsLayer(cell, units, returnSequences);
  const fused = fusedLayer(cell, units, returnSequences);
  tf.tidy(() => {
    ref.apply(x);
    fused.apply(x);
  });
  fused.setWeights(ref.getWeights());
  return { ref, fused, dispose: () => [ref, fused].forEach((l) => l.dispose()) };
}

function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
}

/** Output, input gradient and weight gradients of sum(layer(x) · probe). */
function outputsAndGrads(layer: tf.layers.Layer, x: tf.Tensor, probe: tf.Tensor) {
  const loss = (xx: tf.Tensor) => tf.sum(tf.mul(layer.apply(xx) as tf.Tensor, probe)) as tf.Scalar;
  const y = layer.apply(x) as tf.Tensor;
  const dx = tf.grad(loss)(x);
  const vars = layer.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val);
  const { value, grads } = tf.variableGrads(() => loss(x), vars);
  value.dispose();
  return { y, dx, dw: vars.map((v) => grads[v.name]) };
}

describe('fused LSTM and GRU layers (lib/models/fused-recurrent.ts)', function () {
  this.timeout(120000);

  for (const cell of CELLS) {
    for (const returnSequences of [false, true]) {
      it(`${cell}, returnSequences ${returnSequences}: outputs and gradients equal tfjs's own layer within 2e-6`, () => {
        const x = tf.randomNormal([5, 7, 3], 0, 1, 'float32', 11);
        const { ref, fused, dispose } = pair(cell, x, 6, returnSequences);
        const probe = tf.randomNormal(returnSequences ? [5, 7, 6] : [5, 6], 0, 1, 'float32', 12);
        const a = outputsAndGrads(ref, x, probe);
        const b = outputsAndGrads(fused, x, probe);
        expect(b.y.shape).to.deep.equal(a.y.shape);
        expect(maxAbsDiff(a.y, b.y), 'output').to.be.below(2e-6);
        expect(maxAbsDiff(a.dx, b.dx), 'd input').to.be.below(2e-6);
        a.dw.forEach((g, i) => expect(maxAbsDiff(g, b.dw[i]), `d weight ${i}`).to.be.below(5e-6));
        tf.dispose([x, probe, a.y, a.dx, b.y, b.dx, ...a.dw, ...b.dw]);
        dispose();
      });
    }

    it(`${cell}: the gradient agrees with central finite differences (float64 check of 12 weights)`, () => {
      const x = tf.randomNormal([3, 5, 2], 0, 1, 'float32', 21);
      const layer = fusedLayer(cell, 4, false);
      const probe = tf.randomNormal([3, 4], 0, 1, 'float32', 22);
      const { dw } = outputsAndGrads(layer, x, probe);
      const weights = layer.getWeights().map((w) => w.dataSync().slice());
      const lossAt = (k: number, i: number, delta: number) => {
        const ws = weights.map((w) => w.slice());
        ws[k][i] += delta;
        layer.setWeights(ws.map((w, j) => tf.tensor(w, layer.getWeights()[j].shape)));
        return tf.tidy(() => tf.sum(tf.mul(layer.apply(x) as tf.Tensor, probe)).dataSync()[0]);
      };
      const rng = seededRng(5);
      for (let n = 0; n < 12; n++) {
        const k = n % 3;
        const i = Math.floor(rng() * weights[k].length);
        const h = 1e-2;
        const numeric = (lossAt(k, i, h) - lossAt(k, i, -h)) / (2 * h);
        const analytic = dw[k].dataSync()[i];
        expect(Math.abs(numeric - analytic), `weight ${k}[${i}]: numeric ${numeric}, analytic ${analytic}`).to.be.below(2e-3 * Math.max(1, Math.abs(analytic)));
      }
      tf.dispose([x, probe, ...dw]);
      layer.dispose();
    });

    it(`${cell}: the C kernel (every instruction set, OpenBLAS on and off) equals the TypeScript reference`, function () {
      if (!fastRecurrentKernel()) this.skip(); // the C helper is not built here: only the reference runs
      const rng = seededRng(9);
      const [B, T, F, H] = [6, 9, 4, 7];
      const G = (cell === 'lstm' ? 4 : 3) * H;
      const r = (n: number) => Float32Array.from({ length: n }, () => rng() - 0.5);
      const x = r(B * T * F),
        w = r(F * G),
        u = r(H * G),
        b = r(G),
        dhSeq = r(B * T * H),
        dhLast = r(B * H);
      const dims = Float64Array.of(B, T, F, H);
      const run = () => {
        const k = recurrentKernel();
        const gates = new Float32Array(B * T * G),
          state = new Float32Array(B * T * H),
          h = new Float32Array(B * T * H);
        expect(k.forward(cell, x, w, u, b, dims, gates, state, h)).to.equal(-1);
        const out = { h, dx: new Float32Array(B * T * F), dw: new Float32Array(F * G), du: new Float32Array(H * G), db: new Float32Array(G) };
        expect(
          k.backward(
            cell,
            x,
            w,
            u,
            gates,
            state,
            h,
            dhSeq,
            dhLast,
            dims,
            out.dx,
            out.dw,
            out.du,
            out.db,
            new Float32Array(B * T * G),
            new Float32Array(B * H),
            new Float32Array(B * H),
          ),
        ).to.equal(-1);
        return { name: k.name, ...out };
      };
      useCHelper(false);
      const ref = run();
      useCHelper(true);
      expect(ref.name).to.equal('typescript');
      try {
        for (const isa of [2, 1, 0] as const) {
          for (const blas of [true, false]) {
            useKernels({ isa, blas });
            const c = run();
            for (const key of ['h', 'dx', 'dw', 'du', 'db'] as const) {
              let worst = 0;
              c[key].forEach((v, i) => (worst = Math.max(worst, Math.abs(v - ref[key][i]))));
              expect(worst, `${c.name} ${key}`).to.be.below(2e-6);
            }
          }
        }
      } finally {
        useKernels({ isa: 2, blas: true });
      }
    });
  }

  it('the layers train inside model.fit, repeat bit for bit under one seed, and leave no tensors behind', async () => {
    const rng = seededRng(3);
    const n = 64;
    const x = Float32Array.from({ length: n * 10 * 2 }, () => rng() - 0.5);
    const y = Float32Array.from({ length: n }, (_, i) => x[i * 20 + 18] * 2);
    const data = { x, xShape: [n, 10, 2], y, yShape: [n, 1] };
    for (const build of [lstmForecaster, gruForecaster]) {
      const losses: number[][] = [];
      for (let run = 0; run < 2; run++) {
        await expectNoTensorLeak(async () => {
          const model = build(data, { units: [8, 4], seed: 5, dropout: 0.1 });
          expect(model.net.layers.map((l) => l.getClassName())).to.include(build === lstmForecaster ? 'TsdlLSTM' : 'TsdlGRU');
          const h = await fitModel(model, data, { epochs: 3, batchSize: 16, progress: 'none' });
          losses.push(h.loss);
          tf.tidy(() => {
            model.net.predict(tf.tensor3d(x, [n, 10, 2]));
          });
          model.dispose();
        });
      }
      expect(losses[1]).to.deep.equal(losses[0]);
      expect(losses[0][2]).to.be.below(losses[0][0]);
    }
  });

  it('a model with fused layers saves and loads as a tfjs LayersModel with the same predictions', async () => {
    const model = tf.sequential({
      layers: [new FusedLSTM({ units: 5, returnSequences: true, inputShape: [6, 3] }), new FusedGRU({ units: 4 }), tf.layers.dense({ units: 1 })],
    });
    const x = tf.randomNormal([4, 6, 3], 0, 1, 'float32', 8);
    let artifacts: tf.io.ModelArtifacts | undefined;
    await model.save(tf.io.withSaveHandler(async (a) => ((artifacts = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts!));
    expect(loaded.layers.map((l) => l.getClassName())).to.deep.equal(['TsdlLSTM', 'TsdlGRU', 'Dense']);
    const a = model.predict(x) as tf.Tensor;
    const b = loaded.predict(x) as tf.Tensor;
    expect(maxAbsDiff(a, b)).to.equal(0);
    tf.dispose([x, a, b]);
    model.dispose();
    loaded.dispose();
  });

  it('NaN in the input is refused with its position and the fix, not clamped into a finite answer', () => {
    const layer = new FusedLSTM({ units: 3 });
    const values = new Float32Array(2 * 4 * 2).fill(0.5);
    values[1 * 8 + 2 * 2 + 1] = NaN; // sample 1, step 2, feature 1
    const x = tf.tensor3d(values, [2, 4, 2]);
    expect(() => layer.apply(x)).to.throw(InputError, /sample 1, step 2, feature 1.*fill or drop missing values/);
    const ok = tf.tensor3d(new Float32Array(16).fill(0.5), [2, 4, 2]);
    tf.dispose(layer.apply(ok) as tf.Tensor);
    layer.setWeights(layer.getWeights().map((w, i) => (i === 1 ? tf.fill(w.shape, NaN) : w)));
    expect(() => layer.apply(ok)).to.throw(InputError, /weights hold NaN.*lower the learning rate/);
    tf.dispose([x, ok]);
    layer.dispose();
  });

  it('input that is not [samples, steps, features] gets the library error naming the shape', () => {
    const layer = new FusedGRU({ units: 3 });
    const x = tf.zeros([4, 2]);
    expect(() => layer.apply(x)).to.throw(InputError, /windows \[samples, steps, features\].*\[4, 2\]/);
    x.dispose();
  });
});

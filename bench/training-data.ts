/** The training benchmark's workloads: the same arrays for this library and for Keras (written as raw float32). */
import * as fs from 'fs';
import * as path from 'path';
import { seededRng } from '../lib/util/rng';
import { loadCsv } from '../lib/data/load-csv';
import { labelEncoder } from '../lib/preprocess/label-encoder';
import { standardScaler } from '../lib/preprocess/scaler';
import { pipeline } from '../lib/preprocess/pipeline';
import { toDataset } from '../lib/preprocess/to-dataset';

export interface Workload {
  name: string;
  kind: 'mlp' | 'lstm' | 'gru' | 'medical' | 'conv1d' | 'lstm128' | 'dense256' | 'dense1024';
  /** Hidden units of the model (the runners build the same layers from it). */
  units: number[];
  x: Float32Array;
  xShape: number[];
  y: Float32Array;
  yShape: number[];
  batchSize: number;
  epochs: number;
}

const ROOT = path.join(__dirname, '..');

function normal(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

export function workloads(): Workload[] {
  const rng = seededRng(7);
  // (1) MLP: 20,000 rows × 20 features, y a noisy nonlinear function of them.
  const n1 = 20000;
  const x1 = Float32Array.from({ length: n1 * 20 }, () => normal(rng));
  const y1 = Float32Array.from({ length: n1 }, (_, i) => Math.tanh(x1[i * 20] + 0.5 * x1[i * 20 + 1] * x1[i * 20 + 2]) + 0.1 * normal(rng));
  // (2) LSTM: 5,000 windows of 30 steps × 5 features.
  const n2 = 5000;
  const x2 = Float32Array.from({ length: n2 * 30 * 5 }, () => normal(rng));
  const y2 = Float32Array.from({ length: n2 }, (_, i) => x2[i * 150 + 145] * 0.5 + 0.1 * normal(rng));
  // (3) The medical classifier's data: Wisconsin breast cancer, 569 × 30, standardised.
  const raw = loadCsv(path.join(ROOT, 'datasets', 'breast-cancer-wisconsin-diagnostic.csv'));
  const features = raw.columnNames.filter((c) => c !== 'diagnosis');
  const prep = pipeline([labelEncoder({ column: 'diagnosis' }), standardScaler({ columns: features })]).fit(raw);
  const d3 = toDataset(prep.transform(raw), { features, target: 'diagnosis' });
  // (4) LSTM(128) over long windows: 2,000 windows of 120 steps × 5 features.
  const n4 = 2000;
  const x4 = Float32Array.from({ length: n4 * 120 * 5 }, () => normal(rng));
  const y4 = Float32Array.from({ length: n4 }, (_, i) => x4[i * 600 + 595] * 0.5 + x4[i * 600 + 300] * 0.2);
  // (5) Wide dense nets: 20,000 × 20 → 256-256, and 5,000 × 256 → 1024-1024.
  const n6 = 5000;
  const x6 = Float32Array.from({ length: n6 * 256 }, () => normal(rng));
  const y6 = Float32Array.from({ length: n6 }, (_, i) => Math.tanh(x6[i * 256] + x6[i * 256 + 1] * x6[i * 256 + 2]));
  return [
    {
      name: 'MLP 20→64→64→1, 20,000 rows, batch 32, 5 epochs',
      kind: 'mlp',
      units: [64, 64],
      x: x1,
      xShape: [n1, 20],
      y: y1,
      yShape: [n1, 1],
      batchSize: 32,
      epochs: 5,
    },
    {
      name: 'LSTM(32), 5,000 windows 30×5, batch 64, 3 epochs',
      kind: 'lstm',
      units: [32],
      x: x2,
      xShape: [n2, 30, 5],
      y: y2,
      yShape: [n2, 1],
      batchSize: 64,
      epochs: 3,
    },
    {
      name: 'GRU(32), 5,000 windows 30×5, batch 64, 3 epochs',
      kind: 'gru',
      units: [32],
      x: x2,
      xShape: [n2, 30, 5],
      y: y2,
      yShape: [n2, 1],
      batchSize: 64,
      epochs: 3,
    },
    {
      name: 'medical classifier 569×30 (32-16, dropout 0.3), batch 32, 100 epochs',
      kind: 'medical',
      units: [32, 16],
      x: d3.x,
      xShape: d3.xShape,
      y: d3.y,
      yShape: d3.yShape,
      batchSize: 32,
      epochs: 100,
    },
    {
      name: 'Conv1D(32, kernel 3, causal) + pooling, 5,000 windows 30×5, batch 64, 3 epochs',
      kind: 'conv1d',
      units: [32],
      x: x2,
      xShape: [n2, 30, 5],
      y: y2,
      yShape: [n2, 1],
      batchSize: 64,
      epochs: 3,
    },
    {
      name: 'LSTM(128), 2,000 windows 120×5, batch 64, 1 epoch',
      kind: 'lstm128',
      units: [128],
      x: x4,
      xShape: [n4, 120, 5],
      y: y4,
      yShape: [n4, 1],
      batchSize: 64,
      epochs: 1,
    },
    {
      name: 'dense 20→256→256→1, 20,000 rows, batch 32, 2 epochs',
      kind: 'dense256',
      units: [256, 256],
      x: x1,
      xShape: [n1, 20],
      y: y1,
      yShape: [n1, 1],
      batchSize: 32,
      epochs: 2,
    },
    {
      name: 'dense 256→1024→1024→1, 5,000 rows, batch 512, 1 epoch',
      kind: 'dense1024',
      units: [1024, 1024],
      x: x6,
      xShape: [n6, 256],
      y: y6,
      yShape: [n6, 1],
      batchSize: 512,
      epochs: 1,
    },
  ];
}

/** Writes each workload as <kind>.x.f32 / <kind>.y.f32 plus a JSON index, for bench/training.py. */
export function writeWorkloads(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const index = workloads().map((w) => {
    fs.writeFileSync(path.join(dir, `${w.kind}.x.f32`), Buffer.from(w.x.buffer, w.x.byteOffset, w.x.byteLength));
    fs.writeFileSync(path.join(dir, `${w.kind}.y.f32`), Buffer.from(w.y.buffer, w.y.byteOffset, w.y.byteLength));
    return { name: w.name, kind: w.kind, units: w.units, xShape: w.xShape, yShape: w.yShape, batchSize: w.batchSize, epochs: w.epochs };
  });
  const file = path.join(dir, 'workloads.json');
  fs.writeFileSync(file, JSON.stringify(index, null, 1));
  return file;
}

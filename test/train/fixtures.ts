/** Small real-data problems shared by the model and training tests. */
import * as path from 'path';
import { loadCsv } from '../../lib/data/load-csv';
import { labelEncoder } from '../../lib/preprocess/label-encoder';
import { standardScaler } from '../../lib/preprocess/scaler';
import { pipeline } from '../../lib/preprocess/pipeline';
import { toDataset } from '../../lib/preprocess/to-dataset';
import { trainTestSplit } from '../../lib/preprocess/train-test-split';
import { makeWindows } from '../../lib/preprocess/make-windows';
import { splitByTime } from '../../lib/preprocess/split-by-time';
import { DATASETS } from '../helpers';

/** Wisconsin breast cancer: stratified split, label encoded, standardised on train. */
export function cancerProblem() {
  const raw = loadCsv(path.join(DATASETS, 'breast-cancer-wisconsin-diagnostic.csv'));
  const { train, test } = trainTestSplit(raw, { stratify: 'diagnosis', testSize: 0.2, seed: 11 });
  const features = raw.columnNames.filter((c) => c !== 'diagnosis');
  const prep = pipeline([labelEncoder({ column: 'diagnosis' }), standardScaler({ columns: features })]).fit(train);
  return {
    raw,
    train,
    test,
    prep,
    features,
    trainData: toDataset(prep.transform(train), { target: 'diagnosis', features }),
    testData: toDataset(prep.transform(test), { target: 'diagnosis', features }),
  };
}

/** Treasury yields: 12-month windows, scaled on the training span. */
export function yieldWindows(lookback = 12) {
  const raw = loadCsv(path.join(DATASETS, 'treasury-yields-monthly.csv'));
  const { train } = splitByTime(raw, { testSize: 0.2 });
  const scaler = standardScaler({ columns: ['yield_1y', 'yield_10y'] }).fit(train);
  const scaled = scaler.transform(raw);
  return { raw, scaler, windows: makeWindows(scaled, { features: ['yield_1y', 'yield_10y'], targets: ['yield_10y'], lookback, targetEnd: train.numRows }) };
}

/** 64 rows of two features (sin) and a target (cos): a quick regression for tests of training's side effects. */
export function sineRegression(n = 64): { x: Float32Array; xShape: number[]; y: Float32Array; yShape: number[] } {
  return {
    x: Float32Array.from({ length: n * 2 }, (_, i) => Math.sin(i)),
    xShape: [n, 2],
    y: Float32Array.from({ length: n }, (_, i) => Math.cos(i)),
    yShape: [n, 1],
  };
}

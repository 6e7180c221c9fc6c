// The seeded NCCTG lung split of scripts/make-survival-fixtures.py, for the scikit-survival comparisons.
import * as path from 'path';
import { loadCsv } from '../../lib/data/load-csv';
import { DATASETS, fixture } from '../helpers';

export interface Split {
  train: number[];
  test: number[];
  trainCoef: number[];
  risk: number[];
  harrell: number;
  uno: number;
  unoNoTau: number;
  aucTimes: number[];
  auc: number[];
  meanAuc: number;
  brier: number[];
  grid: number[];
  survivalGrid: number[][];
  brierGrid: number[];
  ibs: number;
}
export const ref = fixture<{ split: Split }>('survival.json').split;
export const lung = loadCsv(path.join(DATASETS, 'ncctg-lung.csv')).dropMissing(['age', 'sex', 'ph.ecog']);
export const train = lung.take(ref.train);
export const test = lung.take(ref.test);
export const outcome = (t: typeof lung) => ({ time: t.numbers('time'), event: t.numbers('status') });

import { expect } from 'chai';
import * as path from 'path';
import { loadCsv } from '../../lib/data/load-csv';
import { table } from '../../lib/data/table';
import { minMaxScaler, robustScaler, standardScaler } from '../../lib/preprocess/scaler';
import { InputError, NotFittedError } from '../../lib/util/errors';
import { DATASETS, expectClose, expectError, fixture } from '../helpers';

const g = fixture('preprocess.json');
const cols: string[] = g.columns;
const bc = loadCsv(path.join(DATASETS, 'breast-cancer-wisconsin-diagnostic.csv'));
const train = bc.select(cols).slice(0, 400);
const test = bc.select(cols).slice(400);

function row(t: ReturnType<typeof bc.select>, i: number): number[] {
  return cols.map((c) => t.numbers(c)[i]);
}

describe('scalers vs scikit-learn', () => {
  const specs = { standard: standardScaler(), minmax: minMaxScaler(), minmax_m1_1: minMaxScaler({ featureRange: [-1, 1] }), robust: robustScaler() } as const;
  for (const [name, spec] of Object.entries(specs)) {
    it(`${name}: transform of unseen rows`, () => {
      const fitted = spec.fit(train);
      const out = fitted.transform(test);
      for (let i = 0; i < 5; i++) expectClose(row(out, i), g[name].test_first5[i], 1e-9, `${name} row ${i}`);
      expectClose(row(out, test.numRows - 1), g[name].test_last, 1e-9, `${name} last row`);
      const back = fitted.inverseTransform(out);
      expectClose(row(back, 3), row(test, 3), 1e-9, 'inverse');
    });
  }
  it('learned state is readable and equals scikit-learn', () => {
    const s = standardScaler().fit(train);
    expectClose(s.offset, g.standard.mean, 1e-12, 'mean_');
    expectClose(s.scale, g.standard.scale, 1e-12, 'scale_');
    const r = robustScaler().fit(train);
    expectClose(r.offset, g.robust.center, 1e-12, 'center_');
    expectClose(r.scale, g.robust.scale, 1e-12, 'scale_');
  });
  it('only a fitted scaler transforms; a constant column is left unscaled', () => {
    expectError(() => (standardScaler() as any).transform(train), NotFittedError, 'not fitted', '.fit(');
    const t = table({ c: [5, 5, 5], x: [1, 2, 3] });
    expect(Array.from(standardScaler().fit(t).transform(t).numbers('c'))).to.deep.equal([0, 0, 0]);
  });
  it('a column constant but for rounding is left unscaled, as scikit-learn does', () => {
    // 0.1 on every row has a computed standard deviation of 1.4e-17; dividing by it sent 0.2 to 7e15.
    const k = g.constant;
    const names = Object.keys(k.train);
    const trainC = table(k.train);
    const testC = table(k.test);
    for (const [name, spec] of Object.entries(specs)) {
      const fitted = spec.fit(trainC);
      const out = fitted.transform(testC);
      for (let i = 0; i < 2; i++)
        expectClose(
          names.map((c) => out.numbers(c)[i]),
          k[name].test[i],
          1e-9,
          `${name} row ${i}`,
        );
      // scikit-learn's MinMaxScaler.scale_ multiplies; `scale` divides, and `scikitLearn` gives scikit-learn's.
      expectClose(fitted.scikitLearn.scale_, k[name].scale, 1e-12, `${name} scale_`);
      if (name.startsWith('minmax')) {
        const { scale_, min_ } = fitted.scikitLearn;
        names.forEach((c, j) => expectClose([testC.numbers(c)[1] * scale_[j] + min_[j]], [out.numbers(c)[1]], 1e-12, `${name} ${c}: x · scale_ + min_`));
      }
    }
  });
  it('fitted state depends only on the rows it was fitted on', () => {
    const a = standardScaler().fit(train);
    const b = standardScaler().fit(bc.select(cols).slice(0, 400));
    expect(a.offset).to.deep.equal(b.offset);
    expect(standardScaler().fit(bc.select(cols)).offset).to.not.deep.equal(a.offset);
  });
  it('does not mutate its input', () => {
    const before = Array.from(train.numbers('mean_radius'));
    standardScaler().fit(train).transform(train);
    expect(Array.from(train.numbers('mean_radius'))).to.deep.equal(before);
  });
  describe('bad input', () => {
    it('NaN or Infinity reaching fit names column and row', () => {
      expectError(() => standardScaler().fit(table({ a: [1, NaN, 3] })), InputError, 'column "a"', 'NaN', 'row 1', 'simpleImputer');
      expectError(() => minMaxScaler().fit(table({ a: [1, Infinity] })), InputError, 'Infinity', 'row 1');
    });
    it('min-max fit finds NaN, ±Infinity, the min and the max at every position of short and odd-length columns', () => {
      // The fit reads four values per iteration plus a tail: each position is checked, for lengths 1-11.
      for (let n = 1; n <= 11; n++) {
        const base = Array.from({ length: n }, (_, i) => ((i * 7) % 5) - 2);
        const fitted = minMaxScaler().fit(table({ a: base }));
        expect(fitted.center.a, `min of ${base}`).to.equal(Math.min(...base));
        expect(fitted.scale[0], `range of ${base}`).to.equal(Math.max(...base) - Math.min(...base) || 1);
        for (let p = 0; p < n; p++) {
          for (const bad of [NaN, Infinity, -Infinity]) {
            const a = base.slice();
            a[p] = bad;
            expectError(() => minMaxScaler().fit(table({ a })), InputError, String(bad), `row ${p}`);
          }
          const low = base.slice();
          low[p] = -100;
          expect(minMaxScaler().fit(table({ a: low })).center.a).to.equal(-100);
        }
      }
    });
    it('1e300 values overflow the spread: refused with a fix', () => {
      expectError(() => standardScaler().fit(table({ big: [1e300, -1e300, 3e300] })), InputError, 'too large', '"big"');
    });
    it('transform with a column the fit never saw', () => {
      const s = standardScaler({ columns: ['mean_radius'] }).fit(train);
      expectError(() => s.transform(table({ other: [1] })), InputError, 'mean_radius', 'missing', 'table has: other');
    });
    it('text column given to a scaler', () => {
      expectError(() => standardScaler({ columns: ['diagnosis'] }).fit(bc), InputError, 'column "diagnosis" is not numeric', 'row 0');
    });
  });
});

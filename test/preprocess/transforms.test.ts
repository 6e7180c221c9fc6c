import { expect } from 'chai';
import * as path from 'path';
import { loadCsv } from '../../lib/data/load-csv';
import { table } from '../../lib/data/table';
import { labelEncoder } from '../../lib/preprocess/label-encoder';
import { oneHotEncoder } from '../../lib/preprocess/one-hot-encoder';
import { ordinalEncoder } from '../../lib/preprocess/ordinal-encoder';
import { pipeline } from '../../lib/preprocess/pipeline';
import { minMaxScaler, robustScaler, standardScaler } from '../../lib/preprocess/scaler';
import { simpleImputer } from '../../lib/preprocess/simple-imputer';
import { restoreTransform } from '../../lib/preprocess/restore-transform';
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

describe('simpleImputer vs scikit-learn', () => {
  const holed = (() => {
    const r = Float64Array.from(train.numbers('mean_radius'));
    const t = Float64Array.from(train.numbers('mean_texture'));
    for (const i of g.impute_holes.mean_radius) r[i] = NaN;
    for (const i of g.impute_holes.mean_texture) t[i] = NaN;
    return table({ mean_radius: r, mean_texture: t });
  })();
  for (const strategy of ['mean', 'median', 'most_frequent'] as const) {
    it(strategy, () => {
      const f = simpleImputer({ strategy }).fit(holed);
      expectClose([f.statistics.mean_radius as number, f.statistics.mean_texture as number], g[`impute_${strategy}`], 1e-12, strategy);
      expect(Array.from(f.transform(holed).numbers('mean_radius')).some(Number.isNaN)).to.equal(false);
    });
  }
  it('addIndicator: a <column>_missing flag for each column with a gap in training, set where the value was missing', () => {
    const train = table({ glucose: [5, NaN, 7], age: [40, 50, 60], ward: ['a', null, 'b'] });
    const imp = simpleImputer({ strategy: 'most_frequent', addIndicator: true }).fit(train);
    expect(imp.indicators).to.deep.equal(['glucose', 'ward']); // age had no gap: no flag, as scikit-learn's "missing-only"
    const test = table({ glucose: [NaN, 6], age: [NaN, 30], ward: ['b', null] });
    const out = imp.transform(test);
    expect(out.columnNames).to.deep.equal(['glucose', 'age', 'ward', 'glucose_missing', 'ward_missing']);
    expect(Array.from(out.numbers('glucose_missing'))).to.deep.equal([1, 0]);
    expect(Array.from(out.numbers('ward_missing'))).to.deep.equal([0, 1]);
    // By hand: the most frequent of [5, 7] is the smaller, 5; of [40, 50, 60], 40; of ["a", "b"], "a".
    expect(Array.from(out.numbers('glucose'))).to.deep.equal([5, 6]);
    expect(Array.from(out.numbers('age'))).to.deep.equal([40, 30]);
    expect(out.strings('ward')).to.deep.equal(['b', 'a']);
    const restored = restoreTransform(JSON.parse(JSON.stringify(imp.toJSON())));
    expect(restored.transform(test).columnNames).to.deep.equal(out.columnNames);
    expectError(() => imp.transform(test.withColumn('glucose_missing', [0, 0])), InputError, '"glucose_missing"', 'rename');
  });
  it('all-NaN column: refused with a fix', () => {
    expectError(() => simpleImputer().fit(table({ a: [NaN, NaN] })), InputError, 'entirely missing', 'constant');
  });
  it('constant: a text fill for a number column is refused (its holes would stay NaN); dates only when named', () => {
    const t = table({ d: [new Date('2020-01-01'), null, new Date('2020-01-03')], a: [1, NaN, 3], s: ['x', null, 'y'] });
    expectError(() => simpleImputer({ strategy: 'constant', fillValue: 'unknown' }).fit(t), InputError, '"unknown"', 'numeric column "a"', '{ columns }');
    expectError(() => simpleImputer({ strategy: 'constant', fillValue: NaN }).fit(t), InputError, 'NaN', 'finite number');
    const text = simpleImputer({ strategy: 'constant', fillValue: 'unknown', columns: ['s'] })
      .fit(t)
      .transform(t);
    expect(text.strings('s')).to.deep.equal(['x', 'unknown', 'y']);
    // The default columns leave the date column alone rather than fill it with 0 = 1970-01-01.
    const filled = simpleImputer({ strategy: 'constant' }).fit(t);
    expect(filled.columns).to.deep.equal(['a', 's']);
    expect(Number.isNaN(filled.transform(t).numbers('d')[1])).to.equal(true);
    expectError(() => simpleImputer({ strategy: 'constant', columns: ['d'] }).fit(t), InputError, 'date column "d"', '1970', 'most_frequent');
  });
});

describe('encoders', () => {
  it('labelEncoder: sorted classes, codes, inverse; unseen label is an error', () => {
    const enc = labelEncoder({ column: 'diagnosis' }).fit(bc);
    expect(enc.classes).to.deep.equal(g.diagnosis_values);
    const codes = enc.transform(bc).numbers('diagnosis');
    expect(enc.decode([codes[0]])[0]).to.equal(bc.strings('diagnosis')[0]);
    expectError(() => enc.encode(['maybe']), InputError, '"maybe"', 'not seen in training');
  });
  it('oneHotEncoder: an output column that would replace an existing one is refused', () => {
    // "color" = "red" makes "color_red": it used to overwrite the table's own color_red column.
    const t = table({ color: ['red', 'blue'], color_red: [5, 6] });
    expectError(
      () =>
        oneHotEncoder({ columns: ['color'] })
          .fit(t)
          .transform(t),
      InputError,
      '"red"',
      '"color_red"',
      'rename',
    );
    const u = table({ a: ['b_c', 'x'], a_b: ['c', 'y'] }); // two encoded columns making the same name
    expectError(() => oneHotEncoder().fit(u).transform(u), InputError, '"a_b_c"');
  });
  it('oneHotEncoder: unseen category errors by default, all zeros with ignore', () => {
    const t = table({ city: ['b', 'a', 'b'], x: [1, 2, 3] });
    const enc = oneHotEncoder().fit(t);
    expect(enc.categories.city).to.deep.equal(['a', 'b']);
    const out = enc.transform(t);
    expect(out.columnNames).to.deep.equal(['x', 'city_a', 'city_b']);
    expect(Array.from(out.numbers('city_b'))).to.deep.equal([1, 0, 1]);
    const unseen = table({ city: ['c'], x: [0] });
    expectError(() => enc.transform(unseen), InputError, '"c"', 'unseen in training', 'handleUnknown');
    const ignore = oneHotEncoder({ handleUnknown: 'ignore' }).fit(t).transform(unseen);
    expect([ignore.numbers('city_a')[0], ignore.numbers('city_b')[0]]).to.deep.equal([0, 0]);
  });
  it('oneHotEncoder: rare categories share one column (minFrequency, maxCategories), as scikit-learn groups them', () => {
    // Counts: a 4, b 3, c 1, d 1, e 1. By hand:
    const t = table({ code: ['a', 'b', 'a', 'c', 'b', 'a', 'd', 'b', 'a', 'e'] });
    // minFrequency 2 (a count): c, d, e are seen once → infrequent.
    const byCount = oneHotEncoder({ minFrequency: 2 }).fit(t);
    expect(byCount.infrequent.code).to.deep.equal(['c', 'd', 'e']);
    expect(byCount.outputColumns).to.deep.equal(['code_a', 'code_b', 'code_infrequent']);
    expect(Array.from(byCount.transform(t).numbers('code_infrequent'))).to.deep.equal([0, 0, 0, 1, 0, 0, 1, 0, 0, 1]);
    // minFrequency 0.35 (a fraction of 10 rows = 3.5): only a (4) keeps its column.
    expect(oneHotEncoder({ minFrequency: 0.35 }).fit(t).outputColumns).to.deep.equal(['code_a', 'code_infrequent']);
    // maxCategories 3: the two most frequent (a, b) and the infrequent column.
    expect(oneHotEncoder({ maxCategories: 3 }).fit(t).outputColumns).to.deep.equal(['code_a', 'code_b', 'code_infrequent']);
    // Equal counts at the cut: c, d and e tie; scikit-learn keeps the one that sorts last.
    expect(oneHotEncoder({ maxCategories: 4 }).fit(t).outputColumns).to.deep.equal(['code_a', 'code_b', 'code_e', 'code_infrequent']);
    // Unknown categories: to the infrequent column with "infrequent_if_exist", zeros with "ignore", an error by default.
    const unseen = table({ code: ['zz', 'a'] });
    const toRare = oneHotEncoder({ minFrequency: 2, handleUnknown: 'infrequent_if_exist' }).fit(t).transform(unseen);
    expect(Array.from(toRare.numbers('code_infrequent'))).to.deep.equal([1, 0]);
    expect(Array.from(oneHotEncoder({ minFrequency: 2, handleUnknown: 'ignore' }).fit(t).transform(unseen).numbers('code_infrequent'))).to.deep.equal([0, 0]);
    expectError(() => byCount.transform(unseen), InputError, '"zz"', 'unseen in training');
    // The grouping survives a save: the state is plain JSON.
    const restored = restoreTransform(JSON.parse(JSON.stringify(byCount.toJSON())));
    expect(Array.from(restored.transform(t).numbers('code_infrequent'))).to.deep.equal([0, 0, 0, 1, 0, 0, 1, 0, 0, 1]);
  });
  it('ordinalEncoder: sorted categories as codes 0..k-1 per column; unseen ones an error or unknownValue; inverse', () => {
    const train = table({ ward: ['icu', 'er', 'icu', 'gen'], drug: ['b', 'a', 'a', 'b'], age: [1, 2, 3, 4] });
    const enc = ordinalEncoder().fit(train); // the text columns by default
    expect(enc.columns).to.deep.equal(['ward', 'drug']);
    expect(enc.categories.ward).to.deep.equal(['er', 'gen', 'icu']);
    const out = enc.transform(train);
    expect(Array.from(out.numbers('ward'))).to.deep.equal([2, 0, 2, 1]);
    expect(Array.from(out.numbers('drug'))).to.deep.equal([1, 0, 0, 1]);
    expect(enc.inverseTransform(out).strings('ward')).to.deep.equal(['icu', 'er', 'icu', 'gen']);
    const unseen = table({ ward: ['onc', 'er'], drug: ['a', 'c'], age: [5, 6] });
    expectError(() => enc.transform(unseen), InputError, '"onc"', 'unseen in training', 'use_encoded_value');
    const lenient = ordinalEncoder({ handleUnknown: 'use_encoded_value', unknownValue: -1 }).fit(train);
    const coded = lenient.transform(unseen);
    expect([...coded.numbers('ward'), ...coded.numbers('drug')]).to.deep.equal([-1, 0, 0, -1]);
    expect(lenient.inverseTransform(coded).strings('drug')).to.deep.equal(['a', null]);
    const restored = restoreTransform(JSON.parse(JSON.stringify(lenient.toJSON())));
    expect(Array.from(restored.transform(unseen).numbers('ward'))).to.deep.equal([-1, 0]);
    expectError(() => ordinalEncoder({ handleUnknown: 'use_encoded_value' }), InputError, 'needs { unknownValue }');
    expectError(
      () => ordinalEncoder({ handleUnknown: 'use_encoded_value', unknownValue: 1 }).fit(train),
      InputError,
      'unknownValue 1 is already the code of "gen"',
      'use -1',
    );
  });
  it('oneHotEncoder: bad grouping options, and an output too large for memory, are refused with the fix', () => {
    expectError(() => oneHotEncoder({ minFrequency: 1.5 }), InputError, 'minFrequency 1.5', 'e.g. 10 or 0.01');
    expectError(() => oneHotEncoder({ minFrequency: 0 }), InputError, 'minFrequency 0');
    expectError(() => oneHotEncoder({ maxCategories: 0 }), InputError, 'maxCategories must be an integer ≥ 1, got 0');
    // 3,000 categories × 100,000 rows would be 2.2 GiB of Float64: refused before allocating.
    const ids = table({ id: Array.from({ length: 3000 }, (_, i) => `p${i}`) });
    const enc = oneHotEncoder().fit(ids);
    const many = table({ id: Array.from({ length: 100_000 }, (_, i) => `p${i % 3000}`) });
    expectError(() => enc.transform(many), InputError, '3000 output columns × 100000 rows', '2.2 GiB', 'minFrequency', 'labelEncoder');
  });
});

describe('pipeline', () => {
  it("fits each step on the previous step's training output and round-trips through JSON", () => {
    const holed = table({ a: [1, NaN, 3, 4], b: [10, 20, 30, 40] });
    const p = pipeline([simpleImputer({ strategy: 'mean' }), standardScaler()]).fit(holed);
    // The scaler saw the imputed column: mean of [1, 8/3, 3, 4].
    expectClose([(p.steps[1] as any).offset[0]], [(1 + 8 / 3 + 3 + 4) / 4], 1e-12);
    const restored = restoreTransform(JSON.parse(JSON.stringify(p.toJSON())));
    expect(Array.from(restored.transform(holed).numbers('a'))).to.deep.equal(Array.from(p.transform(holed).numbers('a')));
    expectClose(p.inverse('b', p.transform(holed).numbers('b')), [10, 20, 30, 40], 1e-12);
  });
});

describe('restoreTransform', () => {
  it('knows every kind from one table, whatever else was imported (a fresh process that imports only it)', () => {
    const code =
      "const { restoreTransform } = require('./lib/preprocess/restore-transform'); try { restoreTransform({ kind: 'nope' }); } catch (e) { console.log(e.message); }";
    const out = require('child_process').execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', code], {
      cwd: require('path').join(__dirname, '..', '..'),
      encoding: 'utf8',
    });
    for (const kind of ['standardScaler', 'minMaxScaler', 'robustScaler', 'simpleImputer', 'oneHotEncoder', 'ordinalEncoder', 'labelEncoder', 'pipeline'])
      expect(out).to.include(kind);
    expect(out).to.match(/unknown transform kind "nope"/);
  });
});

import { expect } from 'chai';
import * as path from 'path';
import { loadCsv } from '../../lib/data/load-csv';
import { table } from '../../lib/data/table';
import { simpleImputer } from '../../lib/preprocess/simple-imputer';
import { restoreTransform } from '../../lib/preprocess/restore-transform';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectClose, expectError, fixture } from '../helpers';

const g = fixture('preprocess.json');
const cols: string[] = g.columns;
const bc = loadCsv(path.join(DATASETS, 'breast-cancer-wisconsin-diagnostic.csv'));
const train = bc.select(cols).slice(0, 400);

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

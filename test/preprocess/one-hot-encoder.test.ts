import { expect } from 'chai';
import { table } from '../../lib/data/table';
import { oneHotEncoder } from '../../lib/preprocess/one-hot-encoder';
import { restoreTransform } from '../../lib/preprocess/restore-transform';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';

describe('oneHotEncoder (preprocess/one-hot-encoder.ts)', () => {
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

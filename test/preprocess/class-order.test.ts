// classOrder, classSeparation and idColumns: what the medical template decides about a table it has not seen.
import { expect } from 'chai';
import { classOrder } from '../../lib/preprocess/class-order';
import { classSeparation } from '../../lib/features/class-separation';
import { idColumns } from '../../lib/data/id-columns';
import { table } from '../../lib/data/table';
import { InputError } from '../../lib/util/errors';
import { expectError, expectNear } from '../helpers';

describe('classOrder', () => {
  it('two classes: the positive one is code 1, whatever the spelling', () => {
    expect(classOrder(['no', 'yes', null, 'no'], { positive: 'yes' })).to.deep.equal({ classes: ['no', 'yes'], positive: 'yes', note: '' });
    expect(classOrder(['M', 'B'], { positive: 'B' }).classes).to.deep.equal(['M', 'B']);
  });

  it('0/1 labels need no positive (1 is), and a positive that is not a class is said, not silently used', () => {
    expect(classOrder(['1', '0'], {}).positive).to.equal('1');
    expect(classOrder(['1', '0'], { positive: 'malignant' }).note).to.include('not a class');
    expectError(() => classOrder(['a', 'b'], { positive: 'malignant' }), InputError, '"malignant"', 'classes: a, b', '-p positive=');
  });

  it('more classes in numeric then text order; one class refused', () => {
    expect(classOrder(['10', '2', '1']).classes).to.deep.equal(['1', '2', '10']);
    expect(classOrder(['class_2', 'class_0', 'class_1'], { positive: '' }).classes).to.deep.equal(['class_0', 'class_1', 'class_2']);
    expectError(() => classOrder(['a', 'a']), InputError, 'one class only');
  });
});

describe('classSeparation', () => {
  it('η² by hand: classes a = [1, 3] and b = [5, 7]: between 16 of total 20 → 0.8; missing values skipped', () => {
    // mean 4; SS_total = 9 + 1 + 1 + 9 = 20; class means 2 and 6: SS_between = 2·4 + 2·4 = 16.
    const t = table({ x: [1, 3, 5, 7, NaN], noise: [1, 2, 1, 2, 1.5], y: ['a', 'a', 'b', 'b', 'a'] });
    const s = classSeparation(t, ['noise', 'x'], 'y');
    expect(s[0].feature).to.equal('x');
    expectNear(s[0].eta2, 0.8, 1e-12);
    expect(s[1].eta2).to.equal(0);
  });
});

describe('idColumns', () => {
  it('finds identifiers by name and distinct values, or unique text; leaves measurements alone', () => {
    const n = 30;
    const t = table({
      patient_id: Array.from({ length: n }, (_, i) => 1000 + i),
      'Sample code number': Array.from({ length: n }, (_, i) => 7 * i),
      code: Array.from({ length: n }, (_, i) => `P-${i}`),
      age: Array.from({ length: n }, (_, i) => 40 + (i % 7)),
      id_region: Array.from({ length: n }, (_, i) => i % 3), // named like an id but with 3 values: a category
      label: Array.from({ length: n }, (_, i) => (i % 2 ? 'x' : 'y')),
    });
    expect(idColumns(t, ['label'])).to.deep.equal(['patient_id', 'Sample code number', 'code']);
  });

  it('a clock — numbers named like time that rise on every row (decimal_year beside a day index) — is not a series', () => {
    const n = 30;
    const t = table({
      decimal_year: Array.from({ length: n }, (_, i) => 1991.496 + i / 260),
      DAX: Array.from({ length: n }, (_, i) => 1600 + i), // a rising price is not named like time
      days_in_hospital: Array.from({ length: n }, (_, i) => (i * 7) % 11), // named like time but not rising
    });
    expect(idColumns(t)).to.deep.equal(['decimal_year']);
    // 20 rows or fewer prove nothing.
    expect(idColumns(t.head(20))).to.deep.equal([]);
  });
});

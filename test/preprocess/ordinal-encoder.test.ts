import { expect } from 'chai';
import { table } from '../../lib/data/table';
import { ordinalEncoder } from '../../lib/preprocess/ordinal-encoder';
import { restoreTransform } from '../../lib/preprocess/restore-transform';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';

describe('ordinalEncoder (preprocess/ordinal-encoder.ts)', () => {
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
});

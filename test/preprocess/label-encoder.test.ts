import { expect } from 'chai';
import * as path from 'path';
import { loadCsv } from '../../lib/data/load-csv';
import { labelEncoder } from '../../lib/preprocess/label-encoder';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectError, fixture } from '../helpers';

const g = fixture('preprocess.json');
const bc = loadCsv(path.join(DATASETS, 'breast-cancer-wisconsin-diagnostic.csv'));

describe('labelEncoder (preprocess/label-encoder.ts)', () => {
  it('labelEncoder: sorted classes, codes, inverse; unseen label is an error', () => {
    const enc = labelEncoder({ column: 'diagnosis' }).fit(bc);
    expect(enc.classes).to.deep.equal(g.diagnosis_values);
    const codes = enc.transform(bc).numbers('diagnosis');
    expect(enc.decode([codes[0]])[0]).to.equal(bc.strings('diagnosis')[0]);
    expectError(() => enc.encode(['maybe']), InputError, '"maybe"', 'not seen in training');
  });
});

import { expect } from 'chai';
import * as path from 'path';
import { concordanceIndex } from '../../lib/clinical/concordance-index';
import { loadCsv } from '../../lib/data/load-csv';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectError, fixture } from '../helpers';

const ref = fixture<{ concordance: { age: number; karno: number } }>('clinical.json');
const lung = loadCsv(path.join(DATASETS, 'ncctg-lung.csv'));

describe("concordanceIndex: Harrell's C against lifelines (clinical/concordance-index.ts)", () => {
  it('age and minus the Karnofsky score as risk on the NCCTG lung table equal lifelines within 1e-12', () => {
    expect(concordanceIndex(lung.numbers('time'), lung.numbers('status'), lung.numbers('age')).cIndex).to.be.closeTo(ref.concordance.age, 1e-12);
    const k = lung.dropMissing(['ph.karno']);
    const risk = k.numbers('ph.karno').map((v) => -v);
    expect(concordanceIndex(k.numbers('time'), k.numbers('status'), risk).cIndex).to.be.closeTo(ref.concordance.karno, 1e-12);
  });

  it('by hand: 3 patients — the pair (1 event, 2 censored) is comparable, (2 censored, 3) is not', () => {
    // times 1 (event), 2 (censored), 3 (event): comparable pairs (1,2), (1,3); (2,3) is not (2 censored first).
    const c = concordanceIndex([1, 2, 3], [1, 0, 1], [0.9, 0.5, 0.1]);
    expect([c.comparable, c.concordant, c.cIndex]).to.deep.equal([2, 2, 1]);
    expect(concordanceIndex([1, 2, 3], [1, 0, 1], [0.1, 0.5, 0.1]).cIndex).to.equal((0 + 0.5) / 2);
    expectError(() => concordanceIndex([1, 2], [0, 0], [1, 2]), InputError, 'no comparable pair');
  });
});

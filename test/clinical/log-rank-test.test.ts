import { expect } from 'chai';
import * as path from 'path';
import { logRankTest } from '../../lib/clinical/log-rank-test';
import { loadCsv } from '../../lib/data/load-csv';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectError, fixture } from '../helpers';

const ref = fixture<{ logRank: { sex: [number, number]; ecog: [number, number, number] } }>('clinical.json');
const lung = loadCsv(path.join(DATASETS, 'ncctg-lung.csv'));

describe('logRankTest against lifelines (clinical/log-rank-test.ts)', () => {
  it('two groups (sex) equal logrank_test; four (ph.ecog) equal multivariate_logrank_test, within 1e-9', () => {
    const sex = logRankTest(lung.numbers('time'), lung.numbers('status'), lung.numbers('sex'));
    expect(sex.statistic).to.be.closeTo(ref.logRank.sex[0], 1e-9);
    expect(sex.pValue).to.be.closeTo(ref.logRank.sex[1], 1e-12);
    expect(sex.degreesOfFreedom).to.equal(1);
    const ecog = lung.dropMissing(['ph.ecog']);
    const m = logRankTest(ecog.numbers('time'), ecog.numbers('status'), ecog.numbers('ph.ecog'));
    expect(m.statistic).to.be.closeTo(ref.logRank.ecog[0], 1e-9);
    expect(m.pValue).to.be.closeTo(ref.logRank.ecog[1], 1e-12);
    expect(m.degreesOfFreedom).to.equal(ref.logRank.ecog[2]);
    // Observed events add up to the events of the table.
    expect(m.groups.reduce((s, g) => s + g.observed, 0)).to.equal(ecog.numbers('status').reduce((s, v) => s + v, 0));
  });

  it('refuses one group and missing group labels', () => {
    expectError(() => logRankTest([1, 2], [1, 1], ['a', 'a']), InputError, 'at least two groups');
    expectError(() => logRankTest([1, 2], [1, 1], ['a', null]), InputError, 'group is missing at 1');
  });
});

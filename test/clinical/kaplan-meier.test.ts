import { expect } from 'chai';
import * as path from 'path';
import { kaplanMeier } from '../../lib/clinical/kaplan-meier';
import { loadCsv } from '../../lib/data/load-csv';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectError, fixture } from '../helpers';

interface Km {
  times: number[];
  survival: number[];
  lower: number[];
  upper: number[];
  median: number;
}
const ref = fixture<{ kaplanMeier: Record<'all' | 'sex1' | 'sex2', Km> }>('clinical.json');
const lung = loadCsv(path.join(DATASETS, 'ncctg-lung.csv'));

describe('kaplanMeier against lifelines (clinical/kaplan-meier.ts; scripts/make-clinical-fixtures.py)', () => {
  it('survival, the 95% exponential-Greenwood band and the median equal KaplanMeierFitter on the NCCTG lung table, overall and per sex', () => {
    const sex = lung.numbers('sex');
    for (const [key, keep] of [
      ['all', () => true],
      ['sex1', (i: number) => sex[i] === 1],
      ['sex2', (i: number) => sex[i] === 2],
    ] as const) {
      const part = lung.filter(keep);
      const km = kaplanMeier(part.numbers('time'), part.numbers('status'));
      const r = ref.kaplanMeier[key];
      expect(Array.from(km.times), key).to.deep.equal(r.times);
      r.survival.forEach((s, i) => expect(km.survival[i], `${key} S at ${r.times[i]}`).to.be.closeTo(s, 1e-12));
      r.lower.forEach((s, i) => expect(km.lower[i], `${key} lower at ${r.times[i]}`).to.be.closeTo(s, 1e-9));
      r.upper.forEach((s, i) => expect(km.upper[i], `${key} upper at ${r.times[i]}`).to.be.closeTo(s, 1e-9));
      expect(km.median, key).to.equal(r.median);
    }
  });

  it('by hand: 5 patients, events at 1 and 3, censored at 2, 4 and 5 — S = 4/5 then 4/5 · 2/3; the median never reached', () => {
    const km = kaplanMeier([3, 1, 2, 5, 4], [1, 1, 0, 0, 0]);
    expect(Array.from(km.times)).to.deep.equal([0, 1, 2, 3, 4, 5]);
    const s3 = 0.8 * (1 - 1 / 3); // the product as it is formed, factor by factor
    expect(Array.from(km.survival)).to.deep.equal([1, 0.8, 0.8, s3, s3, s3]);
    expect(Array.from(km.atRisk)).to.deep.equal([5, 5, 4, 3, 2, 1]);
    expect(km.median).to.equal(Infinity);
  });

  it('refuses negative or missing times and event codes other than 0/1, naming them', () => {
    expectError(() => kaplanMeier([1, -2], [1, 0]), InputError, 'time holds -2 at 1');
    expectError(() => kaplanMeier([1, 2], [1, 2]), InputError, 'event holds 2 at 1', 'code events 1');
    expectError(() => kaplanMeier([1, 2], [1]), InputError, '2 times but 1 event flags');
  });
});

import { expect } from 'chai';
import * as path from 'path';
import { nelsonAalen } from '../../lib/clinical/nelson-aalen';
import { kaplanMeier } from '../../lib/clinical/kaplan-meier';
import { loadCsv } from '../../lib/data/load-csv';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectError, fixture } from '../helpers';

const ref = fixture<{ nelsonAalen: { times: number[]; cumulativeHazard: number[]; lower: number[]; upper: number[] } }>('survival.json').nelsonAalen;
const lung = loadCsv(path.join(DATASETS, 'ncctg-lung.csv'));

describe('nelsonAalen against lifelines (clinical/nelson-aalen.ts; scripts/make-survival-fixtures.py)', () => {
  it('the cumulative hazard and its 95% band equal NelsonAalenFitter(nelson_aalen_smoothing=False) on the lung table', () => {
    const na = nelsonAalen(lung.numbers('time'), lung.numbers('status'));
    expect(Array.from(na.times)).to.deep.equal(ref.times);
    ref.cumulativeHazard.forEach((h, k) => {
      expect(na.cumulativeHazard[k], `H at ${ref.times[k]}`).to.be.closeTo(h, 1e-12);
      expect(na.lower[k], `lower at ${ref.times[k]}`).to.be.closeTo(ref.lower[k], 1e-10);
      expect(na.upper[k], `upper at ${ref.times[k]}`).to.be.closeTo(ref.upper[k], 1e-10);
    });
  });

  it('by hand: H steps by d/n at event times; exp(−H) stays above the Kaplan–Meier curve', () => {
    const time = [2, 3, 3, 5, 8];
    const event = [1, 1, 0, 1, 0];
    const na = nelsonAalen(time, event);
    expect(Array.from(na.times)).to.deep.equal([0, 2, 3, 5, 8]);
    expect(na.cumulativeHazard[2]).to.be.closeTo(1 / 5 + 1 / 4, 1e-15);
    expect(na.cumulativeHazard[3]).to.be.closeTo(1 / 5 + 1 / 4 + 1 / 2, 1e-15);
    const km = kaplanMeier(time, event);
    na.cumulativeHazard.forEach((h, k) => expect(Math.exp(-h)).to.be.at.least(km.survival[k] - 1e-15));
    expectError(() => nelsonAalen([1, -2], [1, 0]), InputError, 'time holds -2');
  });
});

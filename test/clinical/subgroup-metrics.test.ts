import { expect } from 'chai';
import { subgroupMetrics } from '../../lib/clinical/subgroup-metrics';
import { InputError } from '../../lib/util/errors';
import { expectError, fixture } from '../helpers';

const ref = fixture<{
  netBenefit: { actual: number[]; risk: number[] };
  subgroups: {
    sex: number[];
    byGroup: Record<string, { auc: number; brier: number }>;
    overall: { auc: number; brier: number };
    difference: Record<string, number>;
    ratio: Record<string, number>;
  };
}>('clinical.json');

describe("subgroupMetrics against fairlearn's MetricFrame (clinical/subgroup-metrics.ts)", () => {
  it('ROC-AUC and Brier score by sex, overall, difference and ratio equal fairlearn within 1e-12; intervals hold the estimates', () => {
    const s = subgroupMetrics(ref.netBenefit.actual, ref.netBenefit.risk, ref.subgroups.sex, { bootstrap: 200, seed: 3 });
    expect(s.groups.map((g) => g.group)).to.deep.equal(Object.keys(ref.subgroups.byGroup));
    for (const g of s.groups) {
      expect(g.metrics.auc.estimate).to.be.closeTo(ref.subgroups.byGroup[g.group].auc, 1e-12);
      expect(g.metrics.brier.estimate).to.be.closeTo(ref.subgroups.byGroup[g.group].brier, 1e-12);
      expect(g.metrics.auc.lower).to.be.at.most(g.metrics.auc.estimate);
      expect(g.metrics.auc.upper).to.be.at.least(g.metrics.auc.estimate);
      expect(g.size).to.equal(ref.subgroups.sex.filter((x) => String(x) === g.group).length);
    }
    for (const k of ['auc', 'brier']) {
      expect(s.overall[k]).to.be.closeTo(ref.subgroups.overall[k as 'auc'], 1e-12);
      expect(s.difference[k]).to.be.closeTo(ref.subgroups.difference[k], 1e-12);
      expect(s.ratio[k]).to.be.closeTo(ref.subgroups.ratio[k], 1e-12);
    }
  });

  it('a group too small to measure, or with one outcome, gets NaN and no crash; lengths are checked', () => {
    const s = subgroupMetrics([1, 0, 1, 0, 1, 1, 1], [0.9, 0.2, 0.8, 0.3, 0.7, 0.6, 0.9], ['a', 'a', 'a', 'a', 'b', 'b', 'b'], { minSize: 3, bootstrap: 0 });
    expect(s.groups[0].metrics.auc.estimate).to.equal(1);
    expect(Number.isNaN(s.groups[1].metrics.auc.estimate)).to.equal(true); // b: only events
    expectError(() => subgroupMetrics([1, 0], [0.5, 0.5], ['a']), InputError, 'one of each per case');
  });
});

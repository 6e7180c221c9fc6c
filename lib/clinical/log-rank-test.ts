/**
 * `logRankTest`: do two or more groups have the same survival? At each event time the observed events of each
 * group are compared with those expected if the hazard were shared (events × the group's share of those at risk);
 * the statistic (O − E)ᵀ V⁻¹ (O − E) over all groups but one is chi-squared with k − 1 degrees of freedom
 * (lifelines' `multivariate_logrank_test`, equal to `logrank_test` for two groups).
 */
import { InputError } from '../util/errors';
import { checkList } from '../util/check';
import { chiSquaredSf } from '../util/distributions';
import { symmetricInverse } from '../util/symmetric-inverse';
import { survivalData } from './survival-data';

export interface LogRankResult {
  statistic: number;
  pValue: number;
  degreesOfFreedom: number;
  /** Per group, in order of first appearance: observed and expected events. */
  groups: { group: string; observed: number; expected: number }[];
}

/**
 * The log-rank test across the groups of `group`.
 * @example logRankTest(t.numbers('time'), t.numbers('status'), t.strings('treatment'))
 */
export function logRankTest(time: ArrayLike<number>, event: ArrayLike<number | boolean>, group: ArrayLike<string | number | null>): LogRankResult {
  const { t, e } = survivalData('logRankTest', time, event);
  checkList('logRankTest: group', group);
  if (group.length !== t.length) throw new InputError(`logRankTest: ${t.length} times but ${group.length} group labels`);
  const labels: string[] = [];
  const g = Int32Array.from({ length: t.length }, (_, i) => {
    const v = group[i];
    if (v === null || v === undefined) throw new InputError(`logRankTest: group is missing at ${i}; drop those patients or give them a group`);
    const key = String(v);
    let k = labels.indexOf(key);
    if (k < 0) k = labels.push(key) - 1;
    return k;
  });
  const k = labels.length;
  if (k < 2) throw new InputError(`logRankTest needs at least two groups, got ${k} (${labels.join(', ')})`);
  const order = Int32Array.from(t, (_, i) => i).sort((a, b) => t[a] - t[b]);
  const atRisk = new Float64Array(k);
  for (let i = 0; i < t.length; i++) atRisk[g[i]]++;
  const observed = new Float64Array(k);
  const expected = new Float64Array(k);
  const v = Array.from({ length: k }, () => new Float64Array(k));
  for (let p = 0; p < order.length;) {
    const now = t[order[p]];
    const d = new Float64Array(k);
    const left = new Float64Array(k);
    while (p < order.length && t[order[p]] === now) {
      const i = order[p++];
      if (e[i]) d[g[i]]++;
      left[g[i]]++;
    }
    const dt = d.reduce((s, x) => s + x, 0);
    const nt = atRisk.reduce((s, x) => s + x, 0);
    if (dt > 0) {
      for (let a = 0; a < k; a++) {
        observed[a] += d[a];
        expected[a] += (dt * atRisk[a]) / nt;
        if (nt > 1) {
          const f = (dt * (nt - dt)) / (nt - 1);
          for (let b = 0; b < k; b++) v[a][b] += f * (atRisk[a] / nt) * ((a === b ? 1 : 0) - atRisk[b] / nt);
        }
      }
    }
    for (let a = 0; a < k; a++) atRisk[a] -= left[a];
  }
  const diff = Array.from({ length: k - 1 }, (_, a) => observed[a] - expected[a]);
  const m = k - 1;
  const inverse = symmetricInverse(
    Float64Array.from({ length: m * m }, (_, i) => v[Math.floor(i / m)][i % m]),
    m,
  );
  if (!inverse) throw new InputError('logRankTest: a group has no one at risk at any event time; drop it or merge it with another');
  let statistic = 0;
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) statistic += diff[a] * inverse[a * m + b] * diff[b];
  return {
    statistic,
    pValue: chiSquaredSf(statistic, k - 1),
    degreesOfFreedom: k - 1,
    groups: labels.map((group, a) => ({ group, observed: observed[a], expected: expected[a] })),
  };
}

/**
 * `logRankTest`: do two or more groups have the same survival? At each event time the observed events of each
 * group are compared with those expected if the hazard were shared (events × the group's share of those at risk);
 * the statistic (O − E)ᵀ V⁻¹ (O − E) over all groups but one is chi-squared with k − 1 degrees of freedom
 * (lifelines' `multivariate_logrank_test`, equal to `logrank_test` for two groups).
 */
import { InputError } from '../util/errors';
import { checkList } from '../util/check';
import { chiSquaredSf } from '../util/distributions';
import { survivalData } from './kaplan-meier';

export interface LogRankResult {
  statistic: number;
  pValue: number;
  degreesOfFreedom: number;
  /** Per group, in order of first appearance: observed and expected events. */
  groups: { group: string; observed: number; expected: number }[];
}

/** Solves A x = b for a small symmetric positive definite A (Gaussian elimination with partial pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    if (Math.abs(m[c][c]) < 1e-300) throw new InputError('logRankTest: a group has no one at risk at any event time; drop it or merge it with another');
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
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
  const sub = Array.from({ length: k - 1 }, (_, a) => Array.from(v[a].subarray(0, k - 1)));
  const x = solve(sub, diff);
  const statistic = diff.reduce((s, d, a) => s + d * x[a], 0);
  return {
    statistic,
    pValue: chiSquaredSf(statistic, k - 1),
    degreesOfFreedom: k - 1,
    groups: labels.map((group, a) => ({ group, observed: observed[a], expected: expected[a] })),
  };
}

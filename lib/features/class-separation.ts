/**
 * `classSeparation`: how strongly each numeric feature separates the classes — the share of its variance that lies
 * between the class means (η², the one-way ANOVA effect size) — to choose which distributions a report shows.
 */
import type { Table } from '../data/table';
import { checkTable } from '../data/check-table';

/**
 * Features with their η² (0: class means equal; 1: classes do not overlap in variance), highest first. Missing
 * values are skipped.
 * @example classSeparation(cancer, ['mean_radius', 'mean_texture'], 'diagnosis')[0].feature
 */
export function classSeparation(table: Table, features: readonly string[], label: string): { feature: string; eta2: number }[] {
  checkTable('classSeparation', table);
  const labels = table.strings(label);
  return features
    .map((feature) => {
      const x = table.numbers(feature);
      const sums = new Map<string, { n: number; sum: number }>();
      let n = 0;
      let total = 0;
      for (let i = 0; i < x.length; i++) {
        if (labels[i] === null || !Number.isFinite(x[i])) continue;
        const g = sums.get(labels[i]!) ?? sums.set(labels[i]!, { n: 0, sum: 0 }).get(labels[i]!)!;
        g.n++;
        g.sum += x[i];
        n++;
        total += x[i];
      }
      const mean = total / n;
      let ssTotal = 0;
      for (let i = 0; i < x.length; i++) if (labels[i] !== null && Number.isFinite(x[i])) ssTotal += (x[i] - mean) ** 2;
      let ssBetween = 0;
      for (const g of sums.values()) ssBetween += g.n * (g.sum / g.n - mean) ** 2;
      return { feature, eta2: ssTotal > 0 ? ssBetween / ssTotal : 0 };
    })
    .sort((a, b) => b.eta2 - a.eta2);
}

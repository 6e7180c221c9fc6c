import { expect } from 'chai';
import { importanceChart } from '../../lib/charts/importance-chart';
import type { PermutationImportanceResult } from '../../lib/metrics/permutation-importance';

describe('importanceChart', () => {
  it('draws the most important feature on top with ±std error bars, and the metric in the axis title', () => {
    const result: PermutationImportanceResult = {
      metric: 'ROC-AUC',
      baseline: 0.97,
      importances: [
        { feature: 'worst_area', mean: 0.05, std: 0.01, drops: [] },
        { feature: '<b>id</b>', mean: 0.001, std: 0.002, drops: [] },
      ],
    };
    const fig = importanceChart(result);
    const bar = fig.data[0] as { y: string[]; x: number[]; error_x: { array: number[] } };
    expect(bar.y).to.deep.equal(['<b>id</b>', 'worst_area']); // bottom to top
    expect(bar.x).to.deep.equal([0.001, 0.05]);
    expect(bar.error_x.array).to.deep.equal([0.002, 0.01]);
    expect(JSON.stringify(fig.layout)).to.include('drop in ROC-AUC');
  });
});

import { expect } from 'chai';
import { confusionMatrixChart, correlationHeatmap, correlationMatrix } from '../../lib/charts/heatmap-charts';
import { table } from '../../lib/data/table';
import { expectSnapshot } from '../snapshot';

describe('correlation and confusion-matrix heatmaps (charts/heatmap-charts.ts)', () => {
  it('correlation heatmap matches hand-computed Pearson correlations', () => {
    const t = table({ a: [1, 2, 3, 4], b: [2, 4, 6, 8], c: [4, 3, 2, 1] });
    const m = correlationMatrix(t, ['a', 'b', 'c']);
    expect(m[0][1]).to.be.closeTo(1, 1e-12);
    expect(m[0][2]).to.be.closeTo(-1, 1e-12);
    const heat = correlationHeatmap(t, ['a', 'b', 'c']);
    // b = 2a and c = 5 − a: every pair is ±1 exactly.
    expect(heat.data[0].z).to.deep.equal([
      [1, 1, -1],
      [1, 1, -1],
      [-1, -1, 1],
    ]);
    expectSnapshot('correlation-heatmap', heat);
  });

  it('confusion matrix heatmap: counts and row-normalised', () => {
    const counts = confusionMatrixChart(
      [
        [50, 3],
        [4, 30],
      ],
      { labels: ['benign', 'malignant'] },
    );
    expect(counts.data[0].z).to.deep.equal([
      [50, 3],
      [4, 30],
    ]);
    expectSnapshot('confusion-matrix', counts);
    const norm = confusionMatrixChart(
      [
        [50, 3],
        [4, 30],
      ],
      { labels: ['benign', 'malignant'], normalize: true },
    );
    expect((norm.data[0].z as number[][])[1][0]).to.be.closeTo(4 / 34, 1e-12);
    expectSnapshot('confusion-matrix-normalised', norm);
  });
});

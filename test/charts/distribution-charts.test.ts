import { expect } from 'chai';
import { distributionByClass, histogramChart } from '../../lib/charts/distribution-charts';
import { table } from '../../lib/data/table';
import { expectSnapshot } from '../snapshot';

describe('histogramChart and distributionByClass (charts/distribution-charts.ts)', () => {
  it('histogramChart: the finite values only, binned by Plotly into the bins asked for', () => {
    const fig = histogramChart([0.01, -0.02, 0.005, 0.03, NaN], { title: 'Daily returns', bins: 10 });
    expect(fig.data[0].x).to.deep.equal([0.01, -0.02, 0.005, 0.03]); // the NaN is dropped, the rest in order
    expect(fig.data[0].nbinsx).to.equal(10);
    expectSnapshot('histogram-chart', fig);
  });

  it('distributionByClass: one trace per class, each holding the values of its class', () => {
    const t = table({ radius: [10, 12, 20, 22], diagnosis: ['B', 'B', 'M', 'M'] });
    const dist = distributionByClass(t, 'radius', 'diagnosis');
    expect(dist.data.map((d) => d.name)).to.deep.equal(['B', 'M']);
    expect(dist.data.map((d) => d.x ?? d.y)).to.deep.equal([
      [10, 12],
      [20, 22],
    ]);
    expectSnapshot('distribution-by-class', dist);
  });

  it('figures are plain data: JSON sees data and layout only', () => {
    const fig = histogramChart([1, 2, 3]);
    expect(Object.keys(JSON.parse(JSON.stringify(fig)))).to.deep.equal(['data', 'layout']);
  });
});

import { expect } from 'chai';
import { sineRegression } from '../train/fixtures';
import { displayDefaults } from '../../lib/display/show';
import { denseRegressor, fitModel } from '../../lib/index';
import { notebookProgress } from '../../lib/display/notebook-progress';
import { fakeKernel } from './fake-kernel';

describe('notebookProgress: live training progress in a kernel (display/notebook-progress.ts)', function () {
  this.timeout(60000);
  const data = sineRegression();

  it('in a kernel: one output whose HTML curve grows each epoch, then the Plotly chart of every epoch, one title', async () => {
    // Before: the Plotly output was updated in place, which JupyterLab does not redraw (it stayed at "epoch 1"),
    // and the title read "denseRegressor: denseRegressor: …".
    const kernel = fakeKernel();
    displayDefaults.png = false;
    try {
      const m = denseRegressor(data, { units: [4], seed: 1 });
      await fitModel(m, data, { epochs: 6, batchSize: 16, progress: notebookProgress(0) });
      m.dispose();
    } finally {
      kernel.restore();
      displayDefaults.png = true;
    }
    const sent = kernel.sent;
    expect(sent).to.have.length(7); // six epochs, then the end
    const ids = new Set(sent.map((s) => JSON.stringify(s.transient)));
    expect(ids.size).to.equal(1);
    const points = sent.slice(0, 6).map((s) => {
      expect(s.data).to.not.have.property('application/vnd.plotly.v1+json');
      const m = /data-series="loss"[^>]*points="([^"]*)"/.exec(s.data['text/html'] as string);
      return m![1].trim().split(' ').length;
    });
    expect(points).to.deep.equal([1, 2, 3, 4, 5, 6]);
    const final = sent[6].data;
    expect((final['application/vnd.plotly.v1+json'] as { data: { y: number[] }[] }).data[0].y).to.have.length(6);
    expect(final['text/plain']).to.match(/^denseRegressor: 6 epochs/);
    expect(JSON.stringify(final)).to.not.include('denseRegressor: denseRegressor');
  });
});

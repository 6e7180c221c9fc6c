import { expect } from 'chai';
import { bundleOf, displayDefaults, resetDisplayState, show } from '../../lib/display/show';
import { closeImageBrowser } from '../../lib/display/figure-image';
import { inKernel, sendBundle } from '../../lib/display/jupyter';
import { histogramChart, lineChart } from '../../lib/index';
import { table } from '../../lib/data/table';
import { htmlTable } from '../../lib/display/html-table';
import { expectHostBelow } from '../host-checks';
import { fakeKernel } from './fake-kernel';
import { inChromium } from './chromium';

const XSS = '<img src=x onerror="window.__xss=1">';

describe('show and bundleOf (display/show.ts)', () => {
  it('outside a kernel, show prints the text form and sends nothing', () => {
    expect(inKernel()).to.equal(false);
    expect(sendBundle({ 'text/plain': 'x' })).to.equal(false);
  });

  it('show sends one output with the Plotly JSON, self-contained HTML and text; plotly.js only in the first', () => {
    const kernel = fakeKernel();
    resetDisplayState();
    displayDefaults.png = false;
    try {
      const fig = lineChart({ title: 'yields', dates: [0, 86400000], series: { y: [1, 2] } });
      show(fig);
      show(fig);
      expect(kernel.sent).to.have.length(2);
      const [first, second] = kernel.sent.map((s) => s.data);
      expect(Object.keys(first).sort()).to.deep.equal(['application/vnd.plotly.v1+json', 'text/html', 'text/plain']);
      expect((first['application/vnd.plotly.v1+json'] as { data: unknown[] }).data).to.have.length(1);
      const plotlyMarker = /Copyright 2012-20\d\d, Plotly/;
      expect(first['text/html']).to.match(plotlyMarker);
      expect(second['text/html']).not.to.match(plotlyMarker);
      expect((second['text/html'] as string).length).to.be.below(5000);
      expect(first['text/plain']).to.equal('<Figure: yields (1 trace)>');
    } finally {
      kernel.restore();
      displayDefaults.png = true;
    }
  });

  it('tables render as escaped HTML: a CSV cell holding <script> shows as text', () => {
    const t = table({ name: ['<script>alert(1)</script>', XSS], value: [1, 2] });
    const html = bundleOf(t)['text/html'] as string;
    expect(html).to.include('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.to.include('<script>');
    expect(html).not.to.include('<img');
    expect(htmlTable(['<b>h</b>'], [['<i>c</i>']], { caption: XSS })).not.to.match(/<(b|i|img)[ >]/);
  });

  it('a danfo.js DataFrame shows as the same escaped HTML table', () => {
    const dfd = require('danfojs-node');
    const df = new dfd.DataFrame({ name: ['<script>alert(1)</script>', 'b'], value: [1.5, 2] });
    const bundle = bundleOf(df);
    expect(bundle['text/html']).to.include('&lt;script&gt;');
    expect(bundle['text/html']).to.include('1.5');
    expect(bundle['text/html']).not.to.include('<script>');
  });
  inChromium(() => {
    it('in a kernel, show adds a static PNG to the same output in place (for viewers without JavaScript)', async () => {
      const kernel = fakeKernel();
      try {
        const t0 = Date.now();
        await show(histogramChart([1, 2, 2, 3], { title: 'png' }));
        const first = Date.now() - t0;
        // The chart goes out at once, the PNG follows as an update of the same display id.
        expect(kernel.sent).to.have.length(2);
        expect(kernel.sent[0].data).not.to.have.property('image/png');
        expect(kernel.sent[1].transient).to.deep.equal(kernel.sent[0].transient);
        const png = Buffer.from(kernel.sent[1].data['image/png'] as string, 'base64');
        expect(png.subarray(1, 4).toString()).to.equal('PNG');
        expect(kernel.sent[1].data).to.have.property('application/vnd.plotly.v1+json');
        // The browser is kept for the session: a second chart does not pay the launch again.
        const t1 = Date.now();
        await show(histogramChart([3, 4], { title: 'again' }));
        expectHostBelow(Date.now() - t1, first, 'ms for a second PNG, bound: the first one');
        const off = kernel.sent.length;
        await show(histogramChart([1]), { png: false });
        expect(kernel.sent.length - off).to.equal(1);
      } finally {
        kernel.restore();
        await closeImageBrowser();
      }
    });
  });
});

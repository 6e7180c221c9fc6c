import { expect } from 'chai';
import { figureBundle } from '../../lib/display/show';
import { figureHtml, scriptJson } from '../../lib/display/figure-html';
import { histogramChart } from '../../lib/index';

const XSS = '<img src=x onerror="window.__xss=1">';

describe('figureHtml (display/figure-html.ts)', () => {
  it('chart titles, trace names and tick labels are escaped; scripts cannot break out of the JSON', () => {
    const fig = histogramChart([1, 2], { title: XSS, xTitle: '</script><script>alert(1)</script>' });
    const html = figureHtml(fig);
    expect(html).not.to.include('<img');
    expect(html).not.to.include('</script><script>');
    expect(scriptJson({ a: '</script>' })).to.equal('{"a":"\\u003c/script\\u003e"}');
    const json = JSON.stringify(figureBundle(fig)['application/vnd.plotly.v1+json']);
    expect(json).not.to.include('<img');
  });
});

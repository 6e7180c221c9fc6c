import { expect } from 'chai';
import { inspect } from 'util';
import { execFileSync } from 'child_process';
import * as path from 'path';
import '../../lib/display/kernel-hooks';
import { table } from '../../lib/data/table';
import { histogramChart } from '../../lib/charts/distribution-charts';

const DISPLAY = Symbol.for('Jupyter.display');

describe('kernel hooks (display/kernel-hooks.ts)', () => {
  it('a Table implements the Jupyter.display protocol (Deno) with escaped HTML, and prints its text table outside a kernel', () => {
    const t = table({ s: ['<img src=x onerror=alert(1)>'] });
    const bundle = (t as any)[DISPLAY]();
    expect(bundle['text/html']).to.include('&lt;img src=x onerror=alert(1)&gt;');
    expect(bundle['text/plain']).to.include('<img');
    expect(inspect(t)).to.equal(t.toString());
  });

  it('figures carry Symbol.for("Jupyter.display") for Deno, invisible to JSON, and print a one-line summary', () => {
    const fig = histogramChart([1, 2, 3]);
    const bundle = (fig as unknown as Record<symbol, () => Record<string, unknown>>)[DISPLAY]();
    expect(bundle['application/vnd.plotly.v1+json']).to.deep.equal({ data: fig.data, layout: fig.layout });
    expect(Object.keys(JSON.parse(JSON.stringify(fig)))).to.deep.equal(['data', 'layout']);
    expect(inspect(fig)).to.equal('<Figure: 1 trace>');
  });

  it('without the display module, tables and figures are plain data (the chart and data layers know no kernel)', () => {
    const code =
      "const { table } = require('./lib/data/table'); const { histogramChart } = require('./lib/charts/distribution-charts'); const d = Symbol.for('Jupyter.display'); console.log(JSON.stringify([d in table({ a: [1] }), d in histogramChart([1, 2])]));";
    const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', code], { cwd: path.join(__dirname, '..', '..'), encoding: 'utf8' });
    expect(JSON.parse(out.trim())).to.deep.equal([false, false]);
  });
});

/**
 * HTML safety: a script-carrying string fed through every path that reaches a page — table cells and column
 * names, data summaries, metric reports, chart titles, axis titles, legend names, hover text, report headings
 * and paragraphs, notebook output bundles — and the rendered report opened in headless Chromium runs nothing.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { expect } from 'chai';
import * as t from '../../lib/index';
import { findChromium, withPage } from '../../lib/display/browser';
import { bundleOf } from '../../lib/display/show';
import { tempDir } from '../helpers';

const XSS = `<img src=x onerror="window.__xss=(window.__xss||0)+1"><script>window.__xss=(window.__xss||0)+1</script>`;

function everyPath(): t.ReportItem[] {
  const tbl = t.table({ [XSS]: [1, 2], name: [XSS, 'ok'] });
  const cls = t.classificationReport([0, 1, 1, 0], [0, 1, 0, 0], { names: [XSS, 'b'] });
  const fig = t.lineChart({ title: XSS, dates: [0, 864e5], series: { [XSS]: [1, 2] }, yTitle: XSS });
  fig.data[0].text = [XSS, XSS];
  fig.data[0].hovertext = [XSS, XSS];
  return [
    { heading: XSS },
    { text: XSS },
    tbl,
    t.summarize(tbl),
    cls,
    t.compareModels([1, 2, 3], { [XSS]: [1, 2, 2] }),
    fig,
    t.histogramChart([1, 2, 3], { title: XSS, xTitle: XSS }),
    t.confusionMatrixChart(
      [
        [1, 2],
        [3, 4],
      ],
      { labels: [XSS, 'b'], title: XSS },
    ),
    t.rocChart([{ name: XSS, actual: [0, 1, 0, 1], score: [0.1, 0.9, 0.4, 0.6] }]),
    t.candlestickChart(t.table({ date: [new Date(0), new Date(864e5)], open: [1, 2], high: [2, 3], low: [0.5, 1.5], close: [1.5, 2.5] }), {
      title: XSS,
      overlays: { [XSS]: [1, 2] },
    }),
  ];
}

describe('HTML safety', function () {
  this.timeout(60000);

  it('no raw markup from data survives into any HTML or Plotly JSON we produce', () => {
    const items = everyPath();
    const html = t.reportHtml(items, { title: XSS });
    // Our own <script> tags are plotly.js and one drawing script per figure; none from the data.
    expect(html).not.to.include('<img');
    expect(html).not.to.include(XSS);
    for (const item of items.filter((i) => !('heading' in i) && !('text' in i))) {
      const bundle = bundleOf(item);
      for (const [mime, content] of Object.entries(bundle)) {
        const s = typeof content === 'string' ? content : JSON.stringify(content);
        if (mime !== 'text/plain') expect(s, mime).not.to.include('<img');
      }
    }
  });

  it('the report renders in headless Chromium without running any injected script', async function () {
    if (!findChromium()) {
      if (process.env.CI === 'true') throw new Error('CI needs chromium: apt-get install chromium');
      this.skip();
    }
    const file = path.join(tempDir(), 'xss.html');
    t.writeHtmlReport(file, everyPath(), { title: XSS });
    const result = await withPage(async (page) => {
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`file://${file}`);
      await page.waitForFunction(() => document.querySelectorAll('.tsdl-figure.js-plotly-plot').length === 5, undefined, { timeout: 30000 });
      // Hover every trace point of the line chart so that hover labels are drawn too.
      await page.evaluate(() => {
        const P = (window as unknown as { Plotly: { Fx: { hover: (el: Element, pts: object[]) => void } } }).Plotly;
        const el = document.querySelectorAll('.tsdl-figure.js-plotly-plot')[0];
        P.Fx.hover(el, [{ curveNumber: 0, pointNumber: 1 }]);
      });
      await page.waitForTimeout(300);
      return page.evaluate(() => ({
        xss: (window as unknown as { __xss?: number }).__xss ?? 0,
        imgs: document.querySelectorAll('img').length,
        shownAsText: document.body.innerText.includes('<img src=x onerror='),
        hover: document.querySelectorAll('.hoverlayer .hovertext').length,
      }));
    });
    expect(result.xss, 'injected scripts that ran').to.equal(0);
    expect(result.imgs, 'injected <img> elements').to.equal(0);
    expect(result.shownAsText, 'the text is shown literally').to.equal(true);
    expect(result.hover, 'a hover label was drawn').to.be.greaterThan(0);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('a notebook exported by the report runner (nbconvert) runs no script from showMarkdown text or table cells', async function () {
    const python = path.join(__dirname, '..', '..', '.venv', 'bin', 'python');
    if (!findChromium() || !fs.existsSync(python)) {
      if (process.env.CI === 'true') throw new Error('CI needs chromium and the Jupyter environment: bash scripts/setup.sh');
      this.skip();
    }
    // Before: showMarkdown sent its text as it was, and nbconvert rendered the markdown's raw HTML: two scripts ran.
    const dir = tempDir();
    // Reference-style links (a label and a definition in any case) ran before issue 31: clicking one set __xss.
    const md = `Report on ${XSS} [x](javascript:window.__xss=9) [a][r] [b][s] [c] <javascript:window.__xss=12>\n\n[r]: JaVaScRiPt:window.__xss=10\n  [s]:\n   data:text/html,<script>window.__xss=11</script>\n[c]: vbscript:x\n`;
    const outputs = [t.markdownBundle(md), bundleOf(t.table({ [XSS]: [XSS] }))].map((data) => ({
      output_type: 'display_data',
      data,
      metadata: {},
    }));
    const nb = {
      cells: [{ cell_type: 'code', id: 'a', metadata: {}, execution_count: 1, source: 'x', outputs }],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    };
    fs.writeFileSync(path.join(dir, 'in.ipynb'), JSON.stringify(nb));
    const script = path.join(__dirname, '..', '..', 'scripts', 'execute_notebook.py');
    execFileSync(python, [
      '-c',
      `import sys, nbformat; sys.path.insert(0, ${JSON.stringify(path.dirname(script))}); from execute_notebook import export_html; export_html(nbformat.read(sys.argv[1], as_version=4), sys.argv[2])`,
      path.join(dir, 'in.ipynb'),
      path.join(dir, 'out.html'),
    ]);
    const html = fs.readFileSync(path.join(dir, 'out.html'), 'utf8');
    expect(html).to.include('Report on');
    const result = await withPage(async (page) => {
      await page.goto(`file://${path.join(dir, 'out.html')}`);
      await page.waitForTimeout(500);
      await page.evaluate(() =>
        document.querySelectorAll('a').forEach((a) => /^\s*(javascript|data|vbscript)/i.test(a.getAttribute('href') ?? '') && (a as HTMLAnchorElement).click()),
      );
      return page.evaluate(() => ({
        xss: (window as unknown as { __xss?: number }).__xss ?? 0,
        shown: document.body.innerText.includes('<img src=x onerror='),
        unsafeLinks: Array.from(document.querySelectorAll('a'))
          .map((a) => a.getAttribute('href') ?? '')
          .filter((h) => /^\s*(javascript|data|vbscript):/i.test(h)),
      }));
    });
    expect(result.xss, 'injected scripts that ran').to.equal(0);
    expect(result.unsafeLinks, 'links with a script scheme').to.deep.equal([]);
    expect(result.shown, 'the text is shown literally').to.equal(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

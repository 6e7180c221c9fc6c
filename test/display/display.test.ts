// Display: MIME bundles sent through tslab's display channel, escaping, offline HTML reports, images.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expect } from 'chai';
import { bundleOf, displayDefaults, figureBundle, resetDisplayState, show } from '../../lib/display/show';
import { closeImageBrowser } from '../../lib/display/figure-image';
import { inKernel, sendBundle } from '../../lib/display/jupyter';
import { reportHtml, writeFigure, writeHtmlReport } from '../../lib/display/html-report';
import { figureHtml, scriptJson } from '../../lib/display/figure-html';
import { findChromium, withPage } from '../../lib/display/browser';
import { denseRegressor, fitModel, histogramChart, lineChart } from '../../lib/index';
import { notebookProgress } from '../../lib/display/notebook-progress';
import { table } from '../../lib/data/table';
import { htmlTable } from '../../lib/display/html-table';
import { ReportError } from '../../lib/util/errors';
import { expectError, tempDir } from '../helpers';
import { expectHostBelow } from '../host-checks';

const XSS = '<img src=x onerror="window.__xss=1">';

/** Loads tslab's jupyter module as a kernel would and captures what would be sent to the frontend. */
function fakeKernel(): { sent: { data: Record<string, unknown>; transient: object }[]; restore: () => void } {
  const jupyter = require('tslab/dist/jupyter');
  const sent: { data: Record<string, unknown>; transient: object }[] = [];
  const before = jupyter.lastWriteDisplayData;
  jupyter.lastWriteDisplayData = (content: { data: Record<string, unknown>; transient: object }) => sent.push(content);
  return { sent, restore: () => (jupyter.lastWriteDisplayData = before) };
}

describe('display', () => {
  it('tslab 1.0.22 still exposes the display channel this module relies on', () => {
    const jupyter = require('tslab/dist/jupyter');
    expect(jupyter).to.have.property('lastWriteDisplayData');
    expect(require('tslab/package.json').version).to.equal('1.0.22');
  });

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

  it('chart titles, trace names and tick labels are escaped; scripts cannot break out of the JSON', () => {
    const fig = histogramChart([1, 2], { title: XSS, xTitle: '</script><script>alert(1)</script>' });
    const html = figureHtml(fig);
    expect(html).not.to.include('<img');
    expect(html).not.to.include('</script><script>');
    expect(scriptJson({ a: '</script>' })).to.equal('{"a":"\\u003c/script\\u003e"}');
    const json = JSON.stringify(figureBundle(fig)['application/vnd.plotly.v1+json']);
    expect(json).not.to.include('<img');
  });

  it('writes a standalone report with plotly.js embedded once for ten charts, headings and tables escaped', () => {
    const dir = tempDir();
    const charts = Array.from({ length: 10 }, (_, i) => histogramChart([i, i + 1, i + 2], { title: `chart ${i}` }));
    const file = path.join(dir, 'report.html');
    writeHtmlReport(file, [{ heading: XSS }, ...charts, table({ a: [XSS] }), { text: 'done' }], { title: 'Ten charts' });
    const html = fs.readFileSync(file, 'utf8');
    expect(html.match(/Copyright 2012-20\d\d, Plotly/g)).to.have.length(1);
    expect(html.match(/class="tsdl-figure"/g)).to.have.length(10);
    expect(html).not.to.match(/<script[^>]*src=/); // no CDN, no external file
    expect(html).not.to.include('<img');
    expect(reportHtml([{ text: 'no charts' }])).not.to.match(/Plotly/);
  });

  it('a report path that is not writable fails with the path and a fix, and leaves no file behind', function () {
    if (process.getuid?.() === 0) {
      // root can write anywhere: use a path under a regular file instead (ENOTDIR).
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'file'), 'x');
      expectError(() => writeHtmlReport(path.join(dir, 'file', 'r.html'), [{ text: 'x' }]), ReportError, 'file/r.html', 'writable folder');
      return;
    }
    const dir = tempDir();
    fs.chmodSync(dir, 0o500);
    expectError(() => writeHtmlReport(path.join(dir, 'r.html'), [{ text: 'x' }]), ReportError, 'r.html', 'writable folder');
  });

  it('writeFigure refuses an unknown extension, naming the valid ones', async () => {
    let err: Error | undefined;
    try {
      await writeFigure(histogramChart([1]), '/tmp/x.jpg');
    } catch (e) {
      err = e as Error;
    }
    expect(err).to.be.instanceOf(ReportError);
    expect(err!.message).to.include('".jpg"').and.include('.html, .png, .svg');
  });

  describe('in headless Chromium (Debian chromium via playwright-core)', function () {
    this.timeout(60000);
    before(function () {
      if (!findChromium()) {
        if (process.env.CI === 'true') throw new Error('CI needs chromium: apt-get install chromium (scripts/setup.sh --browser does it)');
        this.skip();
      }
    });

    it('the HTML report draws its charts offline from file:// and runs no injected script', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'report.html');
      writeHtmlReport(file, [{ heading: XSS }, histogramChart([1, 2, 2, 3], { title: XSS }), table({ a: [XSS] })], { title: XSS });
      const result = await withPage(async (page) => {
        await page.goto(`file://${file}`);
        await page.waitForSelector('.tsdl-figure .main-svg', { timeout: 15000 });
        await page.screenshot({ path: path.join(dir, 'report.png') });
        return page.evaluate(() => ({
          svgs: document.querySelectorAll('.tsdl-figure svg.main-svg').length,
          xss: (window as unknown as { __xss?: number }).__xss ?? 0,
          imgs: document.querySelectorAll('img').length,
        }));
      });
      expect(result.svgs).to.be.greaterThan(0);
      expect(result.xss).to.equal(0);
      expect(result.imgs).to.equal(0);
    });

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

    it('writes PNG and SVG images of a figure', async () => {
      const dir = tempDir();
      await writeFigure(histogramChart([1, 2, 2, 3], { title: 'returns' }), path.join(dir, 'h.png'));
      await writeFigure(histogramChart([1, 2, 2, 3], { title: 'returns' }), path.join(dir, 'h.svg'));
      const png = fs.readFileSync(path.join(dir, 'h.png'));
      expect(png.subarray(1, 4).toString()).to.equal('PNG');
      expect(png.length).to.be.greaterThan(5000);
      expect(fs.readFileSync(path.join(dir, 'h.svg'), 'utf8')).to.match(/^<svg[\s\S]*returns[\s\S]*<\/svg>$/);
    });
  });
});

describe('training progress', function () {
  this.timeout(60000);
  const n = 64;
  const data = {
    x: Float32Array.from({ length: n * 2 }, (_, i) => Math.sin(i)),
    xShape: [n, 2],
    y: Float32Array.from({ length: n }, (_, i) => Math.cos(i)),
    yShape: [n, 1],
  };

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

  it('outside a kernel and not on a TTY: one line per epoch on stderr', async () => {
    const lines: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    const tty = process.stderr.isTTY;
    (process.stderr as { isTTY?: boolean }).isTTY = false;
    process.stderr.write = ((s: string) => (lines.push(String(s)), true)) as typeof process.stderr.write;
    try {
      const m = denseRegressor(data, { units: [4], seed: 1 });
      await fitModel(m, data, { epochs: 5 });
      m.dispose();
    } finally {
      process.stderr.write = write;
      (process.stderr as { isTTY?: boolean }).isTTY = tty;
    }
    expect(lines.filter((l) => /^epoch \d\/5 /.test(l))).to.have.length(5);
    expect(lines.join('')).to.include('denseRegressor: 5 epochs');
  });

  it('in a script on a terminal (a pseudo-terminal): a bar redrawn in place', function () {
    if (!fs.existsSync('/usr/bin/script')) this.skip(); // util-linux's script gives the child a pseudo-terminal
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-tty-'));
    const file = path.join(dir, 'fit.ts');
    const lib = path.join(__dirname, '..', '..', 'lib', 'index');
    fs.writeFileSync(
      file,
      `import * as t from ${JSON.stringify(lib)};\n(async () => { await t.initBackend(); const n = 32; const d = { x: new Float32Array(n * 2).fill(0.5), xShape: [n, 2], y: new Float32Array(n).fill(1), yShape: [n, 1] }; const m = t.denseRegressor(d, { units: [2], seed: 1 }); await t.fitModel(m, d, { epochs: 3 }); m.dispose(); })();\n`,
    );
    const tsx = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    const out = execFileSync('/usr/bin/script', ['-qec', `${tsx} ${file}`, '/dev/null'], { encoding: 'utf8', env: { ...process.env, TSDL_NOTICES: 'off' } });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(out).to.include('\r');
    expect(out).to.match(/█+░* epoch 3\/3/);
    expect(out).to.include('denseRegressor: 3 epochs');
  });
});

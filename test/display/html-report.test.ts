import * as fs from 'fs';
import * as path from 'path';
import { expect } from 'chai';
import { reportHtml, writeFigure, writeHtmlReport } from '../../lib/display/html-report';
import { withPage } from '../../lib/display/browser';
import { histogramChart } from '../../lib/index';
import { table } from '../../lib/data/table';
import { ReportError } from '../../lib/util/errors';
import { expectError, tempDir } from '../helpers';
import { inChromium } from './chromium';

const XSS = '<img src=x onerror="window.__xss=1">';

describe('reportHtml, writeHtmlReport and writeFigure (display/html-report.ts)', () => {
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
  inChromium(() => {
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
  });
});

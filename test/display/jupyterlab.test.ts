// The real frontend: JupyterLab from the project's .venv on loopback, driven by headless Debian Chromium.
// Charts must draw (Plotly's SVG, not just an output area) when a cell runs and when an executed notebook is
// reopened; the exported HTML report must draw them from file:// with the network off.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { expect } from 'chai';
import { findChromium, withPage } from '../../lib/display/browser';
import { runNotebook, PROJECT_ROOT } from '../../lib/report/run-notebook';

const OUT = path.join(PROJECT_ROOT, 'test-output', 'browser');
const VENV = path.join(PROJECT_ROOT, '.venv', 'bin', 'jupyter');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForServer(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`JupyterLab did not answer at ${url} within ${ms} ms`);
}

describe('JupyterLab in headless Chromium', function () {
  this.timeout(180000);
  let lab: ChildProcess | undefined;
  let base = '';
  let token = '';
  let root = '';
  let log = '';

  before(async function () {
    const missing = !findChromium() ? 'chromium (apt-get install chromium)' : !fs.existsSync(VENV) ? 'the Jupyter environment (bash scripts/setup.sh)' : '';
    if (missing) {
      if (process.env.CI === 'true') throw new Error(`CI needs ${missing}`);
      this.skip();
    }
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
    // The server's root: a fresh copy of the smoke notebook, and an executed copy of it.
    root = path.join(OUT, 'lab-root');
    fs.mkdirSync(root);
    const nb = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'notebooks', '00-smoke.ipynb'), 'utf8'));
    // Paths in the notebook are relative to notebooks/: make them absolute for this root.
    const abs = (s: string) => s.replace(/'\.\.\/(dist|datasets)\//g, `'${PROJECT_ROOT}/$1/`);
    for (const c of nb.cells) c.source = Array.isArray(c.source) ? c.source.map(abs) : abs(c.source);
    fs.writeFileSync(path.join(root, 'fresh.ipynb'), JSON.stringify(nb));
    // A fit long enough (about 40 epochs of a few seconds in all) to watch its live chart grow.
    const training = {
      ...nb,
      cells: [
        {
          cell_type: 'code',
          id: 't1',
          metadata: {},
          outputs: [],
          execution_count: null,
          source: `import * as tsdl from '${PROJECT_ROOT}/dist/index';\nawait tsdl.initBackend();`,
        },
        {
          cell_type: 'code',
          id: 't2',
          metadata: {},
          outputs: [],
          execution_count: null,
          source:
            'const n = 3000;\nconst data = { x: Float32Array.from({ length: n * 4 }, (_, i) => Math.sin(i)), xShape: [n, 4], y: Float32Array.from({ length: n }, (_, i) => Math.cos(i)), yShape: [n, 1] };\nconst m = tsdl.denseRegressor(data, { units: [32, 32], seed: 1 });\nawait tsdl.fitModel(m, data, { epochs: 40, batchSize: 32, validationSplit: 0.2 });',
        },
      ],
    };
    fs.writeFileSync(path.join(root, 'training.ipynb'), JSON.stringify(training));
    const run = await runNotebook(path.join(root, 'fresh.ipynb'), { outDir: root, name: 'executed' });
    fs.rmSync(run.html);
    const port = await freePort();
    token = randomBytes(16).toString('hex');
    base = `http://127.0.0.1:${port}`;
    lab = spawn(
      VENV,
      [
        'lab',
        '--no-browser',
        `--ServerApp.ip=127.0.0.1`,
        `--ServerApp.port=${port}`,
        `--IdentityProvider.token=${token}`,
        `--ServerApp.root_dir=${root}`,
        '--ServerApp.open_browser=False',
        '--LabApp.news_url=',
        '--LabApp.extension_manager=readonly',
        ...(process.getuid?.() === 0 ? ['--allow-root'] : []),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, JUPYTER_CONFIG_DIR: path.join(OUT, 'config'), JUPYTER_RUNTIME_DIR: path.join(OUT, 'runtime') },
      },
    );
    lab.stdout!.on('data', (d) => (log += d));
    lab.stderr!.on('data', (d) => (log += d));
    await waitForServer(`${base}/api/status?token=${token}`, 60000);
  });

  after(() => {
    lab?.kill('SIGTERM');
    if (log) fs.writeFileSync(path.join(OUT, 'jupyterlab.log'), log);
  });

  /** The visible notebook panel (other tabs stay in the DOM, hidden). */
  const panel = '.jp-NotebookPanel:not(.lm-mod-hidden)';

  /** Opens a notebook in a workspace of its own, so that only it is open. */
  async function openNotebook(page: import('playwright-core').Page, name: string): Promise<void> {
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.goto(`${base}/lab/workspaces/w-${randomBytes(4).toString('hex')}/tree/${name}?token=${token}`);
  }

  /** Opens a notebook, waits for its kernel, and runs all its cells from the Run menu. */
  async function runAllCells(page: import('playwright-core').Page, name: string): Promise<void> {
    await openNotebook(page, name);
    await page.waitForSelector(`${panel} .jp-Cell`, { timeout: 90000 });
    await page.getByText(/TypeScript \| Idle/).waitFor({ timeout: 90000 });
    await page.locator(`${panel} .jp-Cell`).first().click();
    await page.locator('.lm-MenuBar-itemLabel', { hasText: /^Run$/ }).click();
    await page.locator('.lm-Menu-itemLabel', { hasText: /^Run All Cells$/ }).click();
  }

  it('is bound to loopback and refuses requests without the token', async () => {
    const res = await fetch(`${base}/api/contents`);
    expect(res.status).to.equal(403);
  });

  it('an executed notebook, reopened, shows the static PNG and draws the live chart when the pointer enters', async () => {
    const result = await withPage(
      async (page) => {
        await openNotebook(page, 'executed.ipynb');
        await page.waitForSelector(`${panel} .jp-RenderedPlotly`, { timeout: 90000, state: 'attached' });
        await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: 'center' }), `${panel} .jp-RenderedPlotly`);
        await page.waitForTimeout(500);
        const staticImage = await page.evaluate((sel) => {
          const img = document.querySelector(sel) as HTMLImageElement | null;
          return img ? { src: img.src.slice(0, 22), width: img.naturalWidth, shown: getComputedStyle(img).display !== 'none' } : null;
        }, `${panel} .jp-RenderedPlotly .plot-img`);
        await page.screenshot({ path: path.join(OUT, 'jupyterlab-reopened-static.png') });
        // Move the pointer in from outside: the renderer swaps the image for the live chart on mouseenter.
        const box = await page.locator(`${panel} .jp-RenderedPlotly .plot-img`).boundingBox();
        await page.mouse.move(5, 5);
        await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2, { steps: 5 });
        await page.waitForSelector(`${panel} .jp-RenderedPlotly .main-svg`, { timeout: 30000, state: 'attached' });
        await page.waitForTimeout(500);
        await page.screenshot({ path: path.join(OUT, 'jupyterlab-reopened-live.png') });
        return { staticImage, svgs: await page.locator(`${panel} .jp-RenderedPlotly svg.main-svg`).count() };
      },
      { offline: false },
    );
    expect(result.staticImage, 'the PNG from the kernel is shown first').to.deep.include({ src: 'data:image/png;base64,', shown: true });
    expect(result.staticImage!.width).to.equal(900); // scale 1: shown at the chart's own size
    expect(result.svgs).to.be.greaterThan(0);
  });

  it('draws the chart when the cells run in the browser', async () => {
    const result = await withPage(
      async (page) => {
        await runAllCells(page, 'fresh.ipynb');
        await page.waitForSelector(`${panel} .js-plotly-plot .main-svg`, { timeout: 120000, state: 'attached' });
        // The last cell awaits the PNG: wait until it has finished ([4]).
        await page.waitForFunction(
          (sel) => Array.from(document.querySelectorAll(sel)).some((e) => e.textContent?.includes('[4]')),
          `${panel} .jp-InputPrompt`,
          { timeout: 60000 },
        );
        await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: 'center' }), `${panel} .js-plotly-plot`);
        await page.waitForTimeout(500);
        await page.screenshot({ path: path.join(OUT, 'jupyterlab-run.png') });
        const text = await page.locator(`${panel} .jp-OutputArea-output`).allInnerTexts();
        const prompts = await page.locator(`${panel} .jp-InputPrompt`).allInnerTexts();
        return { svgs: await page.locator(`${panel} .jp-OutputArea .js-plotly-plot svg.main-svg`).count(), text: text.join('\n'), prompts: prompts.join(' ') };
      },
      { offline: false },
    );
    expect(result.svgs).to.be.greaterThan(0);
    expect(result.prompts).to.match(/\[4\]:/); // four code cells ran in this session
    expect(result.text).to.match(/backend: (tensorflow|wasm|cpu)/);
    expect(result.text).to.match(/test accuracy: 0\.\d+/);
  });

  it('the live training chart grows while a fit runs and ends as the Plotly chart of every epoch', async () => {
    // Before: the Plotly output was updated in place, which JupyterLab does not redraw: it stayed at epoch 1.
    const result = await withPage(
      async (page) => {
        await runAllCells(page, 'training.ipynb');
        // While the fit runs: the number of points of the drawn loss curve, sampled every 100 ms.
        const seen: number[] = [];
        const deadline = Date.now() + 120000;
        while (Date.now() < deadline) {
          const state = await page.evaluate((sel) => {
            const line = document.querySelector(`${sel} .tsdl-live-loss polyline[data-series="loss"]`);
            const plot = document.querySelector(`${sel} .jp-OutputArea .js-plotly-plot`) as (HTMLElement & { data?: { y: number[] }[] }) | null;
            return { points: line ? (line.getAttribute('points') ?? '').trim().split(' ').length : 0, plotted: plot?.data?.[0]?.y?.length ?? 0 };
          }, panel);
          if (state.points) seen.push(state.points);
          if (state.plotted) return { seen, plotted: state.plotted };
          await page.waitForTimeout(100);
        }
        await page.screenshot({ path: path.join(OUT, 'jupyterlab-training.png') });
        return { seen, plotted: 0 };
      },
      { offline: false },
    );
    expect(Math.max(0, ...result.seen), `curve sizes seen while fitting: ${result.seen.join(' ')}`).to.be.greaterThan(1);
    expect(new Set(result.seen).size, 'the drawn curve changed while fitting').to.be.greaterThan(1);
    expect(result.plotted, 'the final Plotly chart holds every epoch').to.equal(40);
  });

  it('the exported HTML report draws its chart from file:// with the network off', async () => {
    const run = await runNotebook(path.join(root, 'fresh.ipynb'), { outDir: OUT, name: 'report' });
    const found = await withPage(async (page) => {
      const external: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file://') && !r.url().startsWith('data:')) external.push(r.url());
      });
      await page.goto(`file://${run.html}`);
      await page.waitForSelector('.js-plotly-plot .main-svg, .tsdl-figure .main-svg', { timeout: 30000 });
      await page.screenshot({ path: path.join(OUT, 'report.png'), fullPage: true });
      return { svgs: await page.locator('.tsdl-figure.js-plotly-plot:has(svg.main-svg)').count(), external };
    }); // offline by default
    expect(found.svgs).to.equal(1);
    expect(found.external, `requests that need a network: ${found.external.join(', ')}`).to.deep.equal([]);
  });
});

/**
 * Executes notebooks from a clean kernel and writes reports.
 *
 *   tsx scripts/run-notebooks.ts                      all notebooks → reports/ (+ index.html, metrics.json)
 *   tsx scripts/run-notebooks.ts --check              ... and fail on metric drift vs notebooks/expected-metrics.json
 *   tsx scripts/run-notebooks.ts notebooks/02-stocks.ipynb -p index=SMI -p epochs=5 --out reports/smi
 *   tsx scripts/run-notebooks.ts --update-expected    write the run's metrics as the new expectations
 *
 * Exits non-zero when a notebook raises (naming the cell) or, with --check, when a metric drifts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runNotebook, NotebookRun, PROJECT_ROOT } from '../lib/report/run-notebook';
import { parseParameterArgs } from '../lib/report/notebook-parameters';
import { checkDrift, describeDrift, ExpectedMetrics, expectationsFrom, manifestTable, MetricsManifest } from '../lib/report/metrics-manifest';
import { writeFileAtomic } from '../lib/display/html-report';
import { escapeHtml } from '../lib/util/html';

const EXPECTED = path.join(PROJECT_ROOT, 'notebooks', 'expected-metrics.json');

function parseArgs(argv: string[]) {
  const notebooks: string[] = [];
  const params: string[] = [];
  let out = path.join(PROJECT_ROOT, 'reports');
  let check = false;
  let update = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-p' || a === '--parameter') params.push(argv[++i] ?? '');
    else if (a === '--out') out = path.resolve(argv[++i] ?? '');
    else if (a === '--check') check = true;
    else if (a === '--update-expected') update = true;
    else if (a.startsWith('-')) throw new Error(`unknown option ${a} (valid: -p name=value, --out DIR, --check, --update-expected)`);
    else notebooks.push(path.resolve(a));
  }
  return { notebooks, params, out, check, update };
}

function indexHtml(runs: NotebookRun[], manifest: MetricsManifest, failures: { notebook: string; message: string }[]): string {
  const rows = runs.map((r) => {
    const name = path.basename(r.html);
    const title = notebookTitle(r.notebook);
    return [`<a href="${escapeHtml(name)}">${escapeHtml(title)}</a>`, `${r.seconds.toFixed(1)} s`, escapeHtml(Object.entries(r.parameters).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', '))];
  });
  const table = `<table><thead><tr><th>report</th><th>run time</th><th>parameters</th></tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  const failed = failures.length ? `<h2>Failed</h2><ul>${failures.map((f) => `<li>${escapeHtml(path.basename(f.notebook))}: <pre>${escapeHtml(f.message)}</pre></li>`).join('')}</ul>` : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>Reports</title><style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #e5e7eb;padding:4px 10px}td.num{text-align:right}</style></head><body><h1>Reports</h1><p>Generated ${escapeHtml(new Date().toISOString())} by <code>npm run reports</code>. Each report is self-contained and works offline.</p>${table}${failed}<h2>Key metrics</h2>${manifestTable(manifest)}</body></html>`;
}

function notebookTitle(file: string): string {
  try {
    const nb = JSON.parse(fs.readFileSync(file, 'utf8'));
    const md = nb.cells.find((c: { cell_type: string }) => c.cell_type === 'markdown');
    const src = Array.isArray(md?.source) ? md.source.join('') : md?.source ?? '';
    const h = /^#\s+(.+)$/m.exec(src);
    return h ? h[1].trim() : path.basename(file);
  } catch {
    return path.basename(file);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const all = args.notebooks.length === 0;
  const notebooks = all ? fs.readdirSync(path.join(PROJECT_ROOT, 'notebooks')).filter((f) => f.endsWith('.ipynb') && !f.startsWith('.')).sort().map((f) => path.join(PROJECT_ROOT, 'notebooks', f)) : args.notebooks;
  const overrides = parseParameterArgs(args.params);
  if (all && args.params.length) throw new Error('-p applies to one notebook: name it (e.g. tsx scripts/run-notebooks.ts notebooks/02-stocks.ipynb -p epochs=5)');
  const runs: NotebookRun[] = [];
  const failures: { notebook: string; message: string }[] = [];
  for (const nb of notebooks) {
    process.stdout.write(`[reports] ${path.relative(PROJECT_ROOT, nb)} ... `);
    try {
      const r = await runNotebook(nb, { parameters: overrides, outDir: args.out });
      runs.push(r);
      console.log(`ok in ${r.seconds.toFixed(1)} s → ${path.relative(process.cwd(), r.html)}`);
    } catch (err) {
      console.log('FAILED');
      console.error(`  ${(err as Error).message}`);
      failures.push({ notebook: nb, message: (err as Error).message });
    }
  }
  const manifest: MetricsManifest = Object.fromEntries(runs.map((r) => [path.basename(r.notebook), r.metrics]));
  writeFileAtomic(path.join(args.out, 'metrics.json'), JSON.stringify(manifest, null, 2) + '\n');
  writeFileAtomic(path.join(args.out, 'index.html'), indexHtml(runs, manifest, failures));
  console.log(`[reports] index: ${path.relative(process.cwd(), path.join(args.out, 'index.html'))}; metrics: ${path.relative(process.cwd(), path.join(args.out, 'metrics.json'))}`);
  let drifted = 0;
  const expected: ExpectedMetrics = fs.existsSync(EXPECTED) ? JSON.parse(fs.readFileSync(EXPECTED, 'utf8')) : {};
  if (args.update) {
    fs.writeFileSync(EXPECTED, JSON.stringify(expectationsFrom(manifest, expected), null, 2) + '\n');
    console.log(`[reports] wrote expectations to ${path.relative(process.cwd(), EXPECTED)}`);
  } else if (args.check) {
    if (Object.keys(overrides).length) throw new Error('--check compares runs with default parameters; drop -p');
    const drifts = checkDrift(manifest, expected);
    drifts.forEach((d) => console.error(`[drift] ${describeDrift(d)}`));
    drifted = drifts.length;
    if (!drifted) console.log(`[reports] metrics match notebooks/expected-metrics.json (${Object.values(manifest).reduce((s, m) => s + Object.keys(m).length, 0)} metrics)`);
  }
  if (failures.length || drifted) process.exit(1);
}

main().catch((err) => {
  console.error(`[reports] ${(err as Error).message}`);
  process.exit(1);
});

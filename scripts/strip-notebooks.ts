/**
 * Removes outputs and execution counts from the notebooks (they are committed without them: readable diffs, and no
 * numbers the code no longer produces). `--check` changes nothing and fails when a notebook has outputs.
 *
 *   npm run strip                 strip every .ipynb under notebooks/ in place
 *   npm run strip -- --check      fail if any has outputs (CI)
 */
import * as fs from 'fs';
import * as path from 'path';

const dir = path.join(__dirname, '..', 'notebooks');
const check = process.argv.includes('--check');
let dirty = 0;
const files = (fs.readdirSync(dir, { recursive: true }) as string[])
  .filter((n) => n.endsWith('.ipynb') && !n.split(path.sep).includes('.ipynb_checkpoints'))
  .sort();
for (const f of files) {
  const file = path.join(dir, f);
  const text = fs.readFileSync(file, 'utf8');
  const nb = JSON.parse(text) as { cells: { cell_type: string; outputs?: unknown[]; execution_count?: number | null; metadata?: Record<string, unknown> }[] };
  for (const c of nb.cells) {
    if (c.cell_type !== 'code') continue;
    c.outputs = [];
    c.execution_count = null;
    if (c.metadata) for (const k of ['execution', 'collapsed', 'scrolled']) delete c.metadata[k];
  }
  const stripped = JSON.stringify(nb, null, 1) + '\n';
  if (stripped === text) continue;
  dirty++;
  if (check) console.error(`[strip] ${f} has outputs or execution counts; run: npm run strip`);
  else {
    fs.writeFileSync(`${file}.tmp`, stripped);
    fs.renameSync(`${file}.tmp`, file);
    console.log(`[strip] ${f}: outputs removed`);
  }
}
if (check && dirty) process.exit(1);
if (!dirty) console.log('[strip] every notebook is without outputs');

/**
 * The layering of docs/architecture.md, read from the import lines of every file in lib/: a folder imports only
 * folders to its left in the flow, and each of the three boundaries (TensorFlow.js, the kernel and browser, the C
 * helper) is crossed in one place.
 */
import { expect } from 'chai';
import * as fs from 'fs';
import * as path from 'path';

const LIB = path.join(__dirname, '..', 'lib');
/** Left to right: a module may import its own layer and the layers before it. */
const LAYERS = [
  'util',
  'tf',
  'kernels',
  'backend',
  'data',
  'features',
  'preprocess',
  'models',
  'train',
  'metrics',
  'finance',
  'clinical',
  'charts',
  'display',
  'report',
  'index',
  'internal',
];

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** The layer of a file under lib/: its folder, or its name for the top-level files. */
function layerOf(file: string): string {
  const rel = path.relative(LIB, file).split(path.sep);
  return rel.length === 1 ? rel[0].replace(/\.ts$/, '') : rel[0];
}

/** Every module specifier of a file: static and type imports, re-exports, side-effect imports, require() and import(). */
export function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s+['"]([^'"]+)['"]/gm,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]);
  return out;
}

const sources = files(LIB).map((file) => ({ file, rel: path.relative(LIB, file), layer: layerOf(file), imports: specifiers(fs.readFileSync(file, 'utf8')) }));

describe('architecture (docs/architecture.md)', () => {
  it('the import reader sees every kind of import line', () => {
    const src = [
      "import { a } from '../data/table';",
      "import type { B } from './b';",
      "export { c } from '../charts/c';",
      "import '../models/seeded-dropout';",
      "const v = require('../../package.json').version;",
      "const m = await import('./lazy');",
      'import {\n  x,\n  y,\n} from "../util/x";',
    ].join('\n');
    expect(specifiers(src).sort()).to.deep.equal(
      ['../../package.json', '../charts/c', '../data/table', '../models/seeded-dropout', '../util/x', './b', './lazy'].sort(),
    );
  });

  it('every file of lib/ is in a known layer', () => {
    const unknown = sources.filter((s) => !LAYERS.includes(s.layer)).map((s) => s.rel);
    expect(unknown, 'add the folder to LAYERS and to docs/architecture.md').to.deep.equal([]);
  });

  it('imports only point left in the flow util → tf → kernels → backend → data → … → report → index (no exceptions)', () => {
    const wrong: string[] = [];
    for (const s of sources)
      for (const spec of s.imports) {
        if (!spec.startsWith('.')) continue;
        const target = path.resolve(path.dirname(s.file), spec);
        if (!target.startsWith(LIB + path.sep)) {
          if (!target.endsWith('package.json')) wrong.push(`${s.rel} imports ${spec}, outside lib/`);
          continue;
        }
        const to = layerOf(target.endsWith('.ts') ? target : `${target}.ts`);
        if (LAYERS.indexOf(to) > LAYERS.indexOf(s.layer)) wrong.push(`${s.rel} (${s.layer}) imports ${spec} (${to})`);
      }
    expect(wrong).to.deep.equal([]);
  });

  it('no file of lib/ is much over 300 lines (one concept per file: split a longer one by concept)', () => {
    const long = sources
      .map((s) => ({ rel: s.rel, lines: fs.readFileSync(s.file, 'utf8').split('\n').length }))
      .filter((s) => s.lines > 320 && s.rel !== 'index.ts')
      .map((s) => `${s.rel}: ${s.lines} lines`);
    expect(long).to.deep.equal([]);
  });

  it('test files mirror lib/: each is named after the module it tests, or is a cross-cutting suite named here', () => {
    // Suites about behaviour across modules, not one file: name a new one here with the reason.
    const crossCutting: Record<string, string> = {
      'architecture.test.ts': 'the import lines of every file',
      'backend-agreement.test.ts': 'the same models on wasm and tensorflow',
      'display/deno-kernel.test.ts': 'the package in a Deno Jupyter kernel',
      'display/jupyterlab.test.ts': 'a notebook rendered in JupyterLab',
      'features/causality.property.test.ts': 'every feature looks backward only',
      'preprocess/panel.test.ts': 'panels through features, splits and windows',
      'reliability/bad-input.test.ts': 'the catalogue of bad inputs and their errors',
      'reliability/html-safety.test.ts': 'escaping in every HTML output',
      'reliability/leakage.property.test.ts': 'no leakage across split, fit and transform',
      'reliability/silent-wrong-answers.test.ts': 'the cases that once gave a wrong answer silently',
      'reliability/soak.test.ts': 'tensors and memory over many fits',
      'report/dask-grid.test.ts': 'report grids on Dask (scripts/dask_grid.py)',
      'report/notebook-variants.test.ts': 'the notebooks on variants of their data',
      'report/run-notebooks-cli.test.ts': 'scripts/run-notebooks.ts',
      'train/fit-callbacks.test.ts': "fitModel's callbacks and checkpoints with bundles",
    };
    const TEST = path.join(__dirname);
    const stray = files(TEST)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => path.relative(TEST, f))
      .filter((rel) => !fs.existsSync(path.join(LIB, rel.replace(/\.test\.ts$/, '.ts'))) && !(rel in crossCutting));
    expect(stray, 'name the test file after the lib/ module it tests, or list the suite in crossCutting').to.deep.equal([]);
  });

  it('util/ imports nothing else of lib/, and index.ts only re-exports', () => {
    for (const s of sources.filter((x) => x.layer === 'util'))
      for (const spec of s.imports.filter((x) => x.startsWith('.'))) expect(spec, `${s.rel} imports ${spec}`).to.match(/^\.\/[^/]+$/);
    const index = fs.readFileSync(path.join(LIB, 'index.ts'), 'utf8');
    const statements = index
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('//'));
    const joined = statements
      .join(' ')
      .split(';')
      .map((l) => l.trim())
      .filter(Boolean);
    const other = joined.filter((l) => !/^export (type )?(\*|\* as \w+|\{[^}]*\}) from '[^']+'$/.test(l) && !/^import '[^']+'$/.test(l));
    expect(other, 'lib/index.ts holds only re-exports (and side-effect imports listed in docs/architecture.md)').to.deep.equal([]);
  });

  it('every exported function takes its options as a named type, and every property of an *Options interface is documented', () => {
    const inline: string[] = [];
    const undocumented: string[] = [];
    for (const s of sources) {
      const text = fs.readFileSync(s.file, 'utf8');
      for (const m of text.matchAll(/^export (?:async )?function (\w+)\([^)]*?\boptions\??: \{/gm)) inline.push(`${s.rel}: ${m[1]}`);
      const lines = text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        const head = /^export interface (\w+Options)\b.*\{\s*$/.exec(lines[i]);
        if (!head) continue;
        let depth = 1;
        for (let j = i + 1; j < lines.length && depth > 0; j++) {
          const prop = depth === 1 ? /^\s+(?:readonly\s+)?(\w+)\??:/.exec(lines[j]) : null;
          if (prop) {
            let k = j - 1;
            while (k > i && lines[k].trim() === '') k--;
            if (!lines[k].trim().endsWith('*/')) undocumented.push(`${s.rel}:${j + 1} ${head[1]}.${prop[1]}`);
          }
          depth += (lines[j].match(/\{/g) ?? []).length - (lines[j].match(/\}/g) ?? []).length;
        }
      }
    }
    expect(inline, 'name the options type (an exported interface with a comment per option)').to.deep.equal([]);
    expect(undocumented, 'document each option with its default').to.deep.equal([]);
  });

  it('TensorFlow.js is imported in lib/tf.ts and lib/backend.ts only; the browser and child processes in display/ and report/ only; the C helper is loaded in kernels/ only', () => {
    const tfUsers = sources.filter((s) => s.imports.some((i) => i.startsWith('@tensorflow/'))).map((s) => s.rel);
    expect(tfUsers.sort()).to.deep.equal(['backend.ts', 'tf.ts']);
    const outside = sources.filter(
      (s) => s.imports.some((i) => /^(playwright|playwright-core|child_process|node:child_process)$/.test(i)) && !['display', 'report'].includes(s.layer),
    );
    expect(outside.map((s) => s.rel)).to.deep.equal([]);
    const helper = sources.filter((s) => s.imports.some((i) => /kernels\/c-helper$|^\.\/c-helper$/.test(i)) && !['kernels', 'backend'].includes(s.layer));
    expect(
      helper.map((s) => s.rel),
      'call the C helper through a kernel in lib/kernels',
    ).to.deep.equal([]);
    const native = sources.filter(
      (s) => /\.node['"]\)|process\.dlopen/.test(fs.readFileSync(s.file, 'utf8')) && s.layer !== 'kernels' && s.layer !== 'backend',
    );
    expect(native.map((s) => s.rel)).to.deep.equal([]);
  });
});

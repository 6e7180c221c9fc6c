#!/usr/bin/env bash
# The package as another project gets it: `npm pack`, install the tarball into a fresh project with no overrides
# (registries only), then compile a strict TypeScript file against its types (no skipLibCheck) and train and
# predict from plain Node (CommonJS) and from an ES module. Prints the installed size. Used by `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
say() { printf '[consumer] %s\n' "$*"; }
work=$(mktemp -d "${TMPDIR:-/tmp}/tsdl-consumer-XXXXXX")
trap 'rm -rf "$work"' EXIT
tarball=$(npm pack --silent --pack-destination "$work" 2>/dev/null | tail -1)
say "packed $tarball ($(du -k "$work/$tarball" | cut -f1) KiB)"
mkdir "$work/app" && cd "$work/app"
npm init -y >/dev/null
npm install --no-audit --no-fund --loglevel=error "$work/$tarball" >/dev/null
size=$(du -sm node_modules | cut -f1)
say "installed size: ${size} MB (node_modules, the package and its runtime dependencies; target under 200 MB)"
npm install --no-audit --no-fund --loglevel=error typescript@5.9.3 @types/node@20.19.25 >/dev/null
cat > tsconfig.json <<'JSON'
{ "compilerOptions": { "strict": true, "target": "ES2022", "module": "commonjs", "moduleResolution": "node", "esModuleInterop": true, "outDir": "out" }, "files": ["app.ts", "quickstart.ts"] }
JSON
# The README's quick start, as a user copies it: its first ```ts block, compiled and run on a copy of the cancer table.
node -e '
const md = require("fs").readFileSync(process.argv[1], "utf8");
const block = /## Quick start[\s\S]*?```ts\n([\s\S]*?)```/.exec(md);
if (!block) { console.error("[consumer] FAILED: no ts block under ## Quick start in README.md"); process.exit(1); }
require("fs").writeFileSync("quickstart.ts", block[1]);
' "$root/README.md"
cp "$root/datasets/breast-cancer-wisconsin-diagnostic.csv" patients.csv
cat > app.ts <<'TS'
import * as tsdl from 'tsdl';

async function main(): Promise<void> {
  const info = await tsdl.initBackend();
  const rows = Array.from({ length: 64 }, (_, i) => `${i / 64},${(2 * i) / 64 + 1}`);
  const table: tsdl.Table = tsdl.readCsv(`x,y\n${rows.join('\n')}\n`);
  const data: tsdl.Dataset = tsdl.toDataset(table, { features: ['x'], target: 'y' });
  const model: tsdl.Model = tsdl.linearRegression(data, { seed: 1, learningRate: 0.1 });
  const history: tsdl.History = await tsdl.fitModel(model, data, { epochs: 60, progress: 'none' });
  const p = await tsdl.predict(model, data);
  model.dispose();
  console.log(JSON.stringify({ via: 'commonjs', backend: info.backend, loss: history.loss[history.loss.length - 1], rmse: tsdl.rmse(data.y, p) }));
}
main();
TS
# tfjs-layers 4.22's own declarations fail strict null checks (TS2411, 15 errors: the same when a project imports
# @tensorflow/tfjs alone); every other error — in this package's declarations or in app.ts — fails the test.
npx tsc -p . > tsc.log || true
theirs=$(grep -c '^node_modules/@tensorflow/' tsc.log || true)
ours=$(grep 'error TS' tsc.log | grep -v '^node_modules/@tensorflow/' || true)
if [ -n "$ours" ]; then echo "[consumer] FAILED: strict tsc without skipLibCheck reports errors outside TensorFlow.js's own declarations:"; echo "$ours"; exit 1; fi
[ -f out/app.js ] || { echo "[consumer] FAILED: tsc emitted nothing"; cat tsc.log; exit 1; }
say "strict tsc (no skipLibCheck): no error in tsdl's declarations or the app; ${theirs} inside @tensorflow/tfjs-layers' own .d.ts files"
cjs=$(node out/app.js)
say "$cjs"
quick=$(node out/quickstart.js 2>/dev/null | grep '^ROC-AUC' || true)
auc=${quick#ROC-AUC }
node -e 'process.exit(Number(process.argv[1]) > 0.9 && require("fs").existsSync("models/diagnosis/model.json") ? 0 : 1)' "$auc" \
  || { echo "[consumer] FAILED: the README quick start printed \"$quick\" (expected ROC-AUC > 0.9) or saved no bundle"; node out/quickstart.js; exit 1; }
say "README quick start: compiled strict, ran with node, ROC-AUC $auc, bundle saved"
cat > app.mjs <<'JS'
import { initBackend, readCsv, toDataset, linearRegression, fitModel, predict, rmse } from 'tsdl';
import tsdl from 'tsdl';
const info = await initBackend();
const rows = Array.from({ length: 64 }, (_, i) => `${i / 64},${(2 * i) / 64 + 1}`);
const data = toDataset(readCsv(`x,y\n${rows.join('\n')}\n`), { features: ['x'], target: 'y' });
const model = linearRegression(data, { seed: 1, learningRate: 0.1 });
await fitModel(model, data, { epochs: 60, progress: 'none' });
const p = await predict(model, data);
model.dispose();
console.log(JSON.stringify({ via: 'esm', backend: info.backend, defaultExport: typeof tsdl.loadCsv, rmse: rmse(data.y, p) }));
JS
esm=$(node app.mjs)
say "$esm"
node -e '
const [cjs, esm] = process.argv.slice(1).map((s) => JSON.parse(s));
const bad = [cjs, esm].filter((r) => !(r.rmse < 0.1) || r.backend !== "wasm");
if (esm.defaultExport !== "function") bad.push(esm);
if (bad.length) { console.error("[consumer] FAILED: " + JSON.stringify(bad)); process.exit(1); }
console.log("[consumer] ok: strict tsc, CommonJS and ESM each trained and predicted on wasm (rmse " + cjs.rmse.toFixed(4) + ")");
' "$cjs" "$esm"

import * as fs from 'fs';
/**
 * loadCsv on four 200,000-row shapes (numbers; text categories and a sparse note; minute timestamps; every field
 * quoted), best of 9 in one process: for before/after comparisons of the CSV reader (git stash, run, pop, run).
 *
 *   npx tsx bench/csv-load.ts
 */
import { loadCsv } from '../lib/data/load-csv';
import { collectNotices } from '../lib/util/notice';
const dir = require('path').join(require('os').tmpdir(), 'tsdl-csv-bench');
if (!fs.existsSync(dir)) {
  fs.mkdirSync(dir);
  const n = 200_000;
  const syms = ['AAPL', 'MSFT', 'IBM', 'GOOG', 'AMZN'];
  let a = 'date,open,high,low,close,volume\n',
    b = 'time,symbol,sector,price,qty,note\n',
    c = 'ts,price\n',
    q = '"date","symbol","price","note"\n';
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(2000, 0, 1) + i * 86400000).toISOString().slice(0, 10);
    const p = (100 + Math.sin(i) * 10).toFixed(4);
    a += `${d},${p},${p},${p},${p},${1000 + (i % 977)}\n`;
    b += `${d},${syms[i % 5]},tech,${p},${i % 100},${i % 10 === 0 ? 'late fill' : ''}\n`;
    c += `${new Date(Date.UTC(2020, 0, 1) + i * 60000).toISOString().slice(0, 19).replace('T', ' ')},${p}\n`;
    q += `"${d}","${syms[i % 5]}","${p}","n${i % 7}"\n`;
  }
  fs.writeFileSync(`${dir}/prices.csv`, a);
  fs.writeFileSync(`${dir}/trades.csv`, b);
  fs.writeFileSync(`${dir}/bars.csv`, c);
  fs.writeFileSync(`${dir}/quoted.csv`, q);
}
for (const f of ['prices', 'trades', 'bars', 'quoted']) {
  let best = Infinity;
  for (let k = 0; k < 9; k++) {
    const t = performance.now();
    collectNotices(() => loadCsv(`${dir}/${f}.csv`));
    best = Math.min(best, performance.now() - t);
  }
  console.log(f.padEnd(8), best.toFixed(1), 'ms');
}

/** Writes a seeded synthetic daily price CSV in the common `Date,Open,High,Low,Close,Adj Close,Volume` layout. */
import * as fs from 'fs';
import * as path from 'path';
import { seededRng } from '../lib/util/rng';

export function makePrices(file: string, rows: number, seed = 1): string {
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const rng = seededRng(seed);
  const lines = ['Date,Open,High,Low,Close,Adj Close,Volume'];
  let close = 100;
  const start = Date.UTC(1700, 0, 1);
  for (let i = 0; i < rows; i++) {
    const open = close;
    close = Math.max(1, close * (1 + (rng() - 0.5) * 0.02));
    const high = Math.max(open, close) * (1 + rng() * 0.005);
    const low = Math.min(open, close) * (1 - rng() * 0.005);
    const date = new Date(start + i * 864e5).toISOString().slice(0, 10);
    lines.push(`${date},${open.toFixed(4)},${high.toFixed(4)},${low.toFixed(4)},${close.toFixed(4)},${close.toFixed(4)},${Math.floor(rng() * 1e6)}`);
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

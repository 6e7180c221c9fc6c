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

/**
 * Writes a seeded synthetic trade log with text columns: `date,symbol,sector,price,qty,note` — ten tickers, three
 * sectors, and a note that is empty on nine rows in ten (a missing value) and "late fill" otherwise.
 */
export function makeTrades(file: string, rows: number, seed = 2): string {
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const rng = seededRng(seed);
  const symbols = ['AAPL', 'MSFT', 'GOOG', 'AMZN', 'META', 'NVDA', 'TSLA', 'JPM', 'V', 'JNJ'];
  const sectors = ['tech', 'fin', 'health'];
  const lines = ['date,symbol,sector,price,qty,note'];
  const start = Date.UTC(1700, 0, 1);
  for (let i = 0; i < rows; i++) {
    const date = new Date(start + i * 864e5).toISOString().slice(0, 10);
    const symbol = symbols[Math.floor(rng() * symbols.length)];
    const sector = sectors[Math.floor(rng() * sectors.length)];
    lines.push(`${date},${symbol},${sector},${(rng() * 1000).toFixed(2)},${1 + Math.floor(rng() * 9999)},${rng() < 0.1 ? 'late fill' : ''}`);
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/**
 * Writes a seeded synthetic intraday file: one-minute bars `Datetime,Open,High,Low,Close,Volume` with
 * "YYYY-MM-DD HH:MM:SS" timestamps (the layout of intraday exports), oldest first.
 */
export function makeIntraday(file: string, rows: number, seed = 3): string {
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const rng = seededRng(seed);
  const lines = ['Datetime,Open,High,Low,Close,Volume'];
  let close = 100;
  const start = Date.UTC(2020, 0, 2, 9, 30);
  for (let i = 0; i < rows; i++) {
    const open = close;
    close = Math.max(1, close * (1 + (rng() - 0.5) * 0.002));
    const stamp = new Date(start + i * 60_000).toISOString();
    lines.push(`${stamp.slice(0, 10)} ${stamp.slice(11, 19)},${open.toFixed(4)},${(Math.max(open, close) * 1.0005).toFixed(4)},${(Math.min(open, close) * 0.9995).toFixed(4)},${close.toFixed(4)},${Math.floor(rng() * 1e4)}`);
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** The benchmark's seeded synthetic inputs: daily prices, a trade log with text columns, one-minute bars. */
import * as fs from 'fs';
import * as path from 'path';
import { seededRng } from '../lib/util/rng';

/**
 * Writes `header` and one line per row, made by `line(i, rng)` from a seeded generator, to `file` — once: an
 * existing file is kept, so runs compare the same input.
 */
function writeOnce(file: string, header: string, rows: number, seed: number, line: (i: number, rng: () => number) => string): string {
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const rng = seededRng(seed);
  const lines = [header];
  for (let i = 0; i < rows; i++) lines.push(line(i, rng));
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** A daily price CSV in the common `Date,Open,High,Low,Close,Adj Close,Volume` layout. */
export function makePrices(file: string, rows: number, seed = 1): string {
  let close = 100;
  const start = Date.UTC(1700, 0, 1);
  return writeOnce(file, 'Date,Open,High,Low,Close,Adj Close,Volume', rows, seed, (i, rng) => {
    const open = close;
    close = Math.max(1, close * (1 + (rng() - 0.5) * 0.02));
    const high = Math.max(open, close) * (1 + rng() * 0.005);
    const low = Math.min(open, close) * (1 - rng() * 0.005);
    const date = new Date(start + i * 864e5).toISOString().slice(0, 10);
    return `${date},${open.toFixed(4)},${high.toFixed(4)},${low.toFixed(4)},${close.toFixed(4)},${close.toFixed(4)},${Math.floor(rng() * 1e6)}`;
  });
}

/** One trade: date, one of ten tickers, one of three sectors, price, quantity, and a note empty on nine rows in ten. */
function tradeFields(i: number, rng: () => number): string[] {
  const symbols = ['AAPL', 'MSFT', 'GOOG', 'AMZN', 'META', 'NVDA', 'TSLA', 'JPM', 'V', 'JNJ'];
  const sectors = ['tech', 'fin', 'health'];
  const date = new Date(Date.UTC(1700, 0, 1) + i * 864e5).toISOString().slice(0, 10);
  const symbol = symbols[Math.floor(rng() * symbols.length)];
  const sector = sectors[Math.floor(rng() * sectors.length)];
  return [date, symbol, sector, (rng() * 1000).toFixed(2), String(1 + Math.floor(rng() * 9999)), rng() < 0.1 ? 'late fill' : ''];
}

const TRADE_COLUMNS = ['date', 'symbol', 'sector', 'price', 'qty', 'note'];

/**
 * A trade log with text columns: `date,symbol,sector,price,qty,note` — ten tickers, three sectors, and a note
 * that is empty on nine rows in ten (a missing value) and "late fill" otherwise.
 */
export function makeTrades(file: string, rows: number, seed = 2): string {
  return writeOnce(file, TRADE_COLUMNS.join(','), rows, seed, (i, rng) => tradeFields(i, rng).join(','));
}

/** One-minute bars `Datetime,Open,High,Low,Close,Volume` with "YYYY-MM-DD HH:MM:SS" timestamps, oldest first. */
export function makeIntraday(file: string, rows: number, seed = 3): string {
  let close = 100;
  const start = Date.UTC(2020, 0, 2, 9, 30);
  return writeOnce(file, 'Datetime,Open,High,Low,Close,Volume', rows, seed, (i, rng) => {
    const open = close;
    close = Math.max(1, close * (1 + (rng() - 0.5) * 0.002));
    const stamp = new Date(start + i * 60_000).toISOString();
    return `${stamp.slice(0, 10)} ${stamp.slice(11, 19)},${open.toFixed(4)},${(Math.max(open, close) * 1.0005).toFixed(4)},${(Math.min(open, close) * 0.9995).toFixed(4)},${close.toFixed(4)},${Math.floor(rng() * 1e4)}`;
  });
}

/**
 * The trade log as some exports write it, every field quoted (`"date","symbol",…`): the columns of makeTrades,
 * the note also quoted when empty ("").
 */
export function makeQuotedTrades(file: string, rows: number, seed = 4): string {
  const quote = (fields: string[]) => fields.map((f) => `"${f}"`).join(',');
  return writeOnce(file, quote(TRADE_COLUMNS), rows, seed, (i, rng) => quote(tradeFields(i, rng)));
}

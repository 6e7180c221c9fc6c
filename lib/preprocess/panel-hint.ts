/**
 * `interleavedKey`: a text column that looks like the key of a stacked panel — a few values, each repeated, whose
 * rows interleave (AAPL, MSFT, AAPL, MSFT, …) — so that windowing or splitting the table as one series, which
 * would mix the series, can be flagged with the `series` option to pass.
 */
import type { Table } from '../data/table';

export interface PanelKey {
  column: string;
  values: string[];
}

/** The first text column whose 2 or more values each repeat and whose rows switch value more often than blocks would; else undefined. */
export function interleavedKey(table: Table): PanelKey | undefined {
  const n = table.numRows;
  for (const name of table.columnNames) {
    if (table.kind(name) !== 'string') continue;
    const col = table.column(name) as (string | null)[];
    const seen = new Set<string>();
    let switches = 0;
    let last: string | null = null;
    for (let i = 0; i < n && seen.size <= n / 4; i++) {
      const v = col[i];
      if (v === null) continue;
      seen.add(v);
      if (last !== null && v !== last) switches++;
      last = v;
    }
    // k stacked blocks switch k - 1 times; a panel sorted by date switches on nearly every row.
    const k = seen.size;
    if (k >= 2 && k <= n / 4 && switches > 2 * k) return { column: name, values: [...seen].slice(0, 5) };
  }
  return undefined;
}

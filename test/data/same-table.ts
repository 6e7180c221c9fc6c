/** Test helper for the columnar and streaming loaders: two tables equal column by column. */
import { expect } from 'chai';
import type { Table } from '../../lib/data/table';

/** Column by column: names, kinds and values (NaN equal to NaN). */
export function expectSameTable(a: Table, b: Table, except: Record<string, (x: unknown, y: unknown) => boolean> = {}) {
  expect(a.columnNames).to.deep.equal(b.columnNames);
  expect(a.numRows).to.equal(b.numRows);
  for (const c of a.columnNames) {
    expect(a.kind(c), c).to.equal(b.kind(c));
    const x = a.kind(c) === 'string' ? a.strings(c) : Array.from(a.column(c) as Float64Array);
    const y = b.kind(c) === 'string' ? b.strings(c) : Array.from(b.column(c) as Float64Array);
    for (let i = 0; i < x.length; i++) {
      const same = Object.is(x[i], y[i]) || (except[c]?.(x[i], y[i]) ?? false);
      expect(same, `${c} row ${i}: ${x[i]} vs ${y[i]}`).to.equal(true);
    }
  }
}

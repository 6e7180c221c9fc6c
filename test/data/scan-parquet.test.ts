import { expect } from 'chai';
import { expectSameTable } from './same-table';
import * as path from 'path';
import { loadParquet } from '../../lib/data/load-parquet';
import { scanParquet } from '../../lib/data/scan-parquet';
import { concatRows } from '../../lib/data/concat-rows';
import type { Table } from '../../lib/data/table';
import { InputError } from '../../lib/util/errors';

const DIR = path.join(__dirname, '..', 'fixtures', 'columnar');
const at = (f: string) => path.join(DIR, f);

describe('scanParquet', () => {
  it('batches in file order add up to loadParquet (several row groups, batches smaller than them), and a running sum equals the whole-table sum', async () => {
    const whole = loadParquet(at('treasury.parquet'), { sortBy: false });
    const parts: Table[] = [];
    const firstRows: number[] = [];
    let sum = 0;
    const r = await scanParquet(at('treasury.parquet'), { batchRows: 64 }, (t, info) => {
      parts.push(t);
      firstRows.push(info.firstRow);
      for (const v of t.numbers('yield_10y')) sum += v;
    });
    expect(r.rows).to.equal(whole.numRows);
    expect(r.batches).to.equal(parts.length);
    expect(parts.every((p) => p.numRows <= 64)).to.equal(true);
    expect(firstRows[1]).to.equal(parts[0].numRows);
    expectSameTable(concatRows(parts), whole);
    expect(sum).to.be.closeTo(
      whole.numbers('yield_10y').reduce((a, b) => a + b, 0),
      1e-9,
    );
  });

  it('columns decodes only those; a missing file and a missing callback are refused by name', async () => {
    const seen: string[][] = [];
    await scanParquet(at('mixed.parquet'), { columns: ['price'], batchRows: 5 }, (t) => void seen.push([...t.columnNames]));
    expect(seen.length).to.equal(3);
    expect(seen[0]).to.deep.equal(['price']);
    let caught: unknown;
    await scanParquet(at('nope.parquet'), {}, () => {}).catch((e) => (caught = e));
    expect(caught).to.be.instanceOf(InputError);
    caught = undefined;
    await scanParquet(at('mixed.parquet'), {}, undefined as any).catch((e) => (caught = e));
    expect((caught as Error).message).to.match(/pass a function/);
  });
});

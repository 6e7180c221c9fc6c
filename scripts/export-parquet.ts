/** Writes the table that scripts/make-columnar-fixtures.py reads back with pandas: `tsx scripts/export-parquet.ts OUT.parquet`. */
import { table } from '../lib/data/table';
import { writeParquet } from '../lib/data/write-parquet';

export const written = () =>
  table({
    date: [new Date(Date.UTC(2020, 0, 31)), new Date(Date.UTC(2020, 1, 29)), new Date(Date.UTC(2020, 2, 31, 13, 45, 30, 250))],
    price: [101.25, NaN, -3.5e-7],
    symbol: ['AAPL', null, 'Zürich "quoted", comma'],
  });

if (require.main === module) writeParquet(written(), process.argv[2]);

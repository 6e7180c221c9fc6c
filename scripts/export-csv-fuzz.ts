/**
 * Writes the differential fuzz's generated CSV files (test/data/csv-fuzz.ts, `fuzzFile`) into a folder, for
 * scripts/make-csv-fuzz-fixtures.py to read with pandas.
 *
 *   npx tsx scripts/export-csv-fuzz.ts <folder> <files> <seed>
 */
import * as fs from 'fs';
import * as path from 'path';
import { fuzzFile } from '../test/data/csv-fuzz';

const [dir, files = '300', seed = '21'] = process.argv.slice(2);
fs.mkdirSync(dir, { recursive: true });
for (let i = 0; i < Number(files); i++) fs.writeFileSync(path.join(dir, `f${i}.csv`), fuzzFile(Number(seed) * 100003 + i));

/**
 * Snapshot files for figure JSON: `expectSnapshot(name, value)` compares with test/snapshots/<name>.json.
 * A missing snapshot is written on a developer's machine and is an error in CI (CI=true), so CI never
 * passes by writing its own expectation. `UPDATE_SNAPSHOTS=1` rewrites them after a deliberate change.
 */
import * as fs from 'fs';
import * as path from 'path';
import { expect } from 'chai';

const DIR = path.join(__dirname, 'snapshots');

export function expectSnapshot(name: string, value: unknown): void {
  const file = path.join(DIR, `${name}.json`);
  const json = JSON.stringify(value, null, 1) + '\n';
  if (process.env.UPDATE_SNAPSHOTS === '1' || (!fs.existsSync(file) && process.env.CI !== 'true')) {
    fs.mkdirSync(DIR, { recursive: true });
    fs.writeFileSync(file, json);
    return;
  }
  expect(fs.existsSync(file), `snapshot ${name} is missing: run the tests once without CI=true and commit test/snapshots/${name}.json`).to.equal(true);
  expect(JSON.parse(json), `snapshot ${name} changed; if on purpose, run UPDATE_SNAPSHOTS=1 npm test`).to.deep.equal(JSON.parse(fs.readFileSync(file, 'utf8')));
}

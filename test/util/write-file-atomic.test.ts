import { expect } from 'chai';
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../../lib/util/write-file-atomic';
import { ReportError } from '../../lib/util/errors';
import { expectError, tempDir } from '../helpers';

describe('writeFileAtomic (util/write-file-atomic.ts)', () => {
  it('writes through a temporary file and a rename, creating the folder, leaving nothing else behind', () => {
    const dir = tempDir();
    const file = path.join(dir, 'sub', 'report.html');
    writeFileAtomic(file, 'one');
    writeFileAtomic(file, Buffer.from('two'));
    expect(fs.readFileSync(file, 'utf8')).to.equal('two');
    expect(fs.readdirSync(path.dirname(file))).to.deep.equal(['report.html']);
  });

  it('a failed write keeps the old file and removes its temporary file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'out');
    writeFileAtomic(file, 'old');
    fs.mkdirSync(path.join(dir, '.out.tmp-' + process.pid)); // the temporary path is taken: writing there fails
    expectError(() => writeFileAtomic(file, 'new'), ReportError, `could not write ${file}`, 'choose a writable folder');
    expect(fs.readFileSync(file, 'utf8')).to.equal('old');
  });
});

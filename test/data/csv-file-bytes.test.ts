import { expect } from 'chai';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { compression, gunzipped, hasUtf16Bom, lineEndPrefix, readInto, utf16AsUtf8 } from '../../lib/data/csv-file-bytes';
import { InputError } from '../../lib/util/errors';
import { expectError, tempDir } from '../helpers';

describe("a CSV file's bytes (data/csv-file-bytes.ts)", () => {
  it('tells compression by the first bytes: gzip, zip, bzip2, xz, zstd, or none', () => {
    const b = (...x: number[]) => Uint8Array.from(x);
    expect(compression(zlib.gzipSync('a,b\n'))).to.equal('gzip');
    expect(compression(b(0x50, 0x4b, 3, 4))).to.equal('zip');
    expect(compression(Buffer.from('BZh9'))).to.equal('bzip2');
    expect(compression(Buffer.from('BZh0'))).to.equal(undefined); // not a block size bzip2 writes
    expect(compression(b(0xfd, 0x37, 0x7a, 0x58))).to.equal('xz');
    expect(compression(b(0x28, 0xb5, 0x2f, 0xfd))).to.equal('zstd');
    expect(compression(Buffer.from('date'))).to.equal(undefined);
  });

  it('turns UTF-16 (either byte order) into UTF-8 and refuses UTF-32, naming it', () => {
    const text = 'städte,x\nKöln,1\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    expect(hasUtf16Bom(le) && hasUtf16Bom(be)).to.equal(true);
    expect(Buffer.from(utf16AsUtf8(le, 'f.csv')).toString('utf8')).to.equal('\ufeff' + text);
    expect(Buffer.from(utf16AsUtf8(be, 'f.csv')).toString('utf8')).to.equal('\ufeff' + text);
    const plain = Buffer.from(text);
    expect(utf16AsUtf8(plain, 'f.csv')).to.equal(plain); // unchanged, not copied
    expectError(() => utf16AsUtf8(Uint8Array.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]), 'f.csv'), InputError, 'f.csv is UTF-32');
  });

  it('reads a first part cut back to its last line end, and a damaged gzip file names the file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'rows.csv');
    fs.writeFileSync(file, 'a,b\n1,2\n3,4\n');
    expect(Buffer.from(lineEndPrefix(file, 10)).toString()).to.equal('a,b\n1,2\n');
    expect(readInto(file, Buffer.alloc(100), 100).toString()).to.equal('a,b\n1,2\n3,4\n'); // fewer bytes than asked
    const gz = path.join(dir, 'bad.csv.gz');
    fs.writeFileSync(gz, zlib.gzipSync('a,b\n1,2\n').subarray(0, 12));
    expectError(() => gunzipped(gz), InputError, `${gz} cannot be read`, 'gzip stream is damaged');
  });
});

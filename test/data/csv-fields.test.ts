import { expect } from 'chai';
import { CsvIndex, fieldEnd, fieldStart, fieldText, isBlank, quotedEnd, readRow } from '../../lib/data/csv-fields';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';

const bytes = (s: string) => new TextEncoder().encode(s);
const decoder = (b: Uint8Array) => (s: number, e: number) => Buffer.from(b.subarray(s, e)).toString('utf8');

describe('one CSV field found again in the bytes (data/csv-fields.ts)', () => {
  const text = 'x,"a,b",7\ny,plain,8\n';
  const b = bytes(text);
  const dc = 44;

  it('readRow splits a row quote-aware (delimiters and doubled quotes inside quotes) and says where the next starts', () => {
    const row = readRow(b, 0, dc, decoder(b), 'f.csv', 1);
    expect(row).to.deep.equal({ fields: ['x', 'a,b', '7'], next: 10 });
    const q = bytes('"he said ""hi""",2\r\nnext'); // 20 bytes with its CRLF
    expect(readRow(q, 0, dc, decoder(q), 'f.csv', 1)).to.deep.equal({ fields: ['he said "hi"', '2'], next: 20 });
    expect(readRow(bytes('a,'), 0, dc, decoder(bytes('a,')), 'f.csv', 1).fields).to.deep.equal(['a', '']); // trailing delimiter
  });

  it('fieldStart reads the scan index: the row start, a recorded text start, the c-th delimiter, or -1 in a quoted row', () => {
    // Row 0 (quoted) starts at 0, row 1 at 10; column 1 of row 1 ("plain", not a number) was recorded at 12.
    const textStarts = [undefined, Int32Array.from([0, 12]), undefined];
    const index: CsvIndex = { b, dc, rows: 2, rowStarts: Int32Array.from([0, 10]), textStarts, quotedRows: Uint8Array.from([1, 0]) };
    expect(fieldStart(index, 1, 0)).to.equal(10);
    expect(fieldStart(index, 1, 1)).to.equal(12);
    expect(fieldStart(index, 1, 2)).to.equal(18); // after the second delimiter of "y,plain,8"
    expect(fieldStart(index, 0, 2)).to.equal(-1); // a quoted row: only readRow can find its third field
    expect(fieldText(b, 12, dc, decoder(b), 'f.csv')).to.equal('plain');
    expect(fieldText(b, 2, dc, decoder(b), 'f.csv')).to.equal('a,b');
  });

  it('field ends, blank runs, and an unclosed quote naming its line', () => {
    expect(fieldEnd(b, 12, dc)).to.equal(17);
    expect(fieldEnd(bytes('abc'), 0, dc)).to.equal(3);
    expect([isBlank(bytes(' \t\r\n'), 0, 4), isBlank(bytes(' x'), 0, 2)]).to.deep.equal([true, false]);
    expect(quotedEnd(b, 2, 'f.csv', 1)).to.equal(7);
    expectError(() => quotedEnd(bytes('"open'), 0, 'f.csv', 4), InputError, 'f.csv: unclosed quote starting at line 4');
  });
});

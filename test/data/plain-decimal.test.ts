import { expect } from 'chai';
import fc from 'fast-check';
import { DecimalRead, plainDecimal, readDecimal } from '../../lib/data/plain-decimal';
import { parseCsv } from '../../lib/data/parse-csv';
import { cHelper, useCHelper } from '../../lib/kernels/c-helper';
import { C_SCAN_MIN_BYTES } from '../../lib/kernels/csv-row-scan';

/**
 * The grammar written out as a test would from its description (plain-decimal.ts), with BigInt for the mantissa
 * bound: ["-"] digits [mark digits], a digit at least, mantissa ≤ 2^53 − 1, ≤ 22 digits after the mark; its value
 * is Number() of the text with the mark as ".".
 */
function expected(text: string, mark: '.' | ','): number {
  const m = new RegExp(`^(-?)(\\d*)(?:\\${mark}(\\d*))?$`).exec(text);
  if (!m) return NaN;
  const digits = m[2] + (m[3] ?? '');
  if (digits.length === 0 || BigInt(digits) > 2n ** 53n - 1n || (m[3] ?? '').length > 22) return NaN;
  return Number(`${m[1]}${m[2] || '0'}.${m[3] || '0'}`);
}

const bytesOf = (s: string) => new TextEncoder().encode(s);
const same = (a: number, b: number) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

// Fields near the grammar's edges: signs, marks, long mantissas, exponents, spaces.
const field = fc.oneof(
  fc.stringMatching(/^-?[0-9]{0,18}([.,][0-9]{0,24})?$/),
  fc.constantFrom('9007199254740991', '9007199254740992', '-0', '.5', '5.', '-', '.', '1e5', ' 1', '1.2.3', '+1', '0.0000000000000000000001', '1,5'),
  fc.bigInt({ min: 0n, max: 2n ** 60n }).map(String),
);

describe('plain decimals (plainDecimal / readDecimal, and the C scan that shares the grammar)', () => {
  it('reads exactly what the grammar describes, valued as Number() gives', () => {
    const scratch: DecimalRead = { end: 0, value: NaN };
    fc.assert(
      fc.property(field, fc.constantFrom<'.' | ','>('.', ','), (text, mark) => {
        const b = bytesOf(text);
        const got = plainDecimal(b, 0, b.length, mark.charCodeAt(0), scratch);
        expect(same(got, expected(text, mark)), `${JSON.stringify(text)} with mark ${mark}: ${got} vs ${expected(text, mark)}`).to.equal(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('readDecimal stops at the first byte outside the grammar and leaves the field end to the caller', () => {
    const r: DecimalRead = { end: 0, value: NaN };
    readDecimal(bytesOf('-12.5;x'), 0, 7, 46, r);
    expect(r).to.deep.equal({ end: 5, value: -12.5 });
    readDecimal(bytesOf('12.5'), 0, 4, 44, r); // a decimal-comma file: "." is no mark
    expect(r).to.deep.equal({ end: 2, value: 12 });
    readDecimal(bytesOf('abc'), 0, 3, 46, r);
    expect(r.end).to.equal(0);
    expect(r.value).to.be.NaN;
  });

  for (const mark of ['.', ','] as const) {
    it(`the C scan and the TypeScript scan read the same values from the same fields (decimal "${mark}")`, function () {
      if (!cHelper()) this.skip(); // no C helper built here: the TypeScript scan is the only one (CI builds it, so CI fails on this skip)
      const samples = fc.sample(field, { numRuns: 12000, seed: mark === '.' ? 7 : 8 });
      const csv = `x;y\n${samples.map((s, i) => `${s};${i}`).join('\n')}\n`;
      expect(csv.length).to.be.above(C_SCAN_MIN_BYTES); // long enough for the C scan to do the rows
      const native = parseCsv(csv, { delimiter: ';', decimal: mark }).values(0);
      useCHelper(false);
      let plain: Float64Array;
      try {
        plain = parseCsv(csv, { delimiter: ';', decimal: mark }).values(0);
      } finally {
        useCHelper(true);
      }
      samples.forEach((s, i) => {
        const want = expected(s, mark);
        expect(same(native[i], want), `C: ${JSON.stringify(s)} → ${native[i]}, want ${want}`).to.equal(true);
        expect(same(plain[i], want), `TypeScript: ${JSON.stringify(s)} → ${plain[i]}, want ${want}`).to.equal(true);
      });
    });
  }
});

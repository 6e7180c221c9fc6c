/**
 * The byte-level CSV scan: numbers parsed during the scan must be exactly what `Number(field)` gives, ISO days
 * exactly what `Date` gives, and text decoded from the right bytes whatever the encoding.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { parseCsv } from '../../lib/data/parse-csv';
import { daysFromCivil, parseDates } from '../../lib/data/parse-date';
import { loadCsv, readCsv } from '../../lib/data/load-csv';
import { InputError } from '../../lib/util/errors';
import { expectError, tempDir } from '../helpers';

describe('parseCsv (byte scan)', () => {
  it('plain decimals parse to exactly Number(field): property over random digit strings', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,9}$/), fc.option(fc.stringMatching(/^[0-9]{0,9}$/)))
      .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}`);
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 1, maxLength: 40 }), (fields) => {
        const text = `x\n${fields.join('\n')}\n`;
        expect(Array.from(readCsv(text).numbers('x'))).to.deep.equal(fields.map(Number));
        // Up to 15 digits the scan itself parses every field (no fallback to Number).
        if (fields.every((f) => f.replace(/[-.]/g, '').length <= 15)) expect(Array.from(parseCsv(text).numbers(0)!)).to.deep.equal(fields.map(Number));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('with { decimal: "," } the scan reads "12,5" exactly as Number("12.5"), and refuses "12.5"', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,9}$/), fc.option(fc.stringMatching(/^[0-9]{1,6}$/)))
      .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === null ? '' : `,${frac}`}`);
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 1, maxLength: 30 }), (fields) => {
        const text = `x;y\n${fields.map((f) => `${f};1`).join('\n')}\n`;
        const expected = fields.map((f) => Number(f.replace(',', '.')));
        expect(Array.from(parseCsv(text, { decimal: ',' }).numbers(0)!)).to.deep.equal(expected);
        expect(Array.from(readCsv(text, { decimal: ',' }).numbers('x'))).to.deep.equal(expected);
      }),
      { numRuns: 200, seed: 11 },
    );
    // A "." is no decimal mark in such a file (the scan leaves it to the loader, which refuses it); with ","
    // as the delimiter the decimal comma sits in quotes.
    expect(parseCsv('x;y\n1.5;2,5\n', { decimal: ',' }).numbers(0)).to.equal(undefined);
    expect(Array.from(parseCsv('x;y\n1.5;2,5\n', { decimal: ',' }).numbers(1)!)).to.deep.equal([2.5]);
    expect(Array.from(readCsv('x,y\n"1,5",2\n', { decimal: ',' }).numbers('x'))).to.deep.equal([1.5]);
  });

  it('texts(c, missing) equals the fields with missing markers as null: short values shared, long ones, quotes, numbers, UTF-8', () => {
    const value = fc.oneof(
      fc.constantFrom('', 'NA', ' NA ', 'M', 'F', 'AAPL', 'health', 'health7', '12', '3.5', 'Zürich', 'ü', '-'),
      fc.stringMatching(/^[a-z0-9 ]{0,12}$/),
      fc.constantFrom('"a,b"', '"say ""hi"""', '"two\nlines"'),
    );
    const missing = new Set(['', 'NA', '-']);
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value, value), { minLength: 1, maxLength: 60 }), (rows) => {
        const text = `a,b,c\n${rows.map((r) => r.join(',')).join('\n')}\n`;
        const p = parseCsv(Buffer.from(text));
        for (let c = 0; c < 3; c++) {
          expect(p.texts(c, missing)).to.deep.equal(p.column(c).map((s) => (missing.has(s.trim()) ? null : s)));
        }
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('fields the fast path does not take (exponents, mantissas past 2^53, 23+ decimals, "+", spaces) still load as Number() reads them', () => {
    const fields = ['1e5', '1234567890123456.7', '0.00000000000000000000001', '+3', ' 4.5', '.5', '-0.25', '7.'];
    const t = readCsv(`x\n${fields.join('\n')}\n`);
    expect(t.kind('x')).to.equal('number');
    expect(Array.from(t.numbers('x'))).to.deep.equal(fields.map((f) => Number(f)));
  });

  it('integers beyond 2^53 (card, account, transaction numbers) keep every digit as text; 2^53 itself stays a number', () => {
    const t = readCsv('card,id,x\n4111111111111111,9007199254740992,1.5\n12345678901234567890,-9007199254740992,1e20\n');
    expect(t.kind('card')).to.equal('string');
    expect(t.strings('card')).to.deep.equal(['4111111111111111', '12345678901234567890']);
    expect(Array.from(t.numbers('id'))).to.deep.equal([2 ** 53, -(2 ** 53)]);
    expect(Array.from(t.numbers('x'))).to.deep.equal([1.5, 1e20]); // an exponent is a measurement: rounding expected
    // 2^53 + 1 is the first integer a Float64 rounds (to 2^53): text too, and numbers() refuses it.
    const odd = readCsv('id\n9007199254740993\n');
    expect(odd.strings('id')).to.deep.equal(['9007199254740993']);
    expectError(() => odd.numbers('id'), InputError, '"9007199254740993"', 'beyond 2^53');
    expectError(() => readCsv('id\n-12345678901234567890\n', { schema: { id: 'number' } }), InputError, 'beyond 2^53', '"category"');
    expect(readCsv('id\n"9,007,199,254,740,993"\n', { thousands: ',' }).kind('id')).to.equal('string');
  });

  it('missing markers inside a numeric column become NaN and the column stays numeric', () => {
    const t = readCsv('a,b\n1,NA\n2,\n3,-\n4,#N/A\n5,2.5\n');
    expect(t.kind('b')).to.equal('number');
    expect(Array.from(t.numbers('b'))).to.deep.equal([NaN, NaN, NaN, NaN, 2.5]);
    expectError(() => readCsv('a,b\n1,NA\n2,oops\n', { schema: { b: 'number' } }), InputError, 'row 1', '"oops"');
  });

  it('bytes and text give the same table; quoted numbers are numbers', () => {
    const text = 'date,close,name\n2000-01-03,"1,5",a\n2000-01-04,2.25,"b ""q"""\n';
    const fromText = readCsv(text, { thousands: ',' });
    const dir = tempDir();
    const file = path.join(dir, 'q.csv');
    fs.writeFileSync(file, text);
    const fromFile = loadCsv(file, { thousands: ',' });
    expect(Array.from(fromFile.numbers('close'))).to.deep.equal([15, 2.25]);
    expect(fromFile.strings('name')).to.deep.equal(['a', 'b "q"']);
    expect(Array.from(fromFile.dates('date'))).to.deep.equal(Array.from(fromText.dates('date')));
    expect(fromText.strings('name')).to.deep.equal(fromFile.strings('name'));
  });

  it("a file with every field quoted: plain decimals and ISO dates read from between the quotes, each field's own text", () => {
    // As some exports write every field; values hand-written here.
    const text = '"date","close","name","note"\n"2000-01-03","12.5","a","x, ""y"""\n"2000-01-04 09:30","-0","b,c","two\nlines"\n"2000-01-05","1e5","d",""\n';
    const p = parseCsv(text);
    expect(p.numRows).to.equal(3);
    const close = p.values(1);
    expect([close[0], Object.is(close[1], -0), close[2]]).to.deep.equal([12.5, true, NaN]); // "1e5": not a plain decimal, left to Number()
    expect(p.column(2)).to.deep.equal(['a', 'b,c', 'd']);
    expect(p.column(3)).to.deep.equal(['x, "y"', 'two\nlines', '']);
    expect(p.field(1, 2)).to.equal('1e5');
    expect(Array.from(p.isoDates(0)!)).to.deep.equal([Date.UTC(2000, 0, 3), Date.UTC(2000, 0, 4, 9, 30), Date.UTC(2000, 0, 5)]);
    const t = readCsv(text);
    expect(Array.from(t.numbers('close'))).to.deep.equal([12.5, -0, 1e5]);
    expect(t.strings('note')).to.deep.equal(['x, "y"', 'two\nlines', null]); // an empty field is missing, as in pandas
    // Not dates from the bytes (left to parseDates, which reads or refuses them): junk after the quote, a date in a
    // column that also holds a number, a quoted row whose date column read as a number.
    expect(parseCsv('d,x\n"2000-01-03"z,1\n').isoDates(0)).to.equal(undefined);
    expect(parseCsv('x,d\n"a,2000-01-02,",12\n1,2000-01-03\n').isoDates(1)).to.equal(undefined);
  });

  it('texts of quoted fields: content shared like unquoted values, doubled quotes, text after the quote, numbers in quoted rows', () => {
    const p = parseCsv('a,b\n"x","AAPL"\n"y","AAPL"\n"z","a ""q"""\n"w",""\n"v","NA"\n"u","long value here"\n"t","ab"c\n1,AAPL\n"s",5\n');
    const missing = new Set(['', 'NA']);
    expect(p.texts(1, missing)).to.deep.equal(['AAPL', 'AAPL', 'a "q"', null, null, 'long value here', 'abc', 'AAPL', '5']);
    expect(p.texts(0, missing)).to.deep.equal(['x', 'y', 'z', 'w', 'v', 'u', 't', '1', 's']);
    expect(p.texts(1, missing)).to.deep.equal(p.column(1).map((f) => (missing.has(f) ? null : f)));
  });

  it('text after a closing quote is part of the field, as pandas reads it (it was dropped: "12"34 read as 12)', () => {
    // pandas 2: read_csv(StringIO('a,b\n1,"12"34\n')) gives b = 1234; '"5"x' gives '5x'; '""271' gives 271.
    const t = readCsv('a,b,c,d\n1,"12"345,"5"x,""271\n2,"3""4"5,"a,b"c d,7\n');
    expect(t.strings('b')).to.deep.equal(['12345', '3"45']);
    expect(t.strings('c')).to.deep.equal(['5x', 'a,bc d']);
    expect(Array.from(t.numbers('d'))).to.deep.equal([271, 7]);
    // The same rows in a file large enough for the C row scan (64 KiB and more) read the same.
    const rows = Array.from({ length: 5000 }, (_, i) => `${i},"${i}"${i % 10},"q"${i}`).join('\n');
    const big = readCsv(`a,b,c\n${rows}\n`);
    expect(big.kind('b')).to.equal('number');
    expect(big.numbers('b')[4321]).to.equal(43211);
    expect(big.strings('c')[4321]).to.equal('q4321');
  });

  it('a file holding only an empty quoted field ("") is refused at once (it spun forever)', () => {
    for (const text of ['""', '\uFEFF""', '\n""\n', '\r\r""\r']) expectError(() => readCsv(text), InputError, 'no header');
    expectError(() => readCsv('"""'), InputError, 'unclosed quote');
  });

  it('two leading byte-order marks are both dropped: the first column is named as written', () => {
    expect(readCsv('\uFEFF\uFEFF"date",x\n2020-01-01,1\n').columnNames).to.deep.equal(['date', 'x']);
  });

  it('decodes non-ASCII UTF-8 text from the right bytes, with numbers after it intact', () => {
    const dir = tempDir();
    const file = path.join(dir, 'utf8.csv');
    fs.writeFileSync(file, 'city,temp\nZürich,1.5\n東京,2\nSão Paulo,-3.25\n');
    const t = loadCsv(file);
    expect(t.strings('city')).to.deep.equal(['Zürich', '東京', 'São Paulo']);
    expect(Array.from(t.numbers('temp'))).to.deep.equal([1.5, 2, -3.25]);
  });

  it('CRLF, blank lines, a trailing delimiter at the end of input and no final newline', () => {
    const p = parseCsv('a,b\r\n1,2\r\n\r\n3,4\r\n5,');
    expect(p.numRows).to.equal(3);
    expect(Array.from(p.values(0))).to.deep.equal([1, 3, 5]);
    expect(Array.from(p.values(1))).to.deep.equal([2, 4, NaN]);
    expect(parseCsv('a,b\n1,2').numRows).to.equal(1);
  });

  it('a file whose rows get longer than the first ones (row estimate too small) keeps every row', () => {
    const rows = ['a,b', ...Array.from({ length: 3000 }, (_, i) => `${i},1`), ...Array.from({ length: 20000 }, (_, i) => `${i}.123456789,${'9'.repeat(12)}`)];
    const p = parseCsv(rows.join('\n'));
    expect(p.numRows).to.equal(23000);
    expect(p.values(0)[2999]).to.equal(2999);
    expect(p.values(0)[22999]).to.equal(19999.123456789);
    expect(p.values(1)[22999]).to.equal(999999999999);
  });

  it('a row with the wrong number of fields still names its line after quoted newlines', () => {
    expectError(() => parseCsv('a,b\n"x\ny",1\n2\n'), InputError, 'line 4 has 1 fields');
  });

  it('ISO days parsed from bytes equal Date.parse, leap days included, and an impossible day is refused', () => {
    const days = ['1700-01-01', '1900-02-28', '2000-02-29', '2024-12-31', '0050-03-01', '1969-12-31'];
    const t = readCsv(`date,x\n${days.map((d, i) => `${d},${i}`).join('\n')}\n`, { sortBy: false });
    expect(Array.from(t.dates('date'))).to.deep.equal(days.map((d) => Date.parse(d)));
    // A date column after others: its fields are found from the starts the scan recorded.
    const later = readCsv(`id,name,date\n${days.map((d, i) => `${i},n${i},${d}`).join('\n')}\n`, { sortBy: false });
    expect(Array.from(later.dates('date'))).to.deep.equal(days.map((d) => Date.parse(d)));
    expectError(() => readCsv('date,x\n1900-02-29,1\n'), InputError, '1900-02-29');
    expectError(() => readCsv('date,x\n2001-13-01,1\n'), InputError, '2001-13-01');
  });

  it('ISO dates and times read from bytes equal parseDates to the bit, and anything it would refuse is left to it: property', () => {
    const pad = (v: number, w: number) => String(v).padStart(w, '0');
    const time = fc
      .record({
        sep: fc.constantFrom(' ', 'T'),
        h: fc.integer({ min: 0, max: 25 }),
        mi: fc.integer({ min: 0, max: 61 }),
        s: fc.option(fc.integer({ min: 0, max: 61 })),
        f: fc.option(fc.stringMatching(/^[0-9]{1,17}$/)),
        z: fc.boolean(),
      })
      .map((t) => `${t.sep}${pad(t.h, 2)}:${pad(t.mi, 2)}${t.s !== null ? `:${pad(t.s, 2)}${t.f !== null ? `.${t.f}` : ''}` : ''}${t.z ? 'Z' : ''}`);
    const iso = fc
      .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.option(time))
      .map(([y, m, d, t]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}${t ?? ''}`);
    let fromBytes = 0;
    fc.assert(
      fc.property(fc.array(iso, { minLength: 1, maxLength: 4 }), fc.boolean(), (values, later) => {
        const csv = later ? `id,t\n${values.map((v, i) => `${i},${v}`).join('\n')}\n` : `t,x\n${values.map((v) => `${v},1`).join('\n')}\n`;
        const got = parseCsv(csv).isoDates(later ? 1 : 0);
        if (got === undefined) return true; // left to parseDates, which reads or refuses it
        fromBytes++;
        const want = parseDates(values, 't'); // throws (failing the property) if the bytes accepted what it refuses
        return got.every((v, i) => Object.is(v, want[i]));
      }),
      { numRuns: 3000 },
    );
    expect(fromBytes).to.be.greaterThan(100); // the fast path was exercised, not only the fallback
    // An intraday export: minutes, seconds, milliseconds, a "Z".
    const t = readCsv('time,x\n2024-03-01 09:30,1\n2024-03-01T09:30:15.250Z,2\n2024-03-01 00:00:00.5,3\n', { sortBy: false });
    expect(Array.from(t.dates('time'))).to.deep.equal([Date.UTC(2024, 2, 1, 9, 30), Date.UTC(2024, 2, 1, 9, 30, 15, 250), Date.UTC(2024, 2, 1, 0, 0, 0, 500)]);
  });

  it('daysFromCivil agrees with Date.UTC on every day of years 1600–2400', () => {
    for (let ms = Date.UTC(1600, 0, 1); ms < Date.UTC(2400, 0, 1); ms += 86_400_000) {
      const d = new Date(ms);
      if (daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) * 86_400_000 !== ms) {
        expect.fail(`daysFromCivil wrong for ${d.toISOString()}`);
      }
    }
  });
});

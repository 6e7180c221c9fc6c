import { expect } from 'chai';
import { numbersToDates } from '../../lib/data/numbers-to-dates';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';

describe('numbersToDates', () => {
  it('epoch seconds and milliseconds (hand-checked: 1577836800 s is 2020-01-01 00:00 UTC)', () => {
    const jan1 = Date.UTC(2020, 0, 1);
    expect(Array.from(numbersToDates([1577836800, 1577836800.5, NaN], 's'))).to.deep.equal([jan1, jan1 + 500, NaN]);
    expect(Array.from(numbersToDates(Float64Array.of(1577836800123), 'ms'))).to.deep.equal([jan1 + 123]);
  });

  it('spreadsheet serial days from 1899-12-30, the fraction as time of day (Excel: 43831 is 2020-01-01, 61 is 1900-03-01)', () => {
    const got = numbersToDates([43831, 43831.5, 43831 + 9.5 / 24, 61, 1], 'spreadsheet');
    expect(Array.from(got, (ms) => new Date(ms).toISOString())).to.deep.equal([
      '2020-01-01T00:00:00.000Z',
      '2020-01-01T12:00:00.000Z',
      '2020-01-01T09:30:00.000Z', // 0.39583… days, rounded to the millisecond
      '1900-03-01T00:00:00.000Z',
      '1899-12-31T00:00:00.000Z',
    ]);
  });

  it('a unit off by a factor of 1000, an unknown unit and Infinity are refused by name', () => {
    expectError(() => numbersToDates([1577836800123], 's'), InputError, '1577836800123 at row 0', 'the year 51969', 'check the unit');
    expectError(() => numbersToDates([1], 'days' as 's'), InputError, 'unit "days"', 's, ms, spreadsheet');
    expectError(() => numbersToDates([1, Infinity], 'ms'), InputError, 'Infinity at row 1');
  });

  it('does not change its input', () => {
    const v = [1577836800];
    numbersToDates(v, 's');
    expect(v).to.deep.equal([1577836800]);
  });
});

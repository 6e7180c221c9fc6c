import { expect } from 'chai';
import { textAsNumbers } from '../../lib/data/text-as-numbers';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';

describe('a text column read as numbers (data/text-as-numbers.ts)', () => {
  it('reads plain decimals, NaN where missing or blank, and names the first value that is no number', () => {
    expect(Array.from(textAsNumbers('x', ['1.5', null, ' ', '-2']))).to.deep.equal([1.5, NaN, NaN, -2]);
    expectError(() => textAsNumbers('price', ['1', 'n/a?']), InputError, 'column "price" is not numeric: row 1 holds "n/a?"');
    // A decimal comma gets the option that reads it.
    expectError(() => textAsNumbers('price', ['1,5']), InputError, 'row 0', '"1,5"', 'decimal');
  });
});

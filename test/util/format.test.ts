import { expect } from 'chai';
import { formatList, formatValue } from '../../lib/util/format';

describe('values in error messages (util/format.ts)', () => {
  it('formatValue quotes strings, cuts long ones and long arrays, and never throws', () => {
    expect(formatValue('abc')).to.equal('"abc"');
    expect(formatValue('x'.repeat(70))).to.equal(JSON.stringify('x'.repeat(57) + '...'));
    expect([formatValue(NaN), formatValue(undefined), formatValue(null), formatValue(2)]).to.deep.equal(['NaN', 'undefined', 'null', '2']);
    expect(formatValue([1, 2, 3, 4, 5, 6, 7, 8, 9])).to.equal('[1, 2, 3, 4, 5, 6, 7, 8, ...]');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(formatValue(cyclic)).to.equal('[object Object]');
  });

  it('formatList lists names and counts the rest after max', () => {
    expect(formatList(['a', 'b'])).to.equal('a, b');
    expect(formatList(['a', 'b', 'c', 'd'], 2)).to.equal('a, b, ... (2 more)');
  });
});

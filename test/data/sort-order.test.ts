/**
 * sortOrder against the plain stable comparator sort, on the shapes it has paths for: already sorted,
 * never increasing (runs of equal dates), whole days in any order, times of day in any order.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { sortOrder } from '../../lib/data/sort-order';

const DAY = 86_400_000;
const stable = (k: Float64Array) => Array.from(k.keys()).sort((a, b) => k[a] - k[b] || a - b);
const order = (k: Float64Array) => {
  const o = sortOrder(k);
  return o === undefined ? Array.from(k.keys()) : Array.from(o);
};

describe('sortOrder', () => {
  it('equals the stable comparator sort: whole days and times of day, with repeats, in any order', () => {
    const day = fc.integer({ min: -3000, max: 60000 }).map((d) => d * DAY); // 1961 … 2134, and before 1970
    const time = fc.integer({ min: 0, max: 1e6 }).map((s) => 946_684_800_000 + s * 1000);
    const millis = fc.integer({ min: -1e9, max: 1e9 }).map((ms) => 946_684_800_000 + ms);
    const fraction = fc.integer({ min: 0, max: 1e6 }).map((ms) => 946_684_800_000 + ms / 8); // fractions of a millisecond
    const wide = fc.constantFrom(-8.64e15, 8.64e15, 0, 1000); // a span too long to pack with a millisecond unit
    const keys = fc.oneof(
      fc.array(day, { maxLength: 300 }),
      fc.array(time, { maxLength: 300 }),
      fc.array(millis, { maxLength: 300 }),
      fc.array(fraction, { maxLength: 300 }),
      fc.array(fc.oneof(day, time, millis, wide), { maxLength: 300 }),
      fc.array(fc.constantFrom(0, DAY, 2 * DAY), { maxLength: 50 }),
    );
    fc.assert(
      fc.property(keys, (keys) => {
        const k = Float64Array.from(keys);
        expect(order(k)).to.deep.equal(stable(k));
      }),
      { numRuns: 400, seed: 5 },
    );
  });

  it('sorted keys need no reordering; newest-first keys come back run by run, equal dates in file order', () => {
    expect(sortOrder(Float64Array.of(1, 1, 2, 5))).to.equal(undefined);
    expect(sortOrder(new Float64Array(0))).to.equal(undefined);
    const newestFirst = Float64Array.of(5 * DAY, 4 * DAY, 4 * DAY, 4 * DAY + 1000, 1 * DAY, 1 * DAY);
    // not monotone (row 3 is later than row 2): the general path
    expect(Array.from(sortOrder(newestFirst)!)).to.deep.equal([4, 5, 1, 2, 3, 0]);
    expect(Array.from(sortOrder(Float64Array.of(9, 7, 7, 3, 3, 3, 1))!)).to.deep.equal([6, 3, 4, 5, 1, 2, 0]);
  });

  it('200,000 daily rows in reverse: the same order as the comparator sort', () => {
    const k = Float64Array.from({ length: 200_000 }, (_, i) => (200_000 - Math.floor(i / 3)) * DAY);
    expect(Array.from(sortOrder(k)!)).to.deep.equal(stable(k));
    const shuffled = Float64Array.from({ length: 200_000 }, (_, i) => ((i * 7919) % 200_000) * DAY);
    expect(Array.from(sortOrder(shuffled)!)).to.deep.equal(stable(shuffled));
  });
});

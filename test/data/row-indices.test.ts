import { expect } from 'chai';
import fc from 'fast-check';
import { gatherRows, rowsWithoutMissing, stableSortOrder } from '../../lib/data/row-indices';

describe('row positions for the table verbs (data/row-indices.ts)', () => {
  it('stableSortOrder: ascending, equal values in their order, missing last; undefined when already in order', () => {
    // By hand: values 3, NaN, 1, 3, 2 → 1 (row 2), 2 (row 4), 3 (row 0), 3 (row 3), then the NaN (row 1).
    expect(Array.from(stableSortOrder(Float64Array.from([3, NaN, 1, 3, 2]))!)).to.deep.equal([2, 4, 0, 3, 1]);
    expect(Array.from(stableSortOrder(['b', null, 'a', 'b'])!)).to.deep.equal([2, 0, 3, 1]);
    expect(stableSortOrder(Float64Array.from([1, 2, 2, 5]))).to.equal(undefined);
  });

  it('stableSortOrder equals a stable sort by value with missing values last, on any column', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(NaN)), { maxLength: 40 }), (values) => {
        const order = stableSortOrder(Float64Array.from(values));
        const want = values
          .map((v, i) => [v, i] as const)
          .sort((a, b) => (Number.isNaN(a[0]) ? 1 : 0) - (Number.isNaN(b[0]) ? 1 : 0) || (Number.isNaN(a[0]) ? 0 : a[0] - b[0]) || a[1] - b[1])
          .map(([, i]) => i);
        expect(order ? Array.from(order) : values.map((_, i) => i)).to.deep.equal(want);
      }),
    );
  });

  it('rowsWithoutMissing: all rows, a run when the gaps are only at the ends, else the positions', () => {
    const full = Float64Array.from([1, 2, 3, 4]);
    expect(rowsWithoutMissing([full], 4)).to.equal(undefined);
    // Returns and rolling windows: NaN at the start of one column, at the end of another → rows 2..3.
    expect(rowsWithoutMissing([Float64Array.from([NaN, NaN, 1, 2, 3]), Float64Array.from([1, 2, 3, 4, NaN])], 5)).to.deep.equal({ start: 2, end: 4 });
    // A gap inside (row 1 of the text column): positions.
    expect(Array.from(rowsWithoutMissing([full, ['a', null, 'c', 'd']], 4) as Int32Array)).to.deep.equal([0, 2, 3]);
    // Nothing left: an empty run, not a negative one.
    expect(rowsWithoutMissing([Float64Array.from([NaN, 1]), Float64Array.from([1, NaN])], 2)).to.deep.equal({ start: 1, end: 1 });
  });

  it('gatherRows takes the values at the positions, in their order, numbers and text alike', () => {
    expect(Array.from(gatherRows(Float64Array.from([10, 20, 30]), [2, 0, 2]) as Float64Array)).to.deep.equal([30, 10, 30]);
    expect(gatherRows(['a', null, 'c'], Int32Array.from([1, 2]))).to.deep.equal([null, 'c']);
  });
});

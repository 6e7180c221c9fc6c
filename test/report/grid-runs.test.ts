// Report grids: parameter sets from a list or a product, file-safe distinct names, and bad grids refused.
import { expect } from 'chai';
import { gridParameterSets, gridRuns } from '../../lib/report/grid-runs';
import { ReportError } from '../../lib/util/errors';
import { expectError } from '../helpers';

describe('gridRuns', () => {
  it('an object of lists runs their product, in order (as scikit-learn ParameterGrid)', () => {
    expect(gridParameterSets({ price: ['DAX', 'SMI'], costBps: [5, 20] })).to.deep.equal([
      { price: 'DAX', costBps: 5 },
      { price: 'DAX', costBps: 20 },
      { price: 'SMI', costBps: 5 },
      { price: 'SMI', costBps: 20 },
    ]);
  });

  it("a list runs each set; names are file-safe, use a path's base name, and never collide", () => {
    const runs = gridRuns('notebooks/02-stock-analysis.ipynb', [{ csv: '/data/eu stocks.csv', price: 'DAX' }, { price: 'a/b' }, { price: 'a/b' }, {}]);
    expect(runs.map((r) => r.name)).to.deep.equal([
      '02-stock-analysis__csv=eu-stocks_price=DAX',
      '02-stock-analysis__price=b',
      '02-stock-analysis__price=b_2',
      '02-stock-analysis',
    ]);
    expect(runs[0].parameters).to.deep.equal({ csv: '/data/eu stocks.csv', price: 'DAX' });
  });

  it('refuses grids that are not lists of objects or objects of non-empty lists of plain values', () => {
    expectError(() => gridParameterSets('SMI'), ReportError, 'grid', 'JSON array of parameter objects');
    expectError(() => gridParameterSets([]), ReportError, 'no parameter set');
    expectError(() => gridParameterSets({ price: [] }), ReportError, '"price"', 'non-empty list');
    expectError(() => gridParameterSets([{ price: { nested: 1 } }]), ReportError, 'set 0', '"price"');
    expectError(() => gridParameterSets([3]), ReportError, 'entry 0');
  });
});

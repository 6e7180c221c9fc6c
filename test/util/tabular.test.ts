import { expect } from 'chai';
import { isTabulated, tabularText } from '../../lib/util/tabular';
import { formatCell, textTable } from '../../lib/util/text-table';

describe('table forms and text tables (util/tabular.ts, util/text-table.ts)', () => {
  it('formatCell: integers as they are, other numbers to 4 digits, tiny and huge ones in exponent form, NaN and missing', () => {
    expect([formatCell(3), formatCell(2.5), formatCell(1 / 3), formatCell(0.0001234), formatCell(12345678.9)]).to.deep.equal([
      '3',
      '2.5000',
      '0.3333',
      '1.234e-4',
      '1.235e+7',
    ]);
    expect([formatCell(NaN), formatCell(Infinity), formatCell(null), formatCell(undefined), formatCell('x')]).to.deep.equal(['NaN', 'Infinity', '', '', 'x']);
  });

  it('textTable right-aligns each column to its widest cell', () => {
    expect(
      textTable(
        ['model', 'RMSE'],
        [
          ['gru', 0.25],
          ['persistence', 1],
        ],
      ),
    ).to.equal(['      model    RMSE', '        gru  0.2500', 'persistence       1'].join('\n'));
  });

  it('tabularText is the text of a table form; isTabulated tells results that have one', () => {
    const form = { header: ['a'], rows: [[1]], caption: 'ignored in the text' };
    expect(tabularText(form)).to.equal('a\n1');
    expect(isTabulated({ tabulate: () => form })).to.equal(true);
    expect([isTabulated(null), isTabulated({ tabulate: 1 }), isTabulated('x')]).to.deep.equal([false, false, false]);
  });
});

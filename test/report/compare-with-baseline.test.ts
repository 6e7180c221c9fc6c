// Verdicts in words from numbers: the sentence a report prints must agree with the table beside it.
import { expect } from 'chai';
import { beats, compareWithBaseline } from '../../lib/report/compare-with-baseline';

describe('compareWithBaseline', () => {
  it('lower is better by default: (0.229 − 0.218) / 0.229 = 4.8% better; the reverse is 5.0% worse', () => {
    expect(compareWithBaseline('the GRU', 0.218, 'persistence', 0.229)).to.equal('the GRU (0.218) is 4.8% better than persistence (0.229)');
    expect(compareWithBaseline('the GRU', 0.229, 'persistence', 0.218)).to.equal('the GRU (0.229) is 5.0% worse than persistence (0.218)');
    expect(beats(0.218, 0.229)).to.equal(true);
    expect(beats(0.229, 0.218)).to.equal(false);
  });

  it('higher is better for accuracy, AUC and Sharpe; within half a percent it is level', () => {
    expect(compareWithBaseline('accuracy', 0.525, 'always up', 0.551, { lowerIsBetter: false })).to.equal(
      'accuracy (0.525) is 4.7% worse than always up (0.551)',
    );
    expect(compareWithBaseline('AUC', 0.999, 'logistic', 0.998, { lowerIsBetter: false })).to.equal('AUC (0.999) is level with logistic (0.998)');
    expect(beats(0.999, 0.998, { lowerIsBetter: false })).to.equal(false);
  });

  it('non-finite values are not compared', () => {
    expect(compareWithBaseline('a', NaN, 'b', 1)).to.equal('a (NaN) cannot be compared with b (1.000)');
    expect(beats(NaN, 1)).to.equal(false);
  });
});

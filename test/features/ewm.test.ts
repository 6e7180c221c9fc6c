import { expect } from 'chai';
import { ewm, ewmStd, ewmVar } from '../../lib/features/ewm';
import { InputError } from '../../lib/util/errors';
import { expectClose, expectError, fixture } from '../helpers';

const g = fixture('features.json');
const close: number[] = g.close;

describe('ewm, ewmVar, ewmStd (features/ewm.ts)', () => {
  const cases: [string, () => Float64Array][] = [
    ['ewm_span10_adjust', () => ewm(close, { span: 10 })],
    ['ewm_span10_noadjust', () => ewm(close, { span: 10, adjust: false })],
    ['ewm_alpha03_min5', () => ewm(close, { alpha: 0.3, minPeriods: 5 })],
    ['ewm_halflife4', () => ewm(close, { halflife: 4 })],
  ];
  for (const [name, f] of cases) it(name, () => expectClose(f(), g[name], 1e-9, name));

  // The same closes with holes: at the start, single, a run of five, a run longer than the window.
  const holed = (g.holed as (number | null)[]).map((v) => v ?? NaN);
  const holedCases: [string, () => Float64Array][] = [
    ['holed_ewm_alpha03_adjust_min2', () => ewm(holed, { alpha: 0.3, minPeriods: 2 })],
    ['holed_ewm_span6_noadjust', () => ewm(holed, { span: 6, adjust: false })],
  ];
  for (const [name, f] of holedCases) it(`${name} (missing prices skipped as pandas skips them)`, () => expectClose(f(), g[name], 1e-9, name));

  it('ewmVar and ewmStd: the bias-corrected weighted variance (pandas ewm var/std)', () => {
    // By hand, α = 0.5, adjust: weights 0.5 and 1; mean 7/3; biased variance (0.5·16/9 + 4/9)/1.5 = 8/9; bias
    // correction (Σw)² / ((Σw)² − Σw²) = 2.25 / 1 → 2. One observation has no variance.
    expectClose(Array.from(ewmVar([1, 3], { alpha: 0.5 })), [null, 2], 1e-12);
    expectClose(Array.from(ewmStd([1, 3], { alpha: 0.5 })), [null, Math.SQRT2], 1e-12);
    expect(Array.from(ewmStd([4, 4, 4], { span: 3 }))).to.deep.equal([NaN, 0, 0]); // constant: exactly 0
    expectError(() => ewmStd([1, 2], { span: 3, alpha: 0.5 }), InputError, 'exactly one of span, alpha, com, halflife');
  });

  it('ewm adjust: false across NaN decays the old value by (1-α) per row, as pandas documents (hand-computed)', () => {
    // α = 0.5: y1 = 1, the NaN row keeps y, y3 = (0.5² · 1 + 0.5 · 5) / (0.25 + 0.5) = 3.666…  pandas 2.x gives this;
    // pandas 3.0–3.1 give 4 for α = 0.5 only (its issue 31178, a com = 1 special case), 3.666… for other α.
    const y = ewm([1, NaN, 5], { alpha: 0.5, adjust: false });
    expect(Array.from(y)).to.deep.equal([1, 1, (0.25 * 1 + 0.5 * 5) / 0.75]);
    // α = 0.4 (span 4), where pandas 3.1.1 agrees: 10.4 after the first two rows, then 0.6² · 10.4 + 0.4 · 12 over 0.76.
    expect(ewm([10, 11, NaN, 12], { span: 4, adjust: false })[3]).to.be.closeTo((0.36 * 10.4 + 0.4 * 12) / 0.76, 1e-12);
  });

  it('ewm needs exactly one decay parameter', () => {
    expectError(() => ewm(close, { span: 3, alpha: 0.5 }), InputError, 'exactly one', 'span, alpha');
  });
});

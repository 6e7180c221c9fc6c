import { expect } from 'chai';
import { lag } from '../../lib/features/lag';
import { pctChange, volatility } from '../../lib/features/returns';
import { rollingMean, rollingStd } from '../../lib/features/rolling';
import { ewm } from '../../lib/features/ewm';
import { bollingerBands, macd, rsi } from '../../lib/features/indicators';
import { fixture } from '../helpers';

const g = fixture('features.json');
const close: number[] = g.close;

describe('features are causal: changing rows after t never changes a value at t', () => {
  const fns: [string, (x: number[]) => ArrayLike<number>][] = [
    ['rollingMean', (x) => rollingMean(x, 10)],
    ['rollingStd', (x) => rollingStd(x, 10)],
    ['ewm', (x) => ewm(x, { span: 5 })],
    ['rsi', (x) => rsi(x)],
    ['macd', (x) => macd(x).histogram],
    ['bollinger', (x) => bollingerBands(x).upper],
    ['pctChange', (x) => pctChange(x)],
    ['volatility', (x) => volatility(x)],
    ['lag', (x) => lag(x, 2)],
  ];
  for (const [name, f] of fns) {
    it(name, () => {
      const base = f(close);
      for (const t of [30, 150, 250]) {
        const changed = close.map((v, i) => (i > t ? v * 3 + 17 : v));
        const after = f(changed);
        for (let i = 0; i <= t; i++) expect(Object.is(after[i], base[i]) || after[i] === base[i], `${name} at ${i} (changed after ${t})`).to.equal(true);
      }
    });
  }
});

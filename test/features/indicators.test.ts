import { bollingerBands, macd, rsi } from '../../lib/features/indicators';
import { expectClose, fixture } from '../helpers';

const g = fixture('features.json');
const close: number[] = g.close;

describe('rsi, macd, bollingerBands (features/indicators.ts)', () => {
  const cases: [string, () => Float64Array][] = [
    ['rsi_14', () => rsi(close, 14)],
    ['macd', () => macd(close).macd],
    ['macd_signal', () => macd(close).signal],
    ['macd_hist', () => macd(close).histogram],
    ['bb_upper', () => bollingerBands(close).upper],
    ['bb_lower', () => bollingerBands(close).lower],
  ];
  for (const [name, f] of cases) it(name, () => expectClose(f(), g[name], 1e-9, name));
});

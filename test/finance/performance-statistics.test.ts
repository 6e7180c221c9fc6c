import { expect } from 'chai';
import * as f from '../../lib/finance/performance-statistics';
import { InputError } from '../../lib/util/errors';
import { expectError, fixture } from '../helpers';

const { performance: ref } = fixture<{ performance: { returns: number[]; benchmark: number[]; by: Record<string, Record<string, number>> } }>('risk.json');

describe('performance statistics against empyrical-reloaded (finance/performance-statistics.ts)', () => {
  it('IBM against the Dow 30 equal-weight average, 1,000 days, annualised daily (252) and weekly (52): every statistic within 1e-10 relative', () => {
    const r = ref.returns;
    const b = ref.benchmark;
    for (const [key, want] of Object.entries(ref.by)) {
      const n = Number(key);
      const ab = f.alphaBeta(r, b, n);
      const got: Record<string, number> = {
        annualReturn: f.annualReturn(r, n),
        annualVolatility: f.annualVolatility(r, n),
        sharpeRatio: f.sharpeRatio(r, n),
        downsideRisk: f.downsideRisk(r, n),
        sortinoRatio: f.sortinoRatio(r, n),
        maxDrawdown: f.maxDrawdown(r),
        calmarRatio: f.calmarRatio(r, n),
        omegaRatio: f.omegaRatio(r),
        alpha: ab.alpha,
        beta: ab.beta,
        upCapture: f.upCapture(r, b, n),
        downCapture: f.downCapture(r, b, n),
        excessSharpe: f.excessSharpe(r, b),
      };
      for (const [k, v] of Object.entries(want)) expect(Math.abs(got[k] - v) / Math.abs(v), `${k} at ${n}: ${got[k]} vs ${v}`).to.be.below(1e-10);
    }
  });

  it('by hand: +10 % then −10 % compounds to −1 % (annual return over 2 periods a year), with a −10 % drawdown and a Sharpe of 0', () => {
    expect(f.annualReturn([0.1, -0.1], 2)).to.be.closeTo(-0.01, 1e-15);
    expect(f.maxDrawdown([0.1, -0.1])).to.be.closeTo(-0.1, 1e-15);
    expect(f.sharpeRatio([0.1, -0.1], 2)).to.equal(0);
    expect(f.omegaRatio([0.1, -0.05, 0.02])).to.be.closeTo(0.12 / 0.05, 1e-15);
    expectError(() => f.alphaBeta([0.1, 0.2], [0.1, 0.2, 0.3]), InputError, 'align them by period');
    expectError(() => f.sharpeRatio([0.1]), InputError, 'at least 2 returns');
  });
});

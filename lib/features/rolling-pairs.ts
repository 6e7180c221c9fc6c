/** Trailing statistics of two series (pandas' `rolling(window).cov(other)` and `.corr(other)`), over the rows where both have a value. */
import { checkAligned } from '../util/check';
import { uninitializedFloat64 } from '../util/alloc';
import { checkedMinPeriods, RollingOptions } from './rolling';
import { checkList } from '../util/check';

/**
 * Trailing co-moments of the rows where both series have a value (pandas pairs them so): the count, the sum of
 * products of deviations and each series' sum of squared deviations, kept by Welford's updates as pairs enter and
 * leave the window, as `rollingStd` keeps one series'. `constant` says whether either series holds one value
 * across the window (its squared deviations are then rounding residue, not spread).
 */
function rollingComoments(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  window: number,
  options: RollingOptions,
  what: string,
  emit: (t: number, n: number, cxy: number, cxx: number, cyy: number, constant: boolean) => void,
): void {
  checkAligned(what, x, y);
  const minPeriods = checkedMinPeriods(window, options);
  let n = 0;
  let mx = 0;
  let my = 0;
  let cxy = 0;
  let cxx = 0;
  let cyy = 0;
  let lastX = NaN;
  let lastY = NaN;
  let sameX = 0;
  let sameY = 0;
  for (let t = 0; t < x.length; t++) {
    const a = x[t];
    const b = y[t];
    if (a === a && b === b) {
      n++;
      const dx = a - mx;
      const dy = b - my;
      mx += dx / n;
      my += dy / n;
      cxy += dx * (b - my);
      cxx += dx * (a - mx);
      cyy += dy * (b - my);
      sameX = a === lastX ? sameX + 1 : 1;
      sameY = b === lastY ? sameY + 1 : 1;
      lastX = a;
      lastY = b;
    }
    if (t >= window) {
      const a0 = x[t - window];
      const b0 = y[t - window];
      if (a0 === a0 && b0 === b0) {
        n--;
        if (n === 0) {
          mx = my = cxy = cxx = cyy = 0;
        } else {
          const dx = a0 - mx;
          const dy = b0 - my;
          mx -= dx / n;
          my -= dy / n;
          cxy -= dx * (b0 - my);
          cxx -= dx * (a0 - mx);
          cyy -= dy * (b0 - my);
        }
      }
    }
    if ((t + 1) % window === 0 && n > 0) {
      // Removing values leaves rounding residue that adds up along a long series (a window of 2 drifted to a
      // correlation of 1.0000000023): once per window length the sums are recomputed from the window's rows, two
      // passes as NumPy would, which keeps the whole pass O(n).
      let sx = 0;
      let sy = 0;
      for (let r = t - window + 1; r <= t; r++)
        if (x[r] === x[r] && y[r] === y[r]) {
          sx += x[r];
          sy += y[r];
        }
      mx = sx / n;
      my = sy / n;
      cxy = cxx = cyy = 0;
      for (let r = t - window + 1; r <= t; r++) {
        if (!(x[r] === x[r] && y[r] === y[r])) continue;
        const dx = x[r] - mx;
        const dy = y[r] - my;
        cxy += dx * dy;
        cxx += dx * dx;
        cyy += dy * dy;
      }
    }
    emit(t, n >= minPeriods ? n : 0, cxy, cxx, cyy, sameX >= n || sameY >= n);
  }
}

/** Trailing sample covariance (ddof = 1) of the rows where both series have a value, as pandas' `x.rolling(window).cov(y)`. */
export function rollingCov(x: ArrayLike<number>, y: ArrayLike<number>, window: number, options: RollingOptions = {}): Float64Array {
  checkList('rollingCov: x', x);
  const out = uninitializedFloat64(x.length);
  rollingComoments(x, y, window, options, 'rollingCov', (t, n, cxy, _cxx, _cyy, constant) => {
    out[t] = n >= 2 ? (constant ? 0 : cxy / (n - 1)) : NaN;
  });
  return out;
}

/**
 * Trailing Pearson correlation of the rows where both series have a value, as pandas' `x.rolling(window).corr(y)`.
 * A window where either series is constant has no correlation: NaN.
 */
export function rollingCorr(x: ArrayLike<number>, y: ArrayLike<number>, window: number, options: RollingOptions = {}): Float64Array {
  checkList('rollingCorr: x', x);
  const out = uninitializedFloat64(x.length);
  rollingComoments(x, y, window, options, 'rollingCorr', (t, n, cxy, cxx, cyy, constant) => {
    out[t] = n >= 2 && !constant ? Math.max(-1, Math.min(1, cxy / Math.sqrt(cxx * cyy))) : NaN;
  });
  return out;
}

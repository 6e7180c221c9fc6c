import { expect } from 'chai';
import { symmetricInverse } from '../../lib/util/symmetric-inverse';

describe('symmetricInverse (util/symmetric-inverse.ts)', () => {
  it('inverts a symmetric positive-definite matrix: A·A⁻¹ = I (a 3×3 by hand, and a random Gram matrix)', () => {
    const a = [4, 2, 0, 2, 3, 1, 0, 1, 2];
    const inv = symmetricInverse(a, 3)!;
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += a[i * 3 + k] * inv[k * 3 + j];
        expect(s).to.be.closeTo(i === j ? 1 : 0, 1e-14);
      }
    // det = 4(6−1) − 2(4) = 12; (A⁻¹)₀₀ = (3·2 − 1)/12
    expect(inv[0]).to.be.closeTo(5 / 12, 1e-15);
    // G = BᵀB + I for a fixed B: symmetric positive definite.
    const n = 6;
    const b = Array.from({ length: n * n }, (_, k) => Math.sin(k * 0.7 + 1));
    const g = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        for (let r = 0; r < n; r++) g[i * n + j] += b[r * n + i] * b[r * n + j];
        if (i === j) g[i * n + j] += 1;
      }
    const gi = symmetricInverse(g, n)!;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += g[i * n + k] * gi[k * n + i];
      expect(s).to.be.closeTo(1, 1e-10);
    }
  });

  it('returns undefined for a singular or indefinite matrix (the caller names the collinear covariates)', () => {
    expect(symmetricInverse([1, 2, 2, 4], 2)).to.equal(undefined);
    expect(symmetricInverse([1, 3, 3, 1], 2)).to.equal(undefined);
    expect(symmetricInverse([NaN], 1)).to.equal(undefined);
  });
});

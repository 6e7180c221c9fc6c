import { expect } from 'chai';
import { nelderMead } from '../../lib/util/nelder-mead';

describe('nelderMead (util/nelder-mead.ts)', () => {
  it("finds Rosenbrock's minimum (1, 1) from (−1.2, 1) and a 5-dimensional quadratic's, with restarts", () => {
    const rosen = (x: Float64Array) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
    const r = nelderMead(rosen, [-1.2, 1]);
    expect(r.x[0]).to.be.closeTo(1, 1e-5);
    expect(r.x[1]).to.be.closeTo(1, 1e-5);
    const centre = [3, -1, 0.5, 2, -4];
    const q = nelderMead((x) => x.reduce((s, v, i) => s + (i + 1) * (v - centre[i]) ** 2, 0), [0, 0, 0, 0, 0]);
    q.x.forEach((v, i) => expect(v, `coordinate ${i}`).to.be.closeTo(centre[i], 1e-5));
    // An infeasible region (Infinity) is stepped around, not entered.
    const walled = nelderMead((x) => (x[0] < 0.5 ? Infinity : (x[0] - 2) ** 2), [1]);
    expect(walled.x[0]).to.be.closeTo(2, 1e-6);
  });
});

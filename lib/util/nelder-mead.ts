/**
 * `nelderMead`: derivative-free minimisation (Nelder & Mead 1965, with the standard reflection, expansion,
 * contraction and shrink coefficients 1, 2, ½, ½), restarted from its best point until a restart no longer
 * improves it — the restarts undo the simplex collapsing early, which a single run does on 5–6 parameters.
 */
export interface NelderMeadOptions {
  /** Initial step per coordinate. Defaults to 10% of the value (0.05 where it is 0). */
  step?: readonly number[];
  /** Stop when the simplex's values differ by less than this. Defaults to 1e-12. */
  tolerance?: number;
  /** Most function evaluations, over all restarts. Defaults to 20,000. */
  maxEvaluations?: number;
}

export function nelderMead(
  f: (x: Float64Array) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): { x: Float64Array; value: number; evaluations: number } {
  const n = x0.length;
  const tol = options.tolerance ?? 1e-12;
  const max = options.maxEvaluations ?? 20_000;
  let evaluations = 0;
  const evaluate = (x: Float64Array) => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  let best = Float64Array.from(x0);
  let bestValue = evaluate(best);
  for (let restart = 0; restart < 20 && evaluations < max; restart++) {
    const simplex: Float64Array[] = [Float64Array.from(best)];
    for (let i = 0; i < n; i++) {
      const p = Float64Array.from(best);
      p[i] += options.step?.[i] ?? (p[i] !== 0 ? 0.1 * Math.abs(p[i]) : 0.05) * (restart === 0 ? 1 : 0.1);
      simplex.push(p);
    }
    const values = simplex.map(evaluate);
    while (evaluations < max) {
      const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
      const s = order.map((i) => simplex[i]);
      const v = order.map((i) => values[i]);
      for (let i = 0; i <= n; i++) {
        simplex[i] = s[i];
        values[i] = v[i];
      }
      if (Math.abs(values[n] - values[0]) <= tol * (Math.abs(values[0]) + tol)) break;
      const centroid = new Float64Array(n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
      const towards = (t: number) => Float64Array.from(centroid, (c, j) => c + t * (simplex[n][j] - c));
      const reflected = towards(-1);
      const fr = evaluate(reflected);
      if (fr < values[0]) {
        const expanded = towards(-2);
        const fe = evaluate(expanded);
        [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
      } else if (fr < values[n - 1]) {
        [simplex[n], values[n]] = [reflected, fr];
      } else {
        const contracted = fr < values[n] ? towards(-0.5) : towards(0.5);
        const fc = evaluate(contracted);
        if (fc < Math.min(fr, values[n])) [simplex[n], values[n]] = [contracted, fc];
        else {
          for (let i = 1; i <= n; i++) {
            simplex[i] = Float64Array.from(simplex[i], (x, j) => simplex[0][j] + 0.5 * (x - simplex[0][j]));
            values[i] = evaluate(simplex[i]);
          }
        }
      }
    }
    const i = values.indexOf(Math.min(...values));
    const improved = bestValue - values[i] > tol * (Math.abs(bestValue) + tol);
    if (values[i] <= bestValue) {
      best = simplex[i];
      bestValue = values[i];
    }
    if (!improved && restart > 0) break;
  }
  return { x: best, value: bestValue, evaluations };
}

/**
 * `compareWithBaseline`: a comparison of a model with its baseline in words, from the numbers — the sentence a
 * report states, so that its verdict cannot disagree with the table beside it.
 */
export interface CompareOptions {
  /** Lower values are better (errors, losses). Defaults to true; false for accuracy, AUC, Sharpe ratio. */
  lowerIsBetter?: boolean;
  /** Digits of the values. Defaults to 3. */
  digits?: number;
  /** Within this relative difference the two are called level. Defaults to 0.005 (half a percent). */
  tie?: number;
}

/**
 * "the GRU (0.218) is 5.0% better than persistence (0.229)", "… is 3.1% worse than …", or "… is level with …".
 * @example compareWithBaseline('the GRU', 0.218, 'persistence', 0.229)
 */
export function compareWithBaseline(name: string, value: number, baseline: string, baselineValue: number, options: CompareOptions = {}): string {
  const digits = options.digits ?? 3;
  const lower = options.lowerIsBetter ?? true;
  const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(digits) : String(v));
  const a = `${name} (${fmt(value)})`;
  const b = `${baseline} (${fmt(baselineValue)})`;
  if (!Number.isFinite(value) || !Number.isFinite(baselineValue)) return `${a} cannot be compared with ${b}`;
  const rel = baselineValue === 0 ? (value === 0 ? 0 : Infinity) : Math.abs(value - baselineValue) / Math.abs(baselineValue);
  if (value === baselineValue || rel < (options.tie ?? 0.005)) return `${a} is level with ${b}`;
  const better = lower ? value < baselineValue : value > baselineValue;
  const pct = Number.isFinite(rel) ? `${(100 * rel).toFixed(1)}% ` : '';
  return `${a} is ${pct}${better ? 'better' : 'worse'} than ${b}`;
}

/** Whether `value` beats `baselineValue` by more than the tie margin, in the same sense as compareWithBaseline. */
export function beats(value: number, baselineValue: number, options: CompareOptions = {}): boolean {
  const lower = options.lowerIsBetter ?? true;
  const rel = baselineValue === 0 ? Math.abs(value) : Math.abs(value - baselineValue) / Math.abs(baselineValue);
  return Number.isFinite(value) && rel >= (options.tie ?? 0.005) && (lower ? value < baselineValue : value > baselineValue);
}

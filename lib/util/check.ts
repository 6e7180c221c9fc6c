/** Small argument checks shared by the library; each error names the option, the bad value and the fix. */
import { InputError } from './errors';
import { formatValue } from './format';

/** A positive integer option (`epochs`, `k`, `lookback`, ...). */
export function checkPositiveInt(name: string, value: unknown, min = 1): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new InputError(`${name} must be an integer ≥ ${min}, got ${formatValue(value)}`);
  }
  return value;
}

/** A number of rows, for functions that take a count rather than the table (`kFold`, `timeSeriesSplit`). */
export function checkRowCount(caller: string, n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    const what = typeof n === 'object' && n !== null ? `a ${n.constructor?.name ?? 'object'}` : formatValue(n);
    throw new InputError(`${caller} takes the number of rows (e.g. table.numRows), got ${what}`);
  }
  return n;
}

/** A fraction strictly between 0 and 1 (`testSize`, `validationSplit`). */
export function checkFraction(name: string, value: unknown): number {
  if (typeof value !== 'number' || !(value > 0 && value < 1)) {
    throw new InputError(`${name} must be a fraction between 0 and 1 (exclusive), got ${formatValue(value)}; e.g. 0.2 for 20%`);
  }
  return value;
}

/**
 * Whether every value is finite. x · 0 is 0 for a finite x and NaN for NaN or ±Infinity, so the sum of the
 * products is 0 exactly when all are finite (twice as fast as testing each value).
 */
export function allFinite(x: Float64Array): boolean {
  const n = x.length;
  const even = n & ~1;
  return zeroTimesSum(x, even) + (even < n ? x[even] * 0 : 0) === 0;
}

/**
 * Σ x[i]·0 over the first `even` values, two per step into one running sum (half the chain of dependent
 * additions). The loop has a function of its own with nothing but the return after it (see
 * kernels/unrolled-end.ts: with the odd value and the comparison after it, every call of the on-stack-compiled
 * loop deoptimised there).
 */
function zeroTimesSum(x: Float64Array, even: number): number {
  let s = 0;
  for (let i = 0; i < even; i += 2) s += x[i] * 0 + x[i + 1] * 0;
  return s;
}

/** Throws naming the first NaN or ±Infinity in `values`; `firstRow` is the row number of values[0] in errors. */
export function checkFinite(
  values: ArrayLike<number>,
  what: string,
  fix = 'impute or drop missing values first (simpleImputer, dropMissing)',
  firstRow = 0,
): void {
  if (values instanceof Float64Array && allFinite(values)) return;
  checkList(what, values);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new InputError(`${what} holds ${formatValue(values[i])} at row ${firstRow + i}; ${fix}`);
  }
}

/** Whether `x` is a list: an array, a typed array, or an object with a numeric length (not a string). */
export function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return Array.isArray(x) || ArrayBuffer.isView(x) || (typeof x === 'object' && x !== null && typeof (x as { length?: unknown }).length === 'number');
}

/** A list of values (array or typed array), refused naming the argument for anything else: a plain-JavaScript caller's undefined or object. */
export function checkList(name: string, x: unknown): asserts x is ArrayLike<unknown> {
  if (!isArrayLike(x)) throw new InputError(`${name} must be a list of numbers (an array or a Float64Array), got ${describeArgument(x)}`);
}

/** An argument in words for errors: its type, and its value when short. */
export function describeArgument(x: unknown): string {
  if (x === undefined || x === null) return String(x);
  if (typeof x === 'object') return `${x.constructor?.name === 'Object' || !x.constructor ? 'an object' : `a ${x.constructor.name}`} ${formatValue(x)}`.trim();
  return `${typeof x} ${formatValue(x)}`;
}

/** An options object: undefined gives {}, anything but a plain object is refused naming the caller. */
export function checkOptions<T extends object>(caller: string, options: T | undefined): T {
  if (options === undefined || options === null) return {} as T;
  if (typeof options !== 'object' || Array.isArray(options))
    throw new InputError(`${caller}: the options must be an object such as { ... }, got ${describeArgument(options)}`);
  return options;
}

/** Two time series row for row (a spread, a rolling correlation): the same length, or the fix for aligning them. */
export function checkAligned(what: string, a: ArrayLike<unknown>, b: ArrayLike<unknown>): void {
  checkList(what, a);
  checkList(what, b);
  if (a.length !== b.length)
    throw new InputError(`${what}: series have ${a.length} and ${b.length} values; align them first (joinAsOf, or both columns of one table)`);
}

/** Two arrays of the same length (actual vs predicted, x vs y). */
export function checkSameLength(aName: string, a: ArrayLike<unknown>, bName: string, b: ArrayLike<unknown>): void {
  checkList(aName, a);
  checkList(bName, b);
  if (a.length !== b.length) throw new InputError(`${aName} has ${a.length} values but ${bName} has ${b.length}; they must be the same length`);
}

/** A non-empty array. */
export function checkNonEmpty(name: string, a: ArrayLike<unknown>): void {
  checkList(name, a);
  if (a.length === 0) throw new InputError(`${name} is empty; pass at least one value`);
}

/** One of a fixed set of names (`strategy`, `loss`, ...), listing the valid ones. */
export function checkOneOf<T extends string>(name: string, value: unknown, valid: readonly T[]): T {
  if (!valid.includes(value as T)) throw new InputError(`unknown ${name} ${formatValue(value)} (valid: ${valid.join(', ')})`);
  return value as T;
}

/** A text argument (a path, a name), refused naming it when it is anything else. */
export function checkString(name: string, x: unknown): asserts x is string {
  if (typeof x !== 'string') throw new InputError(`${name} must be text (a string), got ${describeArgument(x)}`);
}

/** An object argument with these properties (a result, a figure, a notebook), refused naming what it should be. */
export function checkObjectWith(caller: string, x: unknown, keys: readonly string[], what: string): void {
  const ok = typeof x === 'object' && x !== null && !Array.isArray(x) && keys.every((k) => (x as Record<string, unknown>)[k] !== undefined);
  if (!ok) throw new InputError(`${caller} takes ${what}, got ${describeArgument(x)}`);
}

/** Shared test helpers: golden fixtures, tolerant comparisons and the tensor-leak check. */
import * as fs from 'fs';
import * as path from 'path';
import { expect } from 'chai';
import { tf } from '../lib/backend';

/** A golden-value file written by scripts/make-fixtures.py. */
export function fixture<T = any>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8'));
}

export const DATASETS = path.join(__dirname, '..', 'datasets');

/** Element-wise closeness with a relative tolerance; null in `expected` means NaN. */
export function expectClose(actual: ArrayLike<number>, expected: readonly (number | null)[], rtol = 1e-9, what = 'value'): void {
  expect(actual.length, `${what}: length`).to.equal(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e === null) {
      expect(Number.isNaN(a), `${what}[${i}]: expected NaN, got ${a}`).to.equal(true);
    } else {
      const tol = rtol * Math.max(1, Math.abs(e));
      expect(Math.abs(a - e), `${what}[${i}]: ${a} vs ${e}`).to.be.at.most(tol);
    }
  }
}

/** Scalar closeness with relative tolerance. */
export function expectNear(actual: number, expected: number, rtol = 1e-9, what = 'value'): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).to.be.at.most(rtol * Math.max(1, Math.abs(expected)));
}

/** Runs `fn` and asserts that the number of live tensors is back to where it started. */
export async function expectNoTensorLeak<T>(fn: () => Promise<T> | T): Promise<T> {
  const before = tf.memory().numTensors;
  const result = await fn();
  const after = tf.memory().numTensors;
  expect(after, `tensor leak: ${after - before} tensors left alive`).to.equal(before);
  return result;
}

/** Asserts that `fn` throws an error of class `cls` whose message matches every pattern. */
export function expectError(fn: () => unknown, cls: new (...a: any[]) => Error, ...patterns: (string | RegExp)[]): Error {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught, 'expected an error').to.be.instanceOf(cls);
  const msg = (caught as Error).message;
  for (const p of patterns) {
    if (typeof p === 'string') expect(msg).to.include(p);
    else expect(msg).to.match(p);
  }
  return caught as Error;
}

/** Async version of `expectError`. */
export async function expectRejects(fn: () => Promise<unknown>, cls: new (...a: any[]) => Error, ...patterns: (string | RegExp)[]): Promise<Error> {
  let caught: unknown;
  try {
    await fn();
  } catch (err) {
    caught = err;
  }
  expect(caught, 'expected a rejection').to.be.instanceOf(cls);
  for (const p of patterns) {
    if (typeof p === 'string') expect((caught as Error).message).to.include(p);
    else expect((caught as Error).message).to.match(p);
  }
  return caught as Error;
}

/** A fresh temporary folder under the system temp dir. */
export function tempDir(prefix = 'tsdl-test-'): string {
  return fs.mkdtempSync(path.join(require('os').tmpdir(), prefix));
}

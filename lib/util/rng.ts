/**
 * Seeded pseudo-random numbers. tfjs and JavaScript have no global seed, so every random choice the
 * library makes (shuffling, splits, bootstrap, initialisers) takes one of these, derived from one seed.
 */

import { InputError } from './errors';
import {} from './check';

/** A function returning uniform numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32: a small, fast 32-bit generator; the same seed gives the same sequence on every platform. */
export function seededRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new InputError(`seed must be a finite number, got ${seed}; pass an integer, e.g. 42`);
  let a = Math.floor(seed) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derives an independent seed for a named sub-task, so one user seed can drive several generators. */
export function deriveSeed(seed: number, salt: number): number {
  let h = (Math.floor(seed) ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Fisher–Yates permutation of 0..n-1. */
export function permutation(n: number, rng: Rng): Int32Array {
  if (typeof rng !== 'function') throw new InputError(`permutation takes a row count and a random number generator (seededRng(seed)), got ${typeof rng}`);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}

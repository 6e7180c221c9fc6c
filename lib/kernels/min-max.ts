/**
 * `minMax`: the smallest and largest value of a Float64Array and whether it holds NaN, in one pass — what a
 * min-max scaler learns. Long columns go through a small WebAssembly SIMD kernel, two values per instruction;
 * V8 compiles JavaScript to scalar code, and this loop is bound by its compare instructions, not by memory.
 *
 * The kernel reads from its own 64 KiB of WebAssembly memory (it cannot see a JavaScript ArrayBuffer), so the
 * column is copied through in chunks that stay in the CPU cache; it beats the scalar loop (`minMaxScalar`) by the
 * ratio in docs/performance.md. Where WebAssembly SIMD is missing (Node < 16.4)
 * the scalar loop runs, and for a column with NaN. Both give the same min and max, except that one may return
 * 0 where the other returns -0 when both occur.
 *
 * The module (one function, a dozen distinct opcodes) is assembled below byte by byte, so it needs no
 * toolchain; `test/kernels/min-max.test.ts` checks it against a plain loop. In the WebAssembly text format:
 *
 *   (memory (export "memory") 2)
 *   ;; min/max/NaN over the chunk at CHUNK_AT, n bytes (a multiple of 32); running results at 0 (min),
 *   ;; 16 (max), 32 (NaN: all bits set in a lane that saw one)
 *   (func (export "minmax") (param $n i32) (local $mn0 v128) (local $mx0 v128) (local $mn1 v128)
 *       (local $mx1 v128) (local $nan v128) (local $v v128) (local $i i32)
 *     (local.set $mn0 (v128.load (i32.const 0)))  (local.set $mx0 (v128.load (i32.const 16)))
 *     (local.set $nan (v128.load (i32.const 32))) (local.set $mn1 (local.get $mn0)) (local.set $mx1 (local.get $mx0))
 *     (block (br_if 0 (i32.eqz (local.get $n)))
 *       (loop
 *         (local.set $v (v128.load offset=CHUNK_AT (local.get $i)))
 *         (local.set $mn0 (f64x2.pmin (local.get $v) (local.get $mn0)))   ;; mn0 < v ? mn0 : v
 *         (local.set $mx0 (f64x2.pmax (local.get $v) (local.get $mx0)))
 *         (local.set $nan (v128.or (local.get $nan) (f64x2.ne (local.get $v) (local.get $v))))
 *         ... the same for the next two values into $mn1, $mx1 ...
 *         (br_if 0 (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 32))) (local.get $n)))))
 *     (v128.store (i32.const 0) (f64x2.min (local.get $mn0) (local.get $mn1)))
 *     (v128.store (i32.const 16) (f64x2.max (local.get $mx0) (local.get $mx1)))
 *     (v128.store (i32.const 32) (local.get $nan)))
 *
 * pmin/pmax are one instruction each (a compare and a select) where min/max, which must propagate NaN, take
 * six; a NaN makes pmin/pmax return it or skip it depending on the operand order, which is why NaN is tracked
 * on its own (v != v).
 */

import { C_HELPER_MIN_LENGTH, cHelper } from './c-helper';

/** The C helper's answer: min, max, NaN. */
const result = new Float64Array(3);

const CHUNK_AT = 64;
const CHUNK = 8192; // values per chunk: 64 KiB

export interface MinMax {
  min: number;
  max: number;
  /** Whether any value is NaN (min and max then cover the other values). */
  nan: boolean;
}

/** Min, max and NaN of `x` with a scalar loop: four values per iteration into two pairs of running results. */
export function minMaxScalar(x: Float64Array): MinMax {
  const n = x.length;
  let mn0 = Infinity;
  let mn1 = Infinity;
  let mx0 = -Infinity;
  let mx1 = -Infinity;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a = x[i];
    const b = x[i + 1];
    const c = x[i + 2];
    const d = x[i + 3];
    // Math.min/max turn NaN once they meet one: counted after the loop instead of tested per value.
    mn0 = Math.min(mn0, a, b);
    mn1 = Math.min(mn1, c, d);
    mx0 = Math.max(mx0, a, b);
    mx1 = Math.max(mx1, c, d);
  }
  for (; i < n; i++) {
    mn0 = Math.min(mn0, x[i]);
    mx0 = Math.max(mx0, x[i]);
  }
  const min = Math.min(mn0, mn1);
  const max = Math.max(mx0, mx1);
  if (min === min) return { min, max, nan: false };
  // A NaN somewhere: the min and max of the other values, with a branch per value (the rare path).
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = 0; j < n; j++) {
    const v = x[j];
    if (v < lo) lo = v; // false for NaN
    if (v > hi) hi = v;
  }
  return { min: lo, max: hi, nan: true };
}

/**
 * Min, max and NaN of `x`: the C helper's kernel when it is built (native/min-max.c: no copying), else the
 * WebAssembly SIMD kernel for long columns; the scalar loop for short ones and for a column with NaN.
 */
export function minMax(x: Float64Array): MinMax {
  const helper = x.length >= C_HELPER_MIN_LENGTH ? cHelper() : null;
  if (helper) {
    // With the C helper: straight from the column's memory, four values per instruction (native/min-max.c).
    helper.minMax(x, result);
    if (result[2] === 0) return { min: result[0], max: result[1], nan: false };
    return minMaxScalar(x);
  }
  if (x.length >= 1024) {
    const r = minMaxSimd(x);
    if (r && !r.nan) return r;
  }
  return minMaxScalar(x);
}

/**
 * The SIMD kernel's answer, undefined where WebAssembly SIMD is missing. With `nan` true, min and max are NaN:
 * a lane that meets a NaN drops the values before it (pmin/pmax), so only the scalar loop can say more.
 */
export function minMaxSimd(x: Float64Array): MinMax | undefined {
  const kernel = simdKernel();
  if (!kernel) return undefined;
  const { run, acc, chunk } = kernel;
  acc[0] = acc[1] = Infinity;
  acc[2] = acc[3] = -Infinity;
  acc[4] = acc[5] = 0;
  const n = x.length;
  const body = n & ~3; // the kernel takes four values per iteration
  for (let off = 0; off < body; off += CHUNK) {
    const m = Math.min(CHUNK, body - off);
    chunk.set(x.subarray(off, off + m));
    run(m * 8);
  }
  let min = Math.min(acc[0], acc[1]);
  let max = Math.max(acc[2], acc[3]);
  let nan = acc[4] !== 0 || acc[5] !== 0; // a lane that saw NaN has all bits set: a NaN double
  for (let i = body; i < n; i++) {
    min = Math.min(min, x[i]); // Math.min/max turn NaN on a NaN
    max = Math.max(max, x[i]);
  }
  nan ||= min !== min;
  return nan ? { min: NaN, max: NaN, nan } : { min, max, nan };
}

/** Whether the WebAssembly SIMD kernel runs here (Node ≥ 16.4); otherwise `minMax` is the scalar loop. */
export function hasSimdMinMax(): boolean {
  return simdKernel() !== null;
}

interface Kernel {
  run: (nBytes: number) => void;
  acc: Float64Array;
  chunk: Float64Array;
}

let kernel: Kernel | null | undefined;

/** The instantiated kernel, or null where WebAssembly SIMD is not available. */
function simdKernel(): Kernel | null {
  if (kernel !== undefined) return kernel;
  kernel = null;
  try {
    const bytes = moduleBytes();
    if (typeof WebAssembly === 'object' && WebAssembly.validate(bytes)) {
      const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as { memory: WebAssembly.Memory; minmax: (n: number) => void };
      kernel = { run: exports.minmax, acc: new Float64Array(exports.memory.buffer, 0, 6), chunk: new Float64Array(exports.memory.buffer, CHUNK_AT, CHUNK) };
    }
  } catch {
    kernel = null;
  }
  return kernel;
}

// ---- The module's bytes (see the text format above) ----

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

function moduleBytes(): Uint8Array {
  const I32 = 0x7f;
  const V128 = 0x7b;
  const get = (i: number) => [0x20, i];
  const set = (i: number) => [0x21, i];
  const tee = (i: number) => [0x22, i];
  const i32 = (v: number) => [0x41, ...uleb(v)]; // non-negative constants below 64 only (signed LEB = unsigned there)
  const simd = (op: number) => [0xfd, ...uleb(op)];
  const load = (offset: number) => [...simd(0x00), 3, ...uleb(offset)]; // v128.load, alignment 2^3
  const store = (offset: number) => [...simd(0x0b), 3, ...uleb(offset)]; // v128.store
  const [PMIN, PMAX, MIN, MAX, NE, OR] = [0xf6, 0xf7, 0xf4, 0xf5, 0x48, 0x50]; // f64x2.pmin … v128.or
  // locals: 0 $n (param), 1 $mn0, 2 $mx0, 3 $mn1, 4 $mx1, 5 $nan, 6 $v (v128), 7 $i (i32)
  const step = (at: number, mn: number, mx: number) => [
    ...get(7),
    ...load(CHUNK_AT + at),
    ...set(6),
    ...get(6),
    ...get(mn),
    ...simd(PMIN),
    ...set(mn),
    ...get(6),
    ...get(mx),
    ...simd(PMAX),
    ...set(mx),
    ...get(5),
    ...get(6),
    ...get(6),
    ...simd(NE),
    ...simd(OR),
    ...set(5),
  ];
  const body = [
    ...vec([
      [6, V128],
      [1, I32],
    ]),
    ...i32(0),
    ...load(0),
    ...set(1),
    ...i32(0),
    ...load(16),
    ...set(2),
    ...i32(0),
    ...load(32),
    ...set(5),
    ...get(1),
    ...set(3),
    ...get(2),
    ...set(4),
    0x02,
    0x40, // block
    ...get(0),
    0x45,
    0x0d,
    0, // br_if 0 (i32.eqz $n)
    0x03,
    0x40, // loop
    ...step(0, 1, 2),
    ...step(16, 3, 4),
    ...get(7),
    ...i32(32),
    0x6a,
    ...tee(7),
    ...get(0),
    0x49,
    0x0d,
    0, // $i += 32; br_if 0 ($i <u $n)
    0x0b,
    0x0b, // end loop, end block
    ...i32(0),
    ...get(1),
    ...get(3),
    ...simd(MIN),
    ...store(0),
    ...i32(0),
    ...get(2),
    ...get(4),
    ...simd(MAX),
    ...store(16),
    ...i32(0),
    ...get(5),
    ...store(32),
    0x0b,
  ];
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00, // "\0asm", version 1
    ...section(1, vec([[0x60, ...vec([[I32]]), 0]])), // type 0: (i32) -> ()
    ...section(3, vec([[0]])), // one function of type 0
    ...section(5, vec([[0x00, 2]])), // memory: 2 pages (128 KiB), no maximum
    ...section(
      7,
      vec([
        [...name('memory'), 0x02, 0],
        [...name('minmax'), 0x00, 0],
      ]),
    ),
    ...section(10, vec([[...uleb(body.length), ...body]])),
  ]);
}

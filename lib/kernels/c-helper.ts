/**
 * The optional C helper: a few C functions (`native/`) for what Node cannot do from JavaScript, compiled by
 * `scripts/setup.sh` into `build/tsdl-helper.node` when a C compiler and Node's headers are there (Debian: `gcc`,
 * `libnode-dev`). Without it everything works the same, with the same values, only slower in seven places:
 *
 * - huge pages for large arrays (`native/huge-pages.c`, used by lib/kernels/huge-pages.ts);
 * - malloc thresholds set at their ceilings when the library loads (`native/malloc-thresholds.c`), so that arrays
 *   freed by V8's collector in bursts leave memory mapped for the next ones instead of faulting it in again;
 * - elementwise loops four values per instruction (`native/elementwise.c`): `pctChange`, and the scalers' transforms;
 * - min, max and NaN of a column in one pass without copying it (`native/min-max.c`), for `minMaxScaler.fit`;
 * - the rows of a CSV scanned in C (`native/scan-csv.c`, the same loop as lib/data/csv-scan.ts scanRows);
 * - the inputs of sliding windows, one contiguous copy per window (`native/windows.c`, for `makeWindows`);
 * - whole LSTM and GRU sequences forward and backward (`native/recurrent.c`, lib/kernels/recurrent.ts).
 *
 * `TSDL_C_HELPER=off` in the environment leaves the helper unloaded (to compare, or to rule it out). Before it
 * loads, OPENBLAS_CORETYPE is set from the CPU's flags unless already set (kernels/blas-core.ts).
 */
import * as path from 'path';
import { chooseBlasCore } from './blas-core';

/** The buffers of a recurrent forward call: inputs, dims [B, T, F, H], then the outputs it fills. */
export type RnnForwardArgs = [
  x: Float32Array,
  w: Float32Array,
  u: Float32Array,
  bias: Float32Array,
  dims: Float64Array,
  gates: Float32Array,
  state: Float32Array,
  h: Float32Array,
];
/** The buffers of a recurrent backward call: the forward's inputs and saved activations, the incoming gradient, the gradients it fills, work space. */
export type RnnBackwardArgs = [
  x: Float32Array,
  w: Float32Array,
  u: Float32Array,
  gates: Float32Array,
  state: Float32Array,
  h: Float32Array,
  dhSeq: Float32Array | undefined,
  dhLast: Float32Array | undefined,
  dims: Float64Array,
  dx: Float32Array,
  dw: Float32Array,
  du: Float32Array,
  db: Float32Array,
  dz: Float32Array,
  scratch1: Float32Array,
  scratch2: Float32Array,
];

export interface CHelper {
  /** madvise(MADV_HUGEPAGE) on the buffer; the offset of its first 2 MiB boundary, or -1. */
  adviseHugePages(buffer: ArrayBuffer): number;
  /** glibc's mmap and trim thresholds at 32 and 64 MiB; false where the C library is not glibc. */
  setMallocThresholds(): boolean;
  /** out[t] = x[t] / x[t - k] - 1, NaN for t < k. */
  pctChange(x: Float64Array, k: number, out: Float64Array): void;
  /** out[i] = (x[i] - offset) / divisor + shift. */
  subtractDivideAdd(x: Float64Array, offset: number, divisor: number, shift: number, out: Float64Array): void;
  /** out[i] = x[i] * mul + add (not fused: the same two roundings as JavaScript). */
  multiplyAdd(x: Float64Array, mul: number, add: number, out: Float64Array): void;
  /** result = [min, max, 1 when x holds NaN else 0], NaN skipped by min and max. */
  minMax(x: Float64Array, result: Float64Array): void;
  /**
   * The rows of a CSV from byte state[0] on (native/scan-csv.c; lib/data/csv-scan.ts scanAll): fills the columns,
   * row starts, text starts and quoted-row flags, updates state [next byte, rows, next line, column], returns why it stopped.
   */
  scanRows(
    b: Uint8Array,
    state: Float64Array,
    dc: number,
    comma: number,
    width: number,
    maxRows: number,
    cols: Float64Array[],
    rowStarts: Int32Array,
    textStarts: (Int32Array | undefined)[],
    quotedRows: Uint8Array | undefined,
  ): number;
  /**
   * x[w, t, f] = cols[f][s0 + w * stride + t] as float32 (native/windows.c); false when it could not allocate its
   * block of rows (the caller then fills x itself).
   */
  fillWindowInputs(cols: Float64Array[], s0: number, count: number, stride: number, lookback: number, x: Float32Array): boolean;
  /** "avx2", "sse2" or "compiler default": the vector instructions the elementwise loops and minMax use here. */
  vectorInstructions: string;
  /** A whole LSTM (0) or GRU (1) sequence forward (native/recurrent.c); the first non-finite x index, or an RNN_* code. */
  rnnForward(cell: number, ...args: RnnForwardArgs): number;
  /** Backward through time into dx, dw, du, db; an RNN_* code. */
  rnnBackward(cell: number, ...args: RnnBackwardArgs): number;
  /** Caps the recurrent kernels' instruction set and switches OpenBLAS; returns what is in use. */
  useKernels(options: { isa?: number; blas?: boolean }): { isa: string; matrixLibrary: string };
}

/** Below this many values a call into C costs more than it saves. */
export const C_HELPER_MIN_LENGTH = 256;

const FUNCTIONS = [
  'adviseHugePages',
  'setMallocThresholds',
  'pctChange',
  'subtractDivideAdd',
  'multiplyAdd',
  'minMax',
  'scanRows',
  'fillWindowInputs',
  'rnnForward',
  'rnnBackward',
  'useKernels',
] as const;

/** Why the helper is not in use, when it is not. */
let absent = '';

function load(): CHelper | null {
  if (process.env.TSDL_C_HELPER === 'off') {
    absent = 'off (TSDL_C_HELPER=off)';
    return null;
  }
  // OpenBLAS reads its kernel family once, when it loads with the helper: set it from the CPU's flags first.
  chooseBlasCore();
  let helper: CHelper;
  try {
    // lib/util or dist/util → the project root's build/.
    helper = require(path.join(__dirname, '..', '..', 'build', 'tsdl-helper.node')) as CHelper;
  } catch {
    absent = 'not built (bash scripts/setup.sh builds it where a C compiler is installed); data preparation runs in TypeScript alone, slower';
    return null;
  }
  // A build from older sources lacks newer functions: ignored, not half used.
  if (FUNCTIONS.some((f) => typeof helper[f] !== 'function')) {
    absent = 'out of date (bash scripts/setup.sh rebuilds it); data preparation runs in TypeScript alone, slower';
    return null;
  }
  // A process-wide setting, on by default because it is what keeps large-array loops from page-faulting (the
  // measurements are in docs/performance.md, "Memory"); TSDL_MALLOC_THRESHOLDS=off leaves glibc's defaults.
  if (process.env.TSDL_MALLOC_THRESHOLDS !== 'off') helper.setMallocThresholds();
  return helper;
}

// Loaded at first use — initBackend, or the first call that needs a kernel — never on import: importing the
// package loads no native file and leaves the process's malloc settings and environment alone.
let state: { helper: CHelper | null } | undefined;
let enabled = true;

function loaded(): CHelper | null {
  state ??= { helper: load() };
  return state.helper;
}

/** Loads the helper now if it is not loaded (initBackend calls it, so its malloc settings apply from the start). */
export function loadCHelper(): boolean {
  return loaded() !== null;
}

/** Whether the helper's native file has been loaded into this process (it is not, until first use). */
export function cHelperLoaded(): boolean {
  return state !== undefined && state.helper !== null;
}

/** One line for logs and reports: "built (avx2)", or why it is not in use. */
export function describeCHelper(): string {
  const helper = loaded();
  if (helper === null) return absent;
  if (!enabled) return 'switched off (useCHelper(false))';
  const k = helper.useKernels({});
  return `built (${helper.vectorInstructions}; recurrent kernels ${k.isa}, ${k.matrixLibrary})`;
}

/** The compiled helper, or null when it was not built, cannot load here, or is switched off. */
export function cHelper(): CHelper | null {
  return enabled ? loaded() : null;
}

/**
 * Switches the helper's functions off (false) or back on for this process, e.g. to time or test the TypeScript
 * loops it stands in for. The malloc thresholds, once set at load, stay. Returns whether it is now in use.
 */
export function useCHelper(on: boolean): boolean {
  enabled = on;
  return on && loaded() !== null;
}

/**
 * The recurrent kernels: a whole LSTM or GRU sequence forward, and backward through time, in one call each.
 * The C version (native/recurrent.c: OpenBLAS for the matrix products where linked, gate loops vectorised for
 * AVX-512, AVX2 or SSE2) is chosen once when the helper is built; otherwise, or after `useCHelper(false)`, the
 * TypeScript reference (recurrent-reference.ts) runs, with the same results to float32 rounding.
 */
import { cHelper, RnnBackwardArgs, RnnForwardArgs } from './c-helper';
import { RecurrentCell } from './recurrent-codes';
import { referenceBackward, referenceForward } from './recurrent-reference';
import { checkObjectWith } from '../util/check';

export interface RecurrentKernel {
  /** "c (avx512, openblas)" or "typescript". */
  readonly name: string;
  forward(cell: RecurrentCell, ...args: RnnForwardArgs): number;
  backward(cell: RecurrentCell, ...args: RnnBackwardArgs): number;
}

const reference: RecurrentKernel = { name: 'typescript', forward: referenceForward, backward: referenceBackward };

let compiled: RecurrentKernel | undefined;

/** The kernel in use now: the C one when the helper is built and on, else the TypeScript reference. */
export function recurrentKernel(): RecurrentKernel {
  const c = cHelper();
  if (c === null) return reference;
  // Built once: every layer's forward pass asks for the kernel, and only a report needs the name.
  compiled ??= {
    get name() {
      const { isa, matrixLibrary } = c.useKernels({});
      return `c (${isa}, ${matrixLibrary})`;
    },
    forward: (cell, ...rest) => c.rnnForward(cell === 'lstm' ? 0 : 1, ...rest),
    backward: (cell, ...rest) => c.rnnBackward(cell === 'lstm' ? 0 : 1, ...rest),
  };
  return compiled;
}

/** Whether the recurrent layers run compiled code here (the builders use tfjs's own layers when not). */
export function fastRecurrentKernel(): boolean {
  return cHelper() !== null;
}

export interface UseKernelsOptions {
  /** Highest instruction set: 0 = SSE2, 1 = AVX2, 2 = AVX-512. Defaults to leaving it as it is. */
  isa?: 0 | 1 | 2;
  /** Use OpenBLAS for the matrix products. Defaults to leaving it as it is. */
  blas?: boolean;
}

/**
 * Caps the C kernels' instruction set (0 = SSE2, 1 = AVX2, 2 = AVX-512) and switches OpenBLAS on or off, for
 * tests and benchmarks that compare the versions; returns what is in use after it. Null without the helper.
 */
export function useKernels(options: UseKernelsOptions): { isa: string; matrixLibrary: string } | null {
  checkObjectWith('useKernels', options, [], 'options such as { matrixLibrary }');
  const c = cHelper();
  return c === null ? null : c.useKernels(options);
}

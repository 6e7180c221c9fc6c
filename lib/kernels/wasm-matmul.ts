/**
 * A faster matMul for the wasm backend. tfjs-backend-wasm sends a matMul to XNNPACK only when neither operand
 * is transposed; every backward-pass matMul is transposed and falls to a much slower scalar loop (docs/performance.md).
 * This wraps the registered `BatchMatMul` and `_FusedMatMul` kernels: a transposed operand is transposed
 * explicitly first (a cheap copy), then the fast path runs. Results are the same products, summed in the
 * same order per output element.
 */
import * as tf from '../tf';

type KernelFunc = tf.KernelConfig['kernelFunc'];
type TensorInfo = tf.TensorInfo;

let installed = false;

function transposeLastTwo(x: TensorInfo, backend: object, transpose: KernelFunc): TensorInfo {
  const rank = x.shape.length;
  const perm = [...Array(rank).keys()];
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return transpose({ inputs: { x }, backend, attrs: { perm } } as never) as TensorInfo;
}

function wrap(kernelName: string, transpose: KernelFunc): void {
  const original = tf.getKernel(kernelName, 'wasm');
  if (!original) return;
  const inner = original.kernelFunc;
  const fast: KernelFunc = (args) => {
    const { inputs, backend, attrs } = args as unknown as {
      inputs: { a: TensorInfo; b: TensorInfo } & Record<string, TensorInfo>;
      backend: { disposeData(id: object): void };
      attrs: { transposeA: boolean; transposeB: boolean } & Record<string, unknown>;
    };
    if (!attrs.transposeA && !attrs.transposeB) return inner(args);
    const temps: TensorInfo[] = [];
    const a = attrs.transposeA ? transposeLastTwo(inputs.a, backend, transpose) : inputs.a;
    const b = attrs.transposeB ? transposeLastTwo(inputs.b, backend, transpose) : inputs.b;
    if (a !== inputs.a) temps.push(a);
    if (b !== inputs.b) temps.push(b);
    try {
      return inner({ ...args, inputs: { ...inputs, a, b }, attrs: { ...attrs, transposeA: false, transposeB: false } } as never);
    } finally {
      for (const t of temps) backend.disposeData(t.dataId);
    }
  };
  tf.unregisterKernel(kernelName, 'wasm');
  tf.registerKernel({ ...original, kernelFunc: fast });
}

/** Installs the wrapper once, after the wasm backend's kernels are registered. Off with TSDL_WASM_MATMUL=plain. */
export function installWasmMatMulFastPath(): void {
  if (installed || process.env.TSDL_WASM_MATMUL === 'plain') return;
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (!transpose) return;
  wrap('BatchMatMul', transpose.kernelFunc);
  wrap('_FusedMatMul', transpose.kernelFunc);
  installed = true;
}

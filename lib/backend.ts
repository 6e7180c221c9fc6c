/**
 * The one module that loads TensorFlow.js and chooses its backend. Everything else in `lib/` imports `tf`
 * from here, so that a single tfjs instance and a single choice of backend serve the whole library.
 *
 * Order of preference: the native `tensorflow` backend (when `@tensorflow/tfjs-node` and its compiled addon
 * load), then `wasm` (SIMD, XNNPACK), then `cpu`. `TSDL_BACKEND=tensorflow|wasm|cpu` forces one; a forced
 * backend that cannot load is an error, never a silent fallback.
 */
import * as os from 'os';
import * as tf from './tf';
import { InputError, TsdlError } from './util/errors';
import { installWasmMatMulFastPath } from './kernels/wasm-matmul';
import { describeCHelper, loadCHelper } from './kernels/c-helper';
import { checkString, checkObjectWith } from './util/check';

export { tf };

/** The backends the library knows, fastest first. */
export const BACKENDS = ['tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** What runs, and why: the answer to "which backend am I on?". */
export interface BackendInfo {
  /** The active tfjs backend. */
  backend: BackendName;
  /** `@tensorflow/tfjs` version. */
  tfjsVersion: string;
  /** Threads the backend computes with (wasm in Node runs one; native uses TensorFlow's own pool). */
  threads: number;
  /** Whether the backend was forced by `TSDL_BACKEND` or an argument. */
  forced: boolean;
  /** Why faster backends were not used, one line each (empty when the first choice loaded). */
  skipped: string[];
  /** Node.js version. */
  node: string;
}

let current: BackendInfo | undefined;
let pending: Promise<BackendInfo> | undefined;

/** Validates a backend name, listing the valid ones when it is unknown. */
export function parseBackendName(name: string): BackendName {
  checkString('parseBackendName: name', name);
  const clean = name.trim().toLowerCase();
  if ((BACKENDS as readonly string[]).includes(clean)) return clean as BackendName;
  throw new InputError(`unknown backend "${name}" (valid: ${BACKENDS.join(', ')}); set TSDL_BACKEND to one of them or unset it`);
}

/** Tries to load the native addon. Returns the reason it failed, or undefined when `tensorflow` is registered. */
function loadNative(): string | undefined {
  // The project installs tfjs-node under the alias `tfjs-node-native`: danfo's own `@tensorflow/tfjs-node`
  // dependency is overridden to plain tfjs, so that path is not a test of the native backend.
  const candidates = ['tfjs-node-native', '@tensorflow/tfjs-node'];
  const reasons: string[] = [];
  // TensorFlow's C library logs CPU-feature notes at start-up; keep notebooks and test output clean.
  process.env.TF_CPP_MIN_LOG_LEVEL ??= '2';
  for (const id of candidates) {
    let pkg: { name?: string };
    try {
      pkg = require(`${id}/package.json`);
    } catch {
      if (id === candidates[0]) reasons.push(`${id} is not installed (bash scripts/native-backend.sh builds it from PyPI's TensorFlow)`);
      continue;
    }
    // danfo's overridden dependency puts plain tfjs at this path: not an addon, nothing to report.
    if (pkg.name !== '@tensorflow/tfjs-node') continue;
    try {
      require(id);
    } catch (err) {
      reasons.push(`${id}: ${(err as Error).message.split('\n')[0]}`);
      continue;
    }
    if (tf.findBackend('tensorflow') !== null) return undefined;
    reasons.push(`${id}: loaded but registered no "tensorflow" backend`);
  }
  return `native addon not available (${reasons.join('; ')}); see docs/native-backend.md`;
}

async function activate(name: BackendName): Promise<string | undefined> {
  if (name === 'tensorflow') {
    const reason = loadNative();
    if (reason) return reason;
  } else if (name === 'wasm') {
    try {
      // Emscripten's loader installs process-wide handlers that rethrow any uncaught error from inside its
      // minified source, so Node prints a 30 kB line instead of the user's stack: take them back out.
      const before = new Set([...process.listeners('uncaughtException'), ...process.listeners('unhandledRejection')]);
      require('@tensorflow/tfjs-backend-wasm');
      for (const l of process.listeners('uncaughtException')) if (!before.has(l)) process.removeListener('uncaughtException', l);
      for (const l of process.listeners('unhandledRejection')) if (!before.has(l)) process.removeListener('unhandledRejection', l);
      installWasmMatMulFastPath();
    } catch (err) {
      return `wasm: ${(err as Error).message.split('\n')[0]}`;
    }
  }
  try {
    const ok = await tf.setBackend(name);
    if (!ok) return `${name}: setBackend returned false`;
    await tf.ready();
  } catch (err) {
    return `${name}: ${(err as Error).message.split('\n')[0]}`;
  }
  return undefined;
}

function threadsOf(name: BackendName): number {
  if (name === 'wasm') {
    const wasm = require('@tensorflow/tfjs-backend-wasm') as { getThreadsCount?: () => number };
    return wasm.getThreadsCount ? wasm.getThreadsCount() : 1;
  }
  if (name === 'tensorflow') return os.cpus().length;
  return 1;
}

/**
 * Loads TensorFlow.js and picks the backend. Safe to call many times: the first call decides.
 *
 * @param backend Force a backend. Defaults to `TSDL_BACKEND`, else the fastest that loads.
 * @example
 * const info = await initBackend();   // { backend: 'wasm', threads: 1, ... }
 */
export function initBackend(backend?: string): Promise<BackendInfo> {
  if (backend !== undefined) checkString('initBackend: backend', backend);
  const wanted = backend ?? process.env.TSDL_BACKEND;
  if (current && (!wanted || parseBackendName(wanted) === current.backend)) return Promise.resolve(current);
  if (pending && !wanted) return pending;
  // The C helper loads here (not on import): its malloc settings then hold from the first large array on.
  loadCHelper();
  pending = (async () => {
    // Production mode silences tfjs's "install the node backend" banner: the choice is reported by us.
    tf.enableProdMode();
    const forced = wanted !== undefined && wanted !== '';
    const order: BackendName[] = forced ? [parseBackendName(wanted!)] : [...BACKENDS];
    const skipped: string[] = [];
    for (const name of order) {
      const reason = await activate(name);
      if (reason === undefined) {
        current = { backend: name, tfjsVersion: tf.version.tfjs, threads: threadsOf(name), forced, skipped, node: process.version };
        return current;
      }
      skipped.push(reason);
    }
    pending = undefined;
    throw new TsdlError(`could not start the ${order.join('/')} backend: ${skipped.join('; ')}`);
  })();
  return pending;
}

/** The backend chosen by `initBackend`, or throws if it has not run yet. */
export function backendInfo(): BackendInfo {
  if (!current) throw new TsdlError('no backend yet: call `await initBackend()` first (it picks tensorflow, wasm or cpu)');
  return current;
}

/** One line for notebooks and logs: "backend: wasm (tfjs 4.22.0, 1 thread)". */
export function describeBackend(info: BackendInfo = backendInfo()): string {
  checkObjectWith('describeBackend', info, ['backend'], 'the backend information initBackend returns');
  const why = info.skipped.length ? `; skipped: ${info.skipped.join('; ')}` : '';
  return `backend: ${info.backend} (tfjs ${info.tfjsVersion}, ${info.threads} thread${info.threads === 1 ? '' : 's'}${info.forced ? ', forced' : ''})${why}; C helper: ${describeCHelper()}`;
}

/** Throws unless a backend is ready; used by the synchronous builders. */
export function requireBackend(): BackendInfo {
  return backendInfo();
}

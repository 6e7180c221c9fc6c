/**
 * `blasCoreType`: the OpenBLAS kernel family for this processor's vector instructions, set as OPENBLAS_CORETYPE
 * before the C helper (and with it OpenBLAS) loads. Debian's OpenBLAS 0.3.21 does not recognise newer Intel Xeons
 * and falls back to its SSE "Prescott" kernels: 27.9 GFLOP/s against 152 with SkylakeX on one thread (issue 34);
 * on an AMD EPYC it found Cooperlake itself, and Prescott there runs at 39 GFLOP/s against 101 (docs/performance.md).
 * The flags, not the model name, decide: a core is chosen only from instructions the processor reports.
 */
import * as fs from 'fs';

/** The CPU's flags (Linux /proc/cpuinfo, first processor), or undefined where there is no such file. */
export function cpuFlags(cpuinfo = '/proc/cpuinfo'): { flags: Set<string>; vendor: string } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(cpuinfo, 'utf8');
  } catch {
    return undefined;
  }
  const flags = /^flags\s*:\s*(.*)$/m.exec(text)?.[1];
  if (flags === undefined) return undefined;
  return { flags: new Set(flags.trim().split(/\s+/)), vendor: /^vendor_id\s*:\s*(.*)$/m.exec(text)?.[1]?.trim() ?? '' };
}

/**
 * The OpenBLAS core type for these flags: Cooperlake (AVX-512 with bf16), SkylakeX (AVX-512 F/VL/BW/DQ), Zen or
 * Haswell (AVX2 with FMA, by vendor), or undefined to leave OpenBLAS's own choice (older or non-x86 processors).
 * @example blasCoreType({ flags: new Set(['avx2', 'fma']), vendor: 'AuthenticAMD' })  // "ZEN"
 */
export function blasCoreType(cpu: { flags: Set<string>; vendor: string }): string | undefined {
  const has = (...f: string[]) => f.every((x) => cpu.flags.has(x));
  if (has('avx512f', 'avx512vl', 'avx512bw', 'avx512dq', 'avx512_bf16')) return 'COOPERLAKE';
  if (has('avx512f', 'avx512vl', 'avx512bw', 'avx512dq')) return 'SKYLAKEX';
  if (has('avx2', 'fma')) return cpu.vendor === 'AuthenticAMD' ? 'ZEN' : 'HASWELL';
  return undefined;
}

/**
 * Sets OPENBLAS_CORETYPE for this process from the CPU's flags unless the caller set it, or set
 * TSDL_BLAS_CORETYPE=auto to keep OpenBLAS's own detection. Returns the value now in force, if any.
 */
export function chooseBlasCore(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.OPENBLAS_CORETYPE || env.TSDL_BLAS_CORETYPE === 'auto') return env.OPENBLAS_CORETYPE;
  const cpu = cpuFlags();
  const core = cpu && blasCoreType(cpu);
  if (core) env.OPENBLAS_CORETYPE = core;
  return core;
}

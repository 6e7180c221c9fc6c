/**
 * Large output arrays backed by transparent huge pages. Writing a fresh 96 MB array costs one page fault per
 * 4 KiB page — 23,500 of them, half the time of `makeWindows` on 200,000 rows — where NumPy asks Linux for 2 MiB
 * pages and takes about 500. Node cannot ask (no `madvise`), so the optional C helper does
 * (`native/huge-pages.c`; see lib/kernels/c-helper.ts). Without it, or below 4 MiB, this is `new Float32Array(n)`; the
 * values are the same either way.
 */
import { cHelper } from './c-helper';

const MIB = 1 << 20;
/** From this size up an array is worth huge pages (NumPy's threshold). */
const MIN_BYTES = 4 * MIB;

/**
 * A zero-filled Float32Array of length n. From 4 MiB up, with the helper built, it is a view placed at a 2 MiB
 * boundary inside a buffer 2 MiB larger, advised to use huge pages before anything is written to it.
 */
export function largeFloat32(n: number): Float32Array {
  const bytes = n * 4;
  const h = bytes >= MIN_BYTES ? cHelper() : null;
  if (!h) return new Float32Array(n);
  const buffer = new ArrayBuffer(bytes + 2 * MIB);
  const offset = h.adviseHugePages(buffer);
  return new Float32Array(buffer, offset >= 0 ? offset : 0, n);
}

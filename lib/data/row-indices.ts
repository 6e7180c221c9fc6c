/**
 * Row positions for the table's row verbs, computed from columns alone: a stable sort order (missing last), the
 * rows without a missing value, and a column gathered at positions.
 */
import { allFinite } from '../util/check';
import { sortOrder } from './sort-order';
import type { Column } from './table';

/** A column's values at these positions, in this order. */
export function gatherRows(c: Column, indices: ArrayLike<number>): Column {
  if (c instanceof Float64Array) {
    const out = new Float64Array(indices.length);
    for (let i = 0; i < indices.length; i++) out[i] = c[indices[i]];
    return out;
  }
  return Array.from({ length: indices.length }, (_, i) => c[indices[i]]);
}

/**
 * The rows in ascending, stable order of a column (equal values keep their order), missing values last; undefined
 * when that is the order they are in.
 */
export function stableSortOrder(col: Column): Int32Array | undefined {
  const n = col.length;
  const missing: number[] = [];
  const present: number[] = [];
  for (let i = 0; i < n; i++) ((col instanceof Float64Array ? col[i] !== col[i] : col[i] === null) ? missing : present).push(i);
  let order: Int32Array;
  if (col instanceof Float64Array) {
    const keys = Float64Array.from(present, (i) => col[i]);
    const within = sortOrder(keys);
    order = within ? Int32Array.from(within, (j) => present[j]) : Int32Array.from(present);
  } else {
    order = Int32Array.from(present).sort((a, b) => (col[a]! < col[b]! ? -1 : col[a]! > col[b]! ? 1 : a - b));
  }
  if (missing.length === 0 && order.every((r, i) => r === i)) return undefined;
  const all = new Int32Array(n);
  all.set(order);
  all.set(missing, order.length);
  return all;
}

/**
 * The rows of `n` where none of `cols` is missing: undefined for all of them, a run [start, end) when the missing
 * values are only at the start or end (returns, rolling windows: the usual case, a zero-copy slice), else the
 * positions.
 */
export function rowsWithoutMissing(cols: readonly Column[], n: number): { start: number; end: number } | Int32Array | undefined {
  // First pass, reading only: the run of rows every column has values for, and whether any value is missing inside it.
  let start = 0;
  let end = n;
  let inner = false;
  for (const c of cols) {
    const edges = missingEdges(c);
    start = Math.max(start, edges.start);
    end = Math.min(end, edges.end);
    inner ||= edges.inner;
  }
  if (!inner) return start === 0 && end === n ? undefined : { start, end: Math.max(start, end) };
  // Gaps inside: a byte mask over all columns, then the positions kept.
  const drop = new Uint8Array(n);
  for (const c of cols) {
    if (c instanceof Float64Array) {
      for (let i = 0; i < n; i++) if (c[i] !== c[i]) drop[i] = 1;
    } else {
      for (let i = 0; i < n; i++) if (c[i] === null) drop[i] = 1;
    }
  }
  let kept = 0;
  for (let i = 0; i < n; i++) kept += 1 - drop[i];
  const keep = new Int32Array(kept);
  for (let i = 0, j = 0; i < n; i++) if (!drop[i]) keep[j++] = i;
  return keep;
}

/**
 * Where a column's values start and end: rows [start, end) hold the first to the last present value, and
 * `inner` says whether a value is missing between them. All missing: start = end = length.
 */
function missingEdges(c: Column): { start: number; end: number; inner: boolean } {
  const n = c.length;
  const isMissing = c instanceof Float64Array ? (i: number) => c[i] !== c[i] : (i: number) => c[i] === null;
  if (c instanceof Float64Array && allFinite(c)) return { start: 0, end: n, inner: false };
  let start = 0;
  while (start < n && isMissing(start)) start++;
  if (start === n) return { start: n, end: n, inner: false };
  let end = n;
  while (isMissing(end - 1)) end--;
  // Numbers: one fast finiteness pass over the run, and a closer look only when it holds NaN or ±Infinity.
  if (c instanceof Float64Array && allFinite(c.subarray(start, end))) return { start, end, inner: false };
  let inner = false;
  for (let i = start + 1; i < end - 1 && !inner; i++) inner = isMissing(i);
  return { start, end, inner };
}

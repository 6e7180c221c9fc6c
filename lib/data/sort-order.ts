/**
 * `sortOrder`: the row order that sorts a numeric key (dates as epoch ms) ascending, stable — equal keys keep
 * their file order, as pandas' `sort_values(kind="stable")` — or undefined when the rows are already in order.
 *
 * Exports often come newest first, and a comparator sort of 200,000 row numbers takes longer than reading the
 * file, so the common shapes have their own paths: a key that never increases is read backwards run by run
 * (equal dates kept in file order); whole days are packed with their row number into one number,
 * (day − first day) · n + row, and sorted by the typed array's native numeric sort; so are whole seconds and
 * whole milliseconds (intraday data) while the packed numbers stay exact integers. Other keys (fractions of a
 * millisecond, spans too long to pack) fall back to the comparator sort. NaN keys are not handled here: the
 * caller refuses them first.
 */

const DAY = 86_400_000;

export function sortOrder(key: Float64Array): Int32Array | undefined {
  const n = key.length;
  let ascending = true;
  let descending = true;
  for (let i = 1; i < n; i++) {
    if (key[i] < key[i - 1]) ascending = false;
    else if (key[i] > key[i - 1]) descending = false;
  }
  if (ascending) return undefined;
  if (descending) return runsBackwards(key);
  return packedUnits(key) ?? comparatorSort(key);
}

/** For a key that never increases: the runs of equal keys from last to first, each in file order. */
function runsBackwards(key: Float64Array): Int32Array {
  const n = key.length;
  const order = new Int32Array(n);
  let o = 0;
  for (let end = n; end > 0;) {
    let start = end - 1;
    while (start > 0 && key[start - 1] === key[end - 1]) start--;
    for (let i = start; i < end; i++) order[o++] = i;
    end = start;
  }
  return order;
}

/**
 * Keys that are whole days, seconds or milliseconds, packed with their row into exact integers — (key − min) /
 * unit · n + row — and sorted natively; undefined if they are not whole milliseconds or the packing overflows.
 */
function packedUnits(key: Float64Array): Int32Array | undefined {
  const n = key.length;
  let min = Infinity;
  let max = -Infinity;
  let unit = DAY; // the largest of a day, a second and a millisecond that divides every key
  for (let i = 0; i < n; i++) {
    const k = key[i];
    if (k % unit !== 0) {
      unit = k % 1000 === 0 ? 1000 : 1;
      if (k % unit !== 0) return undefined;
    }
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (((max - min) / unit + 1) * n > Number.MAX_SAFE_INTEGER) return undefined;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = ((key[i] - min) / unit) * n + i;
  packed.sort();
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = packed[i] % n;
  return order;
}

function comparatorSort(key: Float64Array): Int32Array {
  return Int32Array.from(Array.from(key.keys()).sort((a, b) => key[a] - key[b] || a - b));
}

/** `argmaxRows`: the index of the largest value in each row of a row-major [rows × k] array (the first on ties). */
import { checkList } from './check';
export function argmaxRows(p: ArrayLike<number>, k: number): Int32Array {
  checkList('argmaxRows: p', p);
  return Int32Array.from({ length: Math.floor(p.length / k) }, (_, i) => {
    let best = 0;
    for (let j = 1; j < k; j++) if (p[i * k + j] > p[i * k + best]) best = j;
    return best;
  });
}

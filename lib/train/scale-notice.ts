/**
 * `noticeUnscaled`: a notice before training when the targets or features are orders of magnitude from unit
 * scale. A network starts near 0 and Adam moves each weight by about the learning rate per step, so a target
 * around 1e9 trains for many epochs at a flat loss of ~1e18 and ends with a negative R² — without a word, before.
 */
import { notice } from '../util/notice';
import type { Task } from '../models/model';
import type { TrainingData } from './check-training-data';

/** Root mean square above this, or (non-zero) below its reciprocal, is "far from unit scale". */
const FAR = 1e3;

/** Per column of a row-major [rows × width] array: the root mean square. */
function columnRms(values: Float32Array, width: number): Float64Array {
  const sums = new Float64Array(width);
  const rows = values.length / width;
  for (let i = 0; i < values.length; i++) sums[i % width] += values[i] * values[i];
  return sums.map((s) => Math.sqrt(s / Math.max(rows, 1)));
}

const far = (rms: number) => rms > FAR || (rms > 0 && rms < 1 / FAR);
const sci = (v: number) => v.toExponential(1).replace('e+', 'e');

/** Tells the user which targets and features are far from unit scale, and how to scale them. */
export function noticeUnscaled(task: Task, data: TrainingData): void {
  const nameOf = (names: readonly string[] | undefined, j: number, what: string) => (names?.[j] !== undefined ? `"${names[j]}"` : `${what} ${j}`);
  if (task === 'regression') {
    const width = data.yShape.slice(1).reduce((a, b) => a * b, 1);
    const rms = columnRms(data.y, width);
    const bad = [...rms.keys()].filter((j) => far(rms[j]));
    if (bad.length) {
      const j = bad[0];
      const names = data.targets && data.targets.length === width ? data.targets : undefined;
      const cols = names ? bad.map((k) => JSON.stringify(names[k])).join(', ') : '<target>';
      notice(
        `the target ${nameOf(names, j, 'output')} is around ${sci(rms[j])} (root mean square): a network starts near 0 and moves slowly, so the loss starts near ${sci(rms[j] ** 2)} and may not fall; ` +
          `scale it (standardScaler({ columns: [${cols}] }) fitted on the training rows, then inverseTransform the predictions) or predict changes (pctChange) instead of levels`,
      );
    }
  }
  const width = data.xShape[data.xShape.length - 1] ?? 1;
  const rms = columnRms(data.x, width);
  const bad = [...rms.keys()].filter((j) => far(rms[j]));
  if (bad.length) {
    const names = data.features && data.features.length === width ? data.features : undefined;
    const listed = bad.slice(0, 5).map((j) => `${nameOf(names, j, 'feature')} (${sci(rms[j])})`);
    notice(
      `${bad.length === 1 ? 'feature' : `${bad.length} features`} far from unit scale (root mean square): ${listed.join(', ')}${bad.length > 5 ? ', …' : ''}; ` +
        `scale ${bad.length === 1 ? 'it' : 'them'} with standardScaler fitted on the training rows, or the large ones dominate the first steps of training`,
    );
  }
}

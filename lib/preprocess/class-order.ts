/**
 * `classOrder`: the classes of a label column and which one is "positive", decided once for a classification
 * report whatever the labels are spelt: "M"/"B", "yes"/"no", 0/1, 1/2, three cultivars. Code 0 … k−1 follow
 * this order (labelEncoder's `classes`).
 */
import { InputError } from '../util/errors';
import { formatList } from '../util/format';
import { checkList } from '../util/check';

export interface ClassOrder {
  /** Class names in code order; for two classes the positive one is last (code 1). */
  classes: string[];
  /** The positive class, for two classes. */
  positive?: string;
  /** What was decided that the user did not say, in words (empty when nothing was). */
  note: string;
}

/** Numbers in numeric order ("2" before "10"), then text in code-point order. */
function compareLabels(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ClassOrderOptions {
  /** The class to flag (code 1) when there are two. Defaults to none: 1 for 0/1 labels, else the second in sort order. */
  positive?: string;
}

/**
 * Classes of `labels` (missing ones skipped). With two classes, `positive` names code 1; when it is empty or not
 * a class and the labels are 0/1, 1 is positive (said in `note`); otherwise a positive that is not a class is
 * refused, listing the classes. With more classes `positive` is not used.
 * @example classOrder(['B', 'M', 'B'], { positive: 'M' }).classes  // ['B', 'M']
 */
export function classOrder(labels: readonly (string | null)[], options: ClassOrderOptions = {}): ClassOrder {
  checkList('classOrder: labels', labels);
  const classes = [...new Set(labels.filter((l): l is string => l !== null))].sort(compareLabels);
  if (classes.length < 2)
    throw new InputError(
      `the label column holds ${classes.length === 0 ? 'no values' : `one class only (${formatList(classes)})`}; a classifier needs at least two classes`,
    );
  const positive = options.positive ?? '';
  if (classes.length > 2) return { classes, note: positive ? `positive "${positive}" is not used: there are ${classes.length} classes` : '' };
  if (positive !== '' && classes.includes(positive)) return { classes: [classes.find((c) => c !== positive)!, positive], positive, note: '' };
  if (classes[0] === '0' && classes[1] === '1') {
    return { classes, positive: '1', note: positive === '' ? '' : `positive "${positive}" is not a class; the labels are 0/1, so 1 is the positive class` };
  }
  throw new InputError(`positive "${positive}" is not a class of the label (classes: ${formatList(classes)}); pass -p positive=<the class to flag>`);
}

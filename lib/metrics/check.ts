/** Input checks shared by the metrics: equal lengths, non-empty, finite, probabilities in [0, 1], 0/1 labels. */
import { InputError } from '../util/errors';
import { checkList, checkNonEmpty, checkSameLength } from '../util/check';

export function checkPair(metric: string, actual: ArrayLike<number>, predicted: ArrayLike<number>): void {
  checkNonEmpty(`${metric}: actual`, actual);
  checkList(`${metric}: predicted`, predicted);
  const k = predicted.length / actual.length;
  if (actual.length > 0 && k >= 3 && Number.isInteger(k)) {
    // Probabilities of k classes, one row per sample: the binary metric cannot take them.
    throw new InputError(
      `${metric}: predicted has ${k} values per sample (${predicted.length} for ${actual.length} labels), as a ${k}-class model predicts; for ${k} classes use rocAucOvr(actual, probabilities, ${k}), or predictClasses with accuracy, f1 and confusionMatrix`,
    );
  }
  checkSameLength(`${metric}: actual`, actual, 'predicted', predicted);
  for (let i = 0; i < actual.length; i++) {
    if (!Number.isFinite(actual[i])) throw new InputError(`${metric}: actual holds ${actual[i]} at index ${i}; drop missing values before scoring`);
    if (!Number.isFinite(predicted[i])) throw new InputError(`${metric}: predicted holds ${predicted[i]} at index ${i}; check the model's output`);
  }
}

export function checkBinaryLabels(metric: string, y: ArrayLike<number>): void {
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new InputError(`${metric}: labels must be 0 or 1, but index ${i} holds ${y[i]}; encode them with labelEncoder`);
  }
}

export function checkProbabilities(metric: string, p: ArrayLike<number>): void {
  for (let i = 0; i < p.length; i++) {
    if (!(p[i] >= 0 && p[i] <= 1))
      throw new InputError(`${metric}: probabilities must lie in [0, 1], but index ${i} holds ${p[i]}; pass predict()'s probabilities, not scores or logits`);
  }
}

/**
 * `restoreTransform`: a fitted transform rebuilt from its `toJSON()` state (a bundle's preprocessing). One explicit
 * table of every kind, so what can be restored does not depend on which modules happen to have been imported.
 */
import { InputError } from '../util/errors';
import { formatList } from '../util/format';
import { FittedLabelEncoder } from './label-encoder';
import { FittedOneHotEncoder } from './one-hot-encoder';
import { FittedOrdinalEncoder } from './ordinal-encoder';
import { FittedPipeline } from './pipeline';
import { FittedScaler } from './scaler';
import { FittedImputer } from './simple-imputer';
import type { FittedTransform, TransformState } from './transform';

const RESTORERS: Record<string, (state: TransformState) => FittedTransform> = {
  standardScaler: FittedScaler.fromJSON,
  minMaxScaler: FittedScaler.fromJSON,
  robustScaler: FittedScaler.fromJSON,
  simpleImputer: FittedImputer.fromJSON,
  oneHotEncoder: FittedOneHotEncoder.fromJSON,
  ordinalEncoder: FittedOrdinalEncoder.fromJSON,
  labelEncoder: FittedLabelEncoder.fromJSON,
  pipeline: (s) => new FittedPipeline((s.steps as TransformState[]).map(restoreTransform)),
};

/** Rebuilds a fitted transform from `toJSON()` output. */
export function restoreTransform(state: TransformState): FittedTransform {
  const restore = Object.hasOwn(RESTORERS, state?.kind) ? RESTORERS[state.kind] : undefined;
  if (!restore) throw new InputError(`unknown transform kind ${JSON.stringify(state?.kind)} (known: ${formatList(Object.keys(RESTORERS))})`);
  return restore(state);
}

/** `pipeline`: transforms applied in order, each fitted on the previous step's output for the training rows. */
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { FittedScaler } from './scaler';
import { FittedTransform, notFitted, TransformSpec, TransformState } from './transform';

/** A fitted pipeline: `steps` are the fitted transforms, in order. */
export class FittedPipeline implements FittedTransform {
  readonly kind = 'pipeline';
  constructor(readonly steps: readonly FittedTransform[]) {}

  get columns(): readonly string[] {
    return this.steps[0]?.columns ?? [];
  }

  transform(table: Table): Table {
    return this.steps.reduce((t, s) => s.transform(t), table);
  }

  inverseTransform(table: Table): Table {
    return [...this.steps].reverse().reduce((t, s) => {
      if (!s.inverseTransform) throw new InputError(`pipeline: step ${s.kind} has no inverse`);
      return s.inverseTransform(t);
    }, table);
  }

  /** Maps scaled values of one column (e.g. predictions of a target) back to original units. */
  inverse(column: string, values: ArrayLike<number>): Float64Array {
    let out = Float64Array.from(values);
    for (const s of [...this.steps].reverse()) if (s instanceof FittedScaler && s.columns.includes(column)) out = s.inverse(column, out);
    return out;
  }

  toJSON(): TransformState {
    return { kind: this.kind, steps: this.steps.map((s) => s.toJSON()) };
  }
}

/**
 * Chains transforms.
 * @example const prep = pipeline([simpleImputer(), standardScaler()]).fit(train);
 */
export function pipeline(steps: readonly TransformSpec[]) {
  if (!Array.isArray(steps) || steps.length === 0) throw new InputError('pipeline needs a non-empty list of steps, e.g. [simpleImputer(), standardScaler()]');
  return {
    kind: 'pipeline',
    transform: (): never => notFitted('pipeline'),
    fit(table: Table): FittedPipeline {
      const fitted: FittedTransform[] = [];
      let t = table;
      for (const step of steps) {
        const f = step.fit(t);
        fitted.push(f);
        t = f.transform(t);
      }
      return new FittedPipeline(fitted);
    },
  };
}

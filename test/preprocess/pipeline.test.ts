import { expect } from 'chai';
import { table } from '../../lib/data/table';
import { pipeline } from '../../lib/preprocess/pipeline';
import { standardScaler } from '../../lib/preprocess/scaler';
import { simpleImputer } from '../../lib/preprocess/simple-imputer';
import { restoreTransform } from '../../lib/preprocess/restore-transform';
import { expectClose } from '../helpers';

describe('pipeline', () => {
  it("fits each step on the previous step's training output and round-trips through JSON", () => {
    const holed = table({ a: [1, NaN, 3, 4], b: [10, 20, 30, 40] });
    const p = pipeline([simpleImputer({ strategy: 'mean' }), standardScaler()]).fit(holed);
    // The scaler saw the imputed column: mean of [1, 8/3, 3, 4].
    expectClose([(p.steps[1] as any).offset[0]], [(1 + 8 / 3 + 3 + 4) / 4], 1e-12);
    const restored = restoreTransform(JSON.parse(JSON.stringify(p.toJSON())));
    expect(Array.from(restored.transform(holed).numbers('a'))).to.deep.equal(Array.from(p.transform(holed).numbers('a')));
    expectClose(p.inverse('b', p.transform(holed).numbers('b')), [10, 20, 30, 40], 1e-12);
  });
});

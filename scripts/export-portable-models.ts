/**
 * Writes test/fixtures/keras/tsdl/<case>/: the bundle saveBundle writes for each seeded model of
 * test/train/portable-models.ts, plus inputs.json (inputs and this library's predictions). The second half of
 * scripts/make-keras-fixtures.sh then converts each model.json to Keras and records Keras's predictions.
 */
import * as fs from 'fs';
import * as path from 'path';
import { initBackend } from '../lib/backend';
import { saveBundle } from '../lib/train/bundle';
import { predict } from '../lib/train/predict';
import { PORTABLE_CASES, portableInputs, portableModel } from '../test/train/portable-models';

async function main(): Promise<void> {
  await initBackend('wasm');
  const out = path.resolve(process.argv[2] ?? 'test/fixtures/keras/tsdl');
  for (const c of PORTABLE_CASES) {
    const model = portableModel(c);
    const x = portableInputs(c);
    const dir = path.join(out, c.name);
    await saveBundle(dir, { model, features: [], targets: ['y'] });
    const y = await predict(model, { x, xShape: c.xShape });
    fs.writeFileSync(path.join(dir, 'inputs.json'), JSON.stringify({ xShape: c.xShape, x: Array.from(x), tsdl: Array.from(y) }));
    model.dispose();
    console.log('wrote', dir);
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * The soak test's worker (run with --expose-gc in its own process, so RSS belongs to this work alone):
 * 100 full cycles of prepare → train → predict → evaluate on the cancer data. Prints JSON with the tensor
 * count and RSS after a warm-up and at the end.
 */
import * as path from 'path';
import * as t from '../../lib/index';

async function cycle(raw: t.Table, features: string[], seed: number): Promise<number> {
  const { train, test } = t.trainTestSplit(raw, { stratify: 'diagnosis', testSize: 0.2, seed });
  const prep = t.pipeline([t.labelEncoder({ column: 'diagnosis' }), t.standardScaler({ columns: features })]).fit(train);
  const trainData = t.toDataset(prep.transform(train), { target: 'diagnosis', features });
  const testData = t.toDataset(prep.transform(test), { target: 'diagnosis', features });
  const model = t.denseClassifier(trainData, { units: [16], dropout: 0.2, seed });
  await t.fitModel(model, trainData, { epochs: 10, validationSplit: 0.2, earlyStopping: { patience: 5 }, progress: 'none' });
  const p = await t.predict(model, testData);
  model.dispose();
  return t.rocAuc(testData.y, p);
}

async function main() {
  const cycles = Number(process.argv[2] ?? 100);
  const info = await t.initBackend();
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const raw = t.loadCsv(path.join(__dirname, '..', '..', 'datasets', 'breast-cancer-wisconsin-diagnostic.csv'));
  const features = raw.columnNames.filter((c) => c !== 'diagnosis');
  for (let i = 0; i < 5; i++) await cycle(raw, features, i); // warm-up: JIT, wasm memory growth, kernel caches
  gc();
  const tensors0 = t.tf.memory().numTensors;
  const rss0 = process.memoryUsage().rss;
  const t0 = Date.now();
  let minAuc = 1;
  let rssHalfway = 0;
  for (let i = 0; i < cycles; i++) {
    minAuc = Math.min(minAuc, await cycle(raw, features, 100 + i));
    if (i === Math.floor(cycles / 2) - 1) {
      gc();
      rssHalfway = process.memoryUsage().rss;
    }
  }
  gc();
  console.log(
    JSON.stringify({
      backend: info.backend,
      cycles,
      seconds: (Date.now() - t0) / 1000,
      tensorsBefore: tensors0,
      tensorsAfter: t.tf.memory().numTensors,
      rssBeforeMb: rss0 / 2 ** 20,
      rssHalfwayMb: rssHalfway / 2 ** 20,
      rssAfterMb: process.memoryUsage().rss / 2 ** 20,
      minAuc,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

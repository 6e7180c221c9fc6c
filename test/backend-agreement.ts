/** Worker for the cross-backend test: one backend's numbers for the same seeded model and data (JSON on stdout). */
import * as path from 'path';
import * as t from '../lib/index';

async function main() {
  const info = await t.initBackend(process.argv[2]);
  const raw = t.loadCsv(path.join(__dirname, '..', 'datasets', 'breast-cancer-wisconsin-diagnostic.csv'));
  const { train, test } = t.trainTestSplit(raw, { stratify: 'diagnosis', testSize: 0.2, seed: 3 });
  const features = raw.columnNames.filter((c) => c !== 'diagnosis');
  const prep = t.pipeline([t.labelEncoder({ column: 'diagnosis' }), t.standardScaler({ columns: features })]).fit(train);
  const trainData = t.toDataset(prep.transform(train), { target: 'diagnosis', features });
  const testData = t.toDataset(prep.transform(test), { target: 'diagnosis', features });
  const model = t.denseClassifier(trainData, { units: [16, 8], seed: 5 });
  const initial = Array.from(await t.predict(model, testData));
  const history = await t.fitModel(model, trainData, { epochs: 20, batchSize: 32, shuffle: true, progress: 'none' });
  const trained = Array.from(await t.predict(model, testData));
  model.dispose();
  // A recurrent model too: LSTM windows of the 10-year yield.
  const yields = t.loadCsv(path.join(__dirname, '..', 'datasets', 'treasury-yields-monthly.csv'));
  const scaled = t
    .standardScaler({ columns: ['yield_10y'] })
    .fit(yields.slice(0, 400))
    .transform(yields);
  const w = t.windowSplit(scaled, { features: ['yield_10y'], targets: ['yield_10y'], lookback: 12, testStart: 400 });
  const lstm = t.lstmForecaster(w.train, { units: [8], seed: 2 });
  const lstmHistory = await t.fitModel(lstm, w.train, { epochs: 5, progress: 'none' });
  const lstmPred = Array.from(await t.predict(lstm, w.test));
  lstm.dispose();
  console.log(
    JSON.stringify({ backend: info.backend, initial, loss: history.loss, trained, auc: t.rocAuc(testData.y, trained), lstmLoss: lstmHistory.loss, lstmPred }),
  );
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * The traps that gave a wrong answer with no warning on real data (issue 19): a class-sorted file, a date column
 * with an unusual name in a newest-first file, a diverging fit, one-class labels and empty data. Each test failed
 * before its fix.
 */
import * as fs from 'fs';
import * as path from 'path';
import { expect } from 'chai';
import * as t from '../../lib/index';
import { DATASETS, expectError, expectNoTensorLeak, expectRejects, tempDir } from '../helpers';

const quiet = { progress: 'none' as const };

/** The cancer table with its rows sorted by class: every benign case, then every malignant one. */
function classSorted(): t.Table {
  const raw = t.loadCsv(path.join(DATASETS, 'breast-cancer-wisconsin-diagnostic.csv'));
  const labels = raw.strings('diagnosis');
  const order = Int32Array.from(labels.map((_, i) => i)).sort((a, b) => (labels[a]! < labels[b]! ? -1 : labels[a]! > labels[b]! ? 1 : a - b));
  return raw.take(order);
}

describe('no silent wrong answers', function () {
  this.timeout(120000);

  it('trainTestSplit shuffles both sides (seeded): a class-sorted file gives training rows of both classes in any slice', () => {
    const { train, test } = t.trainTestSplit(classSorted(), { testSize: 0.2, seed: 1 });
    const lastFifth = train.strings('diagnosis').slice(Math.floor(train.numRows * 0.8));
    expect(new Set(lastFifth).size).to.equal(2);
    expect(new Set(test.strings('diagnosis').slice(0, 20)).size).to.equal(2);
    // Seeded: the same order twice.
    expect(t.trainTestSplit(classSorted(), { testSize: 0.2, seed: 1 }).train.numbers('mean_radius')).to.deep.equal(train.numbers('mean_radius'));
  });

  it('trainTestSplit({ shuffle: false }) keeps file order — first rows train, last rows test — and cannot stratify', () => {
    const tbl = t.table({ x: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] });
    const { train, test } = t.trainTestSplit(tbl, { testSize: 0.3, shuffle: false });
    expect(Array.from(train.numbers('x'))).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
    expect(Array.from(test.numbers('x'))).to.deep.equal([7, 8, 9]);
    expectError(() => t.trainTestSplit(t.table({ y: ['a', 'b', 'a', 'b'] }), { stratify: 'y', shuffle: false }), t.InputError, 'stratify needs shuffle: true');
  });

  it('fitModel validationSplit on a class-sorted dataset validates on both classes and beats the majority baseline', async () => {
    // Before: the last 20% of a class-sorted training set were all malignant, early stopping kept epoch 1 and the
    // model scored 0.185 accuracy against a 0.692 majority baseline.
    const raw = classSorted();
    const features = raw.columnNames.filter((c) => c !== 'diagnosis');
    const { train, test } = t.trainTestSplit(raw, { testSize: 0.2, seed: 3, shuffle: false, stratify: undefined });
    const prep = t.pipeline([t.labelEncoder({ column: 'diagnosis', classes: ['benign', 'malignant'] }), t.standardScaler({ columns: features })]).fit(train);
    const trainData = t.toDataset(prep.transform(train), { features, target: 'diagnosis' });
    // File order kept on purpose: the training rows are sorted by class. The test rows are all malignant here
    // (the end of the file), so score on the training table's own classes instead.
    await expectNoTensorLeak(async () => {
      const m = t.denseClassifier(trainData, { units: [8], seed: 5 });
      const h = await t.fitModel(m, trainData, { epochs: 30, validationSplit: 0.2, earlyStopping: { patience: 5 }, ...quiet });
      expect(h.validation).to.include('stratified random 20% sample');
      expect(h.bestEpoch).to.be.greaterThan(1);
      const p = await t.predict(m, trainData);
      const acc = t.accuracy(
        trainData.y,
        Array.from(p, (v) => (v >= 0.5 ? 1 : 0)),
      );
      const majority = Math.max(...[0, 1].map((k) => trainData.y.filter((v) => v === k).length)) / trainData.y.length;
      expect(acc).to.be.greaterThan(majority + 0.1);
      m.dispose();
    });
    expect(test.numRows).to.equal(114);
  });

  it('validation from the end of a class-sorted dataset gives a notice naming the missing class and the counts', async () => {
    const raw = classSorted();
    const features = raw.columnNames.filter((c) => c !== 'diagnosis');
    const prepared = t
      .labelEncoder({ column: 'diagnosis', classes: ['benign', 'malignant'] })
      .fit(raw)
      .transform(raw);
    const data = t.toDataset(t.standardScaler({ columns: features }).fit(prepared).transform(prepared), { features, target: 'diagnosis' });
    const m = t.denseClassifier(data, { units: [4], seed: 1 });
    const { result, notices } = await t.collectNoticesAsync(() => t.fitModel(m, data, { epochs: 1, validationSplit: 0.2, validationFrom: 'end', ...quiet }));
    m.dispose();
    expect(result.validation).to.include('the last 20%');
    expect(notices).to.have.length(1);
    expect(notices[0]).to.include('has no samples of class 0').and.include('training: 0: 357, 1: 99').and.include('stratified');
  });

  it('windows and dated datasets validate on their last rows (time order), and the history says so', async () => {
    const n = 40;
    const tbl = t.table({ date: Array.from({ length: n }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i))), x: Array.from({ length: n }, (_, i) => Math.sin(i)) });
    const w = t.makeWindows(tbl, { features: ['x'], targets: ['x'], lookback: 3 });
    const d = t.toDataset(
      tbl.withColumn(
        'y',
        tbl.numbers('x').map((v) => v * 2),
      ),
      { features: ['x'], target: 'y' },
    );
    expect(d.ordered).to.equal(true);
    for (const data of [w, d]) {
      const m = data === w ? t.lstmForecaster(w, { units: [2], seed: 1 }) : t.denseRegressor(d, { units: [2], seed: 1 });
      const h = await t.fitModel(m, data, { epochs: 1, validationSplit: 0.25, ...quiet });
      m.dispose();
      expect(h.validation).to.include('the last 25%').and.include('time order');
    }
  });

  it('a date column with any name is found by its values; a newest-first file is sorted with a notice', () => {
    // Before: "trade_date" loaded as text, the rows stayed newest first, and splitByTime trained on 2012–2002.
    const dir = tempDir();
    const file = path.join(dir, 'newest-first.csv');
    const rows = Array.from({ length: 10 }, (_, i) => `${2012 - i}-03-30,${100 + i}`);
    fs.writeFileSync(file, `trade_date,close\n${rows.join('\n')}\n`);
    const { result: prices, notices } = t.collectNotices(() => t.loadCsv(file));
    expect(prices.kind('trade_date')).to.equal('date');
    expect(t.isoDate(prices.dates('trade_date')[0])).to.equal('2003-03-30');
    expect(notices).to.have.length(1);
    expect(notices[0]).to.include('newest first').and.include('sorted by "trade_date"').and.include('sortBy: false');
    const { train, test } = t.splitByTime(prices, { testSize: 0.2 });
    expect(Math.max(...train.dates('trade_date'))).to.be.below(Math.min(...test.dates('trade_date')));
    // Other formats and names, by content: slash dates in a "Day" column, quarters, months.
    const day = t.readCsv('Day,v\n30/03/2012,1\n29/03/2012,2\n');
    expect(t.isoDate(day.dates('Day')[0])).to.equal('2012-03-29');
    expect(t.readCsv('period,v\n2020Q1,1\n2020Q2,2\n').kind('period')).to.equal('date');
    expect(t.readCsv('month,v\nJan 2000,1\nFeb 2000,2\n').kind('month')).to.equal('date');
    // Numbers are never guessed as dates; text that is not a date stays text.
    expect(t.readCsv('yyyymmdd,v\n20120330,1\n20120331,2\n').kind('yyyymmdd')).to.equal('number');
    expect(t.readCsv('name,v\nalice,1\nbob,2\n').kind('name')).to.equal('string');
    // { dates: false } keeps such a column as text.
    expect(t.readCsv('trade_date,v\n2012-03-30,1\n', { dates: false }).kind('trade_date')).to.equal('string');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a column whose first value is a date but a later one is not is refused, naming the row and the way out', () => {
    expectError(() => t.readCsv('when,v\n2012-03-30,1\nsoon,2\n'), t.InputError, 'row 1', '"soon"', 'first value, "2012-03-30"', 'dates: false');
  });

  it('splitByTime, walkForward and makeWindows refuse a table without a date column unless { ordered: true }', async () => {
    const tbl = t.table({ x: [5, 4, 3, 2, 1, 0] });
    expectError(() => t.splitByTime(tbl), t.InputError, 'no date column', 'ordered: true');
    expectError(() => t.makeWindows(tbl, { features: ['x'], targets: ['x'], lookback: 2 }), t.InputError, 'no date column', 'ordered: true');
    await expectRejects(() => t.walkForward(tbl, { nSplits: 2 }, () => ({ m: 0 })), t.InputError, 'no date column', 'ordered: true');
    expect(t.splitByTime(tbl, { testSize: 0.5, ordered: true }).test.numRows).to.equal(3);
  });

  it('a diverging fit stops with a TrainingError naming the epoch, the loss and the learning rate', async () => {
    // Before: at learning rate 1e6 the loss went 7e25 → 1.7e14 and predictions came out at −13,161,620, silently.
    const n = 64;
    const x = Float32Array.from({ length: n * 2 }, (_, i) => Math.sin(i));
    const y = Float32Array.from({ length: n }, (_, i) => 0.4 + 0.01 * Math.cos(i));
    const data = { x, xShape: [n, 2], y, yShape: [n, 1] };
    await expectNoTensorLeak(async () => {
      const m = t.denseRegressor(data, { units: [8], seed: 1, learningRate: 1e6 });
      await expectRejects(
        () => t.fitModel(m, data, { epochs: 5, ...quiet }),
        t.TrainingError,
        'diverged',
        'epoch 1',
        'learning rate 1000000',
        'lower the learning rate',
      );
      m.dispose();
      // divergenceFactor: Infinity turns the guard off (the loss may still turn NaN, which is its own error).
      const m2 = t.denseRegressor(data, { units: [8], seed: 1, learningRate: 1e6 });
      await t.fitModel(m2, data, { epochs: 1, divergenceFactor: Infinity, ...quiet }).catch((e) => expect(e.message).to.not.include('diverged'));
      m2.dispose();
    });
  });

  it('the divergence guard does not trip on sane fits of tiny or constant targets (it tripped on y = 1 at epoch 1)', async () => {
    // Daily-return-sized targets: variance 1e-4, while an untrained model predicts values near ±1; and y = 1 exactly.
    const n = 64;
    const x = Float32Array.from({ length: n * 2 }, (_, i) => Math.sin(i));
    for (const y of [Float32Array.from({ length: n }, (_, i) => 0.01 * Math.sin(3 * i)), new Float32Array(n).fill(1)]) {
      const data = { x, xShape: [n, 2], y, yShape: [n, 1] };
      const m = t.denseRegressor(data, { units: [8], seed: 1 });
      const h = await t.fitModel(m, data, { epochs: 3, ...quiet });
      m.dispose();
      expect(h.loss).to.have.length(3);
    }
  });

  it('one-class labels and zero samples are refused with the counts', async () => {
    const x = Float32Array.from({ length: 20 }, (_, i) => i / 20);
    const oneClass = { x, xShape: [10, 2], y: new Float32Array(10).fill(1), yShape: [10, 1] };
    const m = t.denseClassifier({ xShape: [10, 2] }, { units: [2], seed: 1 });
    await expectRejects(() => t.fitModel(m, oneClass, quiet), t.InputError, 'all one class', '1: 10');
    await expectRejects(
      () => t.fitModel(m, { x: new Float32Array(0), xShape: [0, 2], y: new Float32Array(0), yShape: [0, 1] }, quiet),
      t.InputError,
      'no samples',
    );
    const two = { ...oneClass, y: Float32Array.from({ length: 10 }, (_, i) => i % 2) };
    await expectRejects(
      () => t.fitModel(m, two, { validationData: { x: new Float32Array(0), xShape: [0, 2], y: new Float32Array(0), yShape: [0, 1] }, ...quiet }),
      t.InputError,
      'validationData has no samples',
    );
    m.dispose();
  });

  it('showMarkdown makes HTML in its text inert unless the caller marks it trusted', () => {
    const payload = 'Report for <img src=x onerror="alert(1)"> & [click](javascript:alert(2)) [ok](https://example.org)';
    const md = t.markdownBundle(payload)['text/markdown'] as string;
    expect(md).to.not.include('<img').and.not.include('javascript:');
    expect(md).to.include('&lt;img').and.include('&amp;').and.include('](https://example.org)');
    // Reference definitions and autolinks too (issue 31: a reference-style javascript: link rendered live).
    const refs = t.markdownBundle('[a][r] [b][s] <javascript:x>\n\n[r]: JaVaScRiPt:alert(1)\n   [s]:\n data:text/html,x\n[w]: https://ok.org\n')[
      'text/markdown'
    ] as string;
    expect(refs).to.not.match(/\]:\s*(javascript|data):/i);
    expect(refs).to.include('[r]: alert(1)').and.include('[w]: https://ok.org').and.include('&lt;javascript');
    expect(t.markdownBundle('<b>raw</b>', { trusted: true })['text/markdown']).to.equal('<b>raw</b>');
    expectError(() => t.markdownBundle(undefined as unknown as string), t.InputError, 'showMarkdown takes a string');
  });
});

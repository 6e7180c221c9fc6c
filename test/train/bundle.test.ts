import { expect } from 'chai';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { denseClassifier } from '../../lib/models/dense-model';
import { lstmForecaster } from '../../lib/models/sequence-model';
import { loadBundle, saveBundle } from '../../lib/train/bundle';
import { fitModel } from '../../lib/train/fit-model';
import { predict } from '../../lib/train/predict';
import { BundleError, ShapeError } from '../../lib/util/errors';
import { toDataset } from '../../lib/preprocess/to-dataset';
import { expectNoTensorLeak, expectRejects, tempDir } from '../helpers';
import { collectNoticesAsync } from '../../lib/util/notice';
import { cancerProblem, yieldWindows } from './fixtures';

const ROOT = path.join(__dirname, '..', '..');

describe('bundles', () => {
  const p = cancerProblem();

  it('save → load in a fresh process → predict on raw rows gives the same numbers', async function () {
    this.timeout(60000);
    const dir = path.join(tempDir(), 'cancer');
    const m = denseClassifier(p.trainData, { units: [8], seed: 1 });
    await fitModel(m, p.trainData, { epochs: 5, progress: 'none' });
    const expected = Array.from(await predict(m, p.testData));
    await saveBundle(dir, { model: m, preprocess: p.prep, features: p.features, targets: ['diagnosis'], metadata: { data: 'WDBC' } });
    m.dispose();
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'bundle.json'), 'utf8'));
    expect(manifest).to.include.keys('library', 'tfjs', 'backend', 'features', 'preprocess');
    // A separate Node process loads the bundle and predicts from the raw CSV rows of the test split.
    const rawCsv = path.join(dir, '..', 'test.csv');
    const cols = p.test.columnNames;
    fs.writeFileSync(rawCsv, [cols.join(','), ...p.test.toRows().map((r) => cols.map((c) => r[c]).join(','))].join('\n'));
    const script = `
      const lib = require(${JSON.stringify(path.join(ROOT, 'lib'))});
      (async () => {
        await lib.initBackend(process.env.TSDL_BACKEND);
        const b = await lib.loadBundle(${JSON.stringify(dir)});
        const raw = lib.loadCsv(${JSON.stringify(rawCsv)}).drop(['diagnosis']);
        console.log(JSON.stringify(Array.from(await b.predictTable(raw))));
      })();`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env } });
    const got: number[] = JSON.parse(out.trim().split('\n').pop()!);
    expect(got).to.deep.equal(expected);
  });

  it('a sequence bundle predicts in original units from raw rows', async () => {
    await expectNoTensorLeak(async () => {
      const { raw, scaler, windows } = yieldWindows(6);
      const m = lstmForecaster(windows, { units: [4], seed: 2 });
      await fitModel(m, windows, { epochs: 2, progress: 'none' });
      const dir = path.join(tempDir(), 'yields');
      await saveBundle(dir, { model: m, preprocess: scaler, features: windows.features, targets: windows.targets, window: { lookback: 6 } });
      const direct = await predict(m, windows);
      m.dispose();
      const b = await loadBundle(dir);
      const fromRaw = await b.predictTable(raw.drop(['yield_3y', 'yield_5y']));
      // Window i of `windows` ends at row 5 + i, as does prediction i of predictTable.
      expect(fromRaw[0]).to.be.closeTo(scaler.inverse('yield_10y', [direct[0]])[0], 1e-5);
      expect(fromRaw[0]).to.be.within(0, 20);
      b.dispose();
    });
  });

  it('a failed save (read-only folder, as on a full disk) leaves the existing bundle intact', async function () {
    this.timeout(60000);
    const parent = tempDir();
    fs.chmodSync(parent, 0o755);
    const dir = path.join(parent, 'model');
    const m = denseClassifier(p.trainData, { units: [4], seed: 1 });
    await saveBundle(dir, { model: m, features: p.features, targets: ['diagnosis'] });
    m.dispose();
    const before = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f)).toString('base64'));
    // Root ignores folder permissions, so the save runs in a child process as an unprivileged user.
    const asRoot = process.getuid?.() === 0;
    fs.chmodSync(parent, 0o555);
    try {
      const script = `
        const lib = require(${JSON.stringify(path.join(ROOT, 'lib'))});
        (async () => {
          await lib.initBackend();
          const m = lib.denseClassifier({ xShape: [1, 30] }, { units: [4], seed: 99 });
          try { await lib.saveBundle(${JSON.stringify(dir)}, { model: m, features: [], targets: ['y'] }); console.log('SAVED'); }
          catch (e) { console.log(e.name + ': ' + e.message); }
        })();`;
      const childTmp = tempDir('tsdl-child-');
      fs.chmodSync(childTmp, 0o777);
      const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, TMPDIR: childTmp, HOME: childTmp },
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      expect(out).to.include('BundleError').and.include('unchanged').and.not.include('SAVED');
    } finally {
      fs.chmodSync(parent, 0o755);
    }
    const after = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f)).toString('base64'));
    expect(after).to.deep.equal(before);
    expect(fs.readdirSync(parent)).to.deep.equal(['model']);
  });

  it('loading a corrupt or partial bundle gives a clear error', async () => {
    const dir = path.join(tempDir(), 'b');
    const m = denseClassifier(p.trainData, { units: [4] });
    await saveBundle(dir, { model: m, features: p.features, targets: ['diagnosis'] });
    m.dispose();
    const w = path.join(dir, 'weights.bin');
    fs.writeFileSync(w, fs.readFileSync(w).subarray(0, 100));
    await expectRejects(() => loadBundle(dir), BundleError, 'truncated or corrupt');
    fs.writeFileSync(path.join(dir, 'bundle.json'), '{not json');
    await expectRejects(() => loadBundle(dir), BundleError, 'bundle.json is corrupt');
    fs.rmSync(path.join(dir, 'bundle.json'));
    await expectRejects(() => loadBundle(dir), BundleError, 'bundle.json is missing', 'not a complete bundle');
    await expectRejects(() => loadBundle(path.join(dir, 'nope')), BundleError, 'no bundle at');
  });
});

describe('bundles survive killed saves and refuse what is not theirs', function () {
  this.timeout(60000);
  const p = cancerProblem();

  async function saved(): Promise<{ dir: string; expected: number[] }> {
    const dir = path.join(tempDir(), 'model');
    const m = denseClassifier(p.trainData, { units: [4], seed: 2 });
    const expected = Array.from(await predict(m, p.testData));
    await saveBundle(dir, { model: m, preprocess: p.prep, features: p.features, targets: ['diagnosis'] });
    m.dispose();
    return { dir, expected };
  }

  it('a save killed between its two renames: the next load puts the old bundle back; the next save removes leftovers', async () => {
    // Before: nothing was at the path (the bundle sat in a hidden .old-* folder that loadBundle ignored), and
    // killed saves left their folders behind.
    const { dir, expected } = await saved();
    const parent = path.dirname(dir);
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max default: no such process
    fs.renameSync(dir, path.join(parent, `.model.old-${deadPid}-1000`));
    fs.mkdirSync(path.join(parent, `.model.tmp-${deadPid}-2000`));
    const { result: b, notices } = await collectNoticesAsync(() => loadBundle(dir));
    expect(notices.join('')).to.include('interrupted');
    expect(Array.from(await predict(b.model, p.testData))).to.deep.equal(expected);
    b.dispose();
    const m = denseClassifier(p.trainData, { units: [4], seed: 3 });
    await saveBundle(dir, { model: m, features: p.features, targets: ['diagnosis'] });
    m.dispose();
    expect(fs.readdirSync(parent).filter((f) => f.startsWith('.model.'))).to.deep.equal([]);
  });

  it('weights.bin as a symbolic link or a FIFO is refused, not followed or waited on', async () => {
    const { dir } = await saved();
    const outside = path.join(path.dirname(dir), 'elsewhere.bin');
    fs.renameSync(path.join(dir, 'weights.bin'), outside);
    fs.symlinkSync(outside, path.join(dir, 'weights.bin'));
    await expectRejects(() => loadBundle(dir), BundleError, 'weights.bin', 'symbolic link');
    fs.rmSync(path.join(dir, 'weights.bin'));
    execFileSync('mkfifo', [path.join(dir, 'weights.bin')]);
    await expectRejects(() => loadBundle(dir), BundleError, 'weights.bin', 'not a regular file');
  });

  it('every malformed bundle.json gives a BundleError naming the field', async () => {
    const { dir } = await saved();
    const good = JSON.parse(fs.readFileSync(path.join(dir, 'bundle.json'), 'utf8'));
    const cases: [unknown, string][] = [
      [null, '(the whole file)'],
      [[1], '(the whole file)'],
      [{ ...good, spec: undefined }, '"spec"'],
      [{ ...good, spec: { ...good.spec, task: 'ranking' } }, '"spec.task"'],
      [{ ...good, spec: { ...good.spec, learningRate: -1 } }, '"spec.learningRate"'],
      [{ ...good, features: 'a,b' }, '"features"'],
      [{ ...good, weightsBytes: 'lots' }, '"weightsBytes"'],
      [{ ...good, window: { lookback: -5 } }, '"window.lookback"'],
    ];
    for (const [manifest, field] of cases) {
      fs.writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify(manifest));
      await expectRejects(() => loadBundle(dir), BundleError, field);
    }
  });
});

describe('models remember the features they were trained on (issue 31)', () => {
  const p = cancerProblem();

  it('predict on the same columns in another order, or other columns, is refused naming both lists (it changed predictions by up to 0.60)', async function () {
    this.timeout(60000);
    await expectNoTensorLeak(async () => {
      const m = denseClassifier(p.trainData, { units: [4], seed: 1 });
      await fitModel(m, p.trainData, { epochs: 1, progress: 'none' });
      expect(m.trainedOn?.features).to.deep.equal(p.features);
      const reversed = toDataset(p.prep.transform(p.test), { target: 'diagnosis', features: [...p.features].reverse() });
      const err = await expectRejects(() => predict(m, reversed), ShapeError, 'the same columns in another order', `trained on [${p.features[0]}, `);
      expect(err.message).to.include(`has features [${p.features[p.features.length - 1]}, `);
      const fewer = toDataset(p.prep.transform(p.test), { target: 'diagnosis', features: p.features.slice(0, -1) });
      await expectRejects(() => predict(m, fewer), ShapeError, 'but the model was trained on');
      // Unnamed arrays still go by shape alone; the named test set in training order predicts.
      expect((await predict(m, { x: p.testData.x, xShape: p.testData.xShape })).length).to.equal(p.testData.xShape[0]);
      expect((await predict(m, p.testData)).length).to.equal(p.testData.xShape[0]);
      // A bundle saved with features in another order than the model learned is refused; a loaded one remembers.
      const dir = path.join(tempDir(), 'm');
      await expectRejects(() => saveBundle(dir, { model: m, features: [...p.features].reverse(), targets: ['diagnosis'] }), ShapeError, 'saveBundle');
      await saveBundle(dir, { model: m, preprocess: p.prep, features: p.features, targets: ['diagnosis'] });
      m.dispose();
      const b = await loadBundle(dir);
      await expectRejects(() => predict(b.model, reversed), ShapeError, 'another order');
      b.model.dispose();
    });
  });

  it('a sequence model refuses windows of another lookback, naming the one it was trained on', async function () {
    this.timeout(60000);
    const { windows } = yieldWindows(12);
    const m = lstmForecaster(windows, { units: [4], seed: 1 });
    await fitModel(m, windows, { epochs: 1, progress: 'none' });
    expect(m.trainedOn).to.deep.equal({ features: ['yield_1y', 'yield_10y'], lookback: 12 });
    const other = yieldWindows(6).windows;
    await expectRejects(() => predict(m, other), ShapeError, 'trained on lookback 12', '{ lookback: 12 }');
    m.dispose();
  });
});

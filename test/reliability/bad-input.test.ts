/**
 * The bad-input catalogue: one row per mistake a data scientist makes, across loading, preparation, training,
 * evaluation, charts, persistence and the report runner. Each asserts the error class, that the message
 * names the offending value, and that it says how to fix it. Inputs are checked to be left unmodified.
 */
import * as fs from 'fs';
import * as path from 'path';
import { expect } from 'chai';
import * as t from '../../lib/index';
import { BundleError, InputError, NotFittedError, ReportError, ShapeError, TrainingError, TsdlError } from '../../lib/util/errors';
import { DATASETS, tempDir } from '../helpers';

interface Case {
  area: 'loading' | 'preparation' | 'training' | 'evaluation' | 'charts' | 'persistence' | 'reports';
  mistake: string;
  run: () => unknown;
  error: new (...a: any[]) => TsdlError;
  /** The offending value, as the message must show it. */
  names: (string | RegExp)[];
  /** The fix the message must suggest. */
  fix: string | RegExp;
}

const dir = tempDir('tsdl-bad-input-');
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
};
const small = t.table({ date: [0, 1, 2, 3, 4, 5].map((d) => new Date(Date.UTC(2020, 0, 1 + d))), a: [1, 2, 3, 4, 5, 6], b: [2, 1, 2, 1, 2, 1] });
const data2 = { x: new Float32Array([0, 1, 1, 0, 1, 1, 0, 0]), xShape: [4, 2], y: new Float32Array([1, 1, 0, 0]), yShape: [4, 1] };

const cases: Case[] = [
  // Loading
  { area: 'loading', mistake: 'missing file', run: () => t.loadCsv(path.join(dir, 'nope.csv')), error: InputError, names: ['nope.csv'], fix: 'check the path' },
  {
    area: 'loading',
    mistake: 'empty file',
    run: () => t.loadCsv(file('empty.csv', '')),
    error: InputError,
    names: ['empty.csv'],
    fix: 'expected a header line',
  },
  {
    area: 'loading',
    mistake: 'header only',
    run: () => t.loadCsv(file('header.csv', 'date,close\n')),
    error: InputError,
    names: ['date, close'],
    fix: 'no data rows',
  },
  {
    area: 'loading',
    mistake: 'a ragged row',
    run: () => t.readCsv('a,b\n1,2\n3,4,5\n'),
    error: InputError,
    names: ['line 3 has 3 fields'],
    fix: 'check quoting',
  },
  { area: 'loading', mistake: 'duplicate column names', run: () => t.readCsv('a,a\n1,2\n'), error: InputError, names: ['"a"'], fix: 'rename one' },
  {
    area: 'loading',
    mistake: 'a 100,000-column header',
    run: () => t.readCsv(Array.from({ length: 100000 }, (_, i) => `c${i}`).join(',') + '\n' + '1,'.repeat(99999) + '1\n'),
    error: InputError,
    names: ['100000 columns', 'limit 10000'],
    fix: 'maxColumns',
  },
  {
    area: 'loading',
    mistake: 'Latin-1 bytes in a UTF-8 read',
    run: () => t.loadCsv(file('latin1.csv', Buffer.from('name,value\nZ\xfcrich,1\n', 'latin1'))),
    error: InputError,
    names: ['latin1.csv'],
    fix: 'encoding: "latin1"',
  },
  {
    area: 'loading',
    mistake: 'text in a numeric column (schema)',
    run: () => t.readCsv('a,b\n1,2\n3,x\n', { schema: { b: 'number' } }),
    error: InputError,
    names: ['row 1', '"x"'],
    fix: 'clean the value',
  },
  {
    area: 'loading',
    mistake: 'thousands separators not declared',
    run: () => t.readCsv('a,b\n1,"1,234"\n', { schema: { b: 'number' } }),
    error: InputError,
    names: ['"1,234"'],
    fix: 'thousands: ","',
  },
  {
    area: 'loading',
    mistake: 'dates in two formats',
    run: () => t.readCsv('date,x\n2000-01-03,1\n01/04/2000,2\n'),
    error: InputError,
    names: ['"01/04/2000"', 'YYYY-MM-DD'],
    fix: 'make the dates consistent',
  },
  {
    area: 'loading',
    mistake: 'an impossible date (Date.UTC would roll it into March)',
    run: () => t.readCsv('date,x\n02/30/2020,1\n'),
    error: InputError,
    names: ['"02/30/2020"', 'no real date'],
    fix: 'fix the value',
  },
  {
    area: 'loading',
    mistake: 'a day-first slash date after a month-first one',
    run: () => t.readCsv('date,x\n01/31/2020,1\n13/01/2020,2\n'),
    error: InputError,
    names: ['"13/01/2020"', 'row 0, "01/31/2020"'],
    fix: 'dayFirst: true',
  },
  {
    area: 'loading',
    mistake: 'a two-digit year (pandas picks a century relative to today)',
    run: () => t.readCsv('dob,x\n01-JAN-55,1\n', { dates: ['dob'] }),
    error: InputError,
    names: ['"01-JAN-55"', 'two digits'],
    fix: 'twoDigitYearStart',
  },
  {
    area: 'loading',
    mistake: 'a decimal comma not declared',
    run: () => t.readCsv('d;x\n2020-01-02;1234,5\n', { schema: { x: 'number' } }),
    error: InputError,
    names: ['"1234,5"'],
    fix: 'decimal: ","',
  },
  {
    area: 'loading',
    mistake: 'a card number declared numeric (beyond 2^53)',
    run: () => t.readCsv('card\n4111111111111111111\n', { schema: { card: 'number' } }),
    error: InputError,
    names: ['"4111111111111111111"', 'beyond 2^53'],
    fix: '"category"',
  },
  {
    area: 'loading',
    mistake: 'an unknown column in { columns }',
    run: () => t.readCsv('a,b\n1,2\n', { columns: ['a', 'c'] }),
    error: InputError,
    names: ['"c"', 'a, b'],
    fix: 'columns of CSV text',
  },
  {
    area: 'loading',
    mistake: 'an unknown schema column',
    run: () => t.readCsv('a,b\n1,2\n', { schema: { c: 'number' } }),
    error: InputError,
    names: ['"c"', 'a, b'],
    fix: 'columns:',
  },
  { area: 'loading', mistake: 'an unknown column', run: () => small.numbers('close'), error: InputError, names: ['"close"', 'date, a, b'], fix: 'columns:' },
  // Preparation
  {
    area: 'preparation',
    mistake: 'a test fraction outside (0, 1)',
    run: () => t.splitByTime(small, { testSize: 1.5 }),
    error: InputError,
    names: ['1.5'],
    fix: 'e.g. 0.2',
  },
  {
    area: 'preparation',
    mistake: 'a one-row file split',
    run: () => t.trainTestSplit(t.readCsv('a\n1\n'), { testSize: 0.2 }),
    error: InputError,
    names: ['of 1 rows'],
    fix: 'use more rows',
  },
  {
    area: 'preparation',
    mistake: 'duplicate dates in a time series',
    run: () => t.splitByTime(t.table({ date: [new Date(0), new Date(0)], a: [1, 2] })),
    error: InputError,
    names: ['1970-01-01', 'rows 0 and 1'],
    fix: 'de-duplicate',
  },
  {
    area: 'preparation',
    mistake: 'a stacked panel (several symbols per date) windowed as one series',
    run: () =>
      t.makeWindows(t.table({ date: [new Date(0), new Date(0), new Date(864e5), new Date(864e5)], symbol: ['A', 'B', 'A', 'B'], p: [1, 2, 3, 4] }), {
        features: ['p'],
        targets: ['p'],
        lookback: 1,
      }),
    error: InputError,
    names: ['duplicate date 1970-01-01', 'rows 0 and 1'],
    fix: 'series: "<that column>"',
  },
  {
    area: 'preparation',
    mistake: 'a table passed where a row count is expected',
    run: () => t.timeSeriesSplit(small as unknown as number, { nSplits: 3 }),
    error: InputError,
    names: ['got a Table'],
    fix: 'table.numRows',
  },
  {
    area: 'preparation',
    mistake: 'a stratified split with a one-row class',
    run: () => t.trainTestSplit(t.table({ y: ['a', 'a', 'a', 'b'] }), { stratify: 'y', testSize: 0.5 }),
    error: InputError,
    names: ['"b" has 1 row'],
    fix: 'merge rare classes',
  },
  {
    area: 'preparation',
    mistake: 'an all-NaN column reaching a scaler',
    run: () => t.standardScaler({ columns: ['a'] }).fit(t.table({ a: [NaN, NaN] })),
    error: InputError,
    names: ['"a"', 'NaN at row 0'],
    fix: 'impute or drop',
  },
  {
    area: 'preparation',
    mistake: 'values of 1e300 reaching a scaler',
    run: () => t.standardScaler({ columns: ['a'] }).fit(t.table({ a: [1e300, -1e300, 5e299] })),
    error: InputError,
    names: ['"a"', 'overflows to Infinity'],
    fix: 'divide the column',
  },
  {
    area: 'preparation',
    mistake: 'Infinity reaching a window',
    run: () => t.makeWindows(t.table({ a: [1, 2, Infinity, 4, 5] }), { features: ['a'], targets: ['a'], lookback: 2, ordered: true }),
    error: InputError,
    names: ['"a"', 'Infinity at row 2'],
    fix: 'impute or drop',
  },
  {
    area: 'preparation',
    mistake: 'a negative yield in log returns',
    run: () => t.logReturns([0.5, -0.1, 0.2]),
    error: InputError,
    names: ['row 1 holds -0.1'],
    fix: 'use pctChange',
  },
  {
    area: 'preparation',
    mistake: 'a series shorter than lookback + horizon',
    run: () => t.makeWindows(small, { features: ['a'], targets: ['a'], lookback: 6 }),
    error: InputError,
    names: ['6 rows', 'lookback 6'],
    fix: 'shorter lookback',
  },
  {
    area: 'preparation',
    mistake: 'a text fill value for a numeric column',
    run: () => t.simpleImputer({ strategy: 'constant', fillValue: 'unknown' }).fit(t.table({ a: [1, NaN] })),
    error: InputError,
    names: ['"unknown"', '"a"'],
    fix: 'give a finite number',
  },
  {
    area: 'preparation',
    mistake: 'transform with a column the fit never saw',
    run: () =>
      t
        .standardScaler({ columns: ['a'] })
        .fit(small)
        .transform(small.drop(['a'])),
    error: InputError,
    names: ['"a"', 'date, b'],
    fix: 'same columns as the training split',
  },
  {
    area: 'preparation',
    mistake: 'an unseen category with handleUnknown "error"',
    run: () =>
      t
        .oneHotEncoder({ columns: ['c'] })
        .fit(t.table({ c: ['x', 'y'] }))
        .transform(t.table({ c: ['z'] })),
    error: InputError,
    names: ['"z"', 'x, y'],
    fix: 'handleUnknown: "ignore"',
  },
  {
    area: 'preparation',
    mistake: 'string labels ("M"/"B") as a numeric target',
    run: () => t.toDataset(t.table({ a: [1, 2], y: ['M', 'B'] }), { target: 'y' }),
    error: InputError,
    names: ['"y"', '"M"'],
    fix: 'labelEncoder',
  },
  {
    area: 'preparation',
    mistake: 'labels outside the declared classes ("Yes"/"No" vs "yes")',
    run: () => t.labelEncoder({ column: 'y', classes: ['No', 'Yes'] }).fit(t.table({ y: ['No', 'yes'] })),
    error: InputError,
    names: ['yes'],
    fix: 'add them to classes',
  },
  {
    area: 'preparation',
    mistake: 'k-fold with more folds than rows',
    run: () => t.kFold(3, { k: 5 }),
    error: InputError,
    names: ['k = 5', 'got 3'],
    fix: 'lower k',
  },
  {
    area: 'preparation',
    mistake: 'lookback 0',
    run: () => t.makeWindows(small, { features: ['a'], targets: ['a'], lookback: 0 }),
    error: InputError,
    names: ['lookback', 'got 0'],
    fix: 'integer ≥ 1',
  },
  {
    area: 'preparation',
    mistake: 'transform before fit',
    run: () => (t.standardScaler({ columns: ['a'] }) as unknown as { transform: (x: t.Table) => t.Table }).transform(small),
    error: NotFittedError,
    names: ['standardScaler'],
    fix: '.fit(',
  },
  // Training
  {
    area: 'training',
    mistake: 'x/y length mismatch',
    run: () => t.fitModel(t.denseRegressor(data2, { units: [2] }), { ...data2, y: data2.y.subarray(0, 3), yShape: [3, 1] }, { epochs: 1, progress: 'none' }),
    error: ShapeError,
    names: ['4 samples', 'y has 3'],
    fix: 'same rows',
  },
  {
    area: 'training',
    mistake: 'NaN in x',
    run: () =>
      t.fitModel(t.denseRegressor(data2, { units: [2] }), { ...data2, x: Float32Array.from([0, 1, NaN, 0, 1, 1, 0, 0]) }, { epochs: 1, progress: 'none' }),
    error: InputError,
    names: ['NaN', 'sample 1'],
    fix: 'simpleImputer',
  },
  {
    area: 'training',
    mistake: 'labels outside {0,1} for a binary classifier',
    run: () => t.fitModel(t.denseClassifier(data2, { units: [2] }), { ...data2, y: Float32Array.from([0, 1, 2, 1]) }, { epochs: 1, progress: 'none' }),
    error: InputError,
    names: ['sample 2 has 2', '3 class codes (0..2)'],
    fix: '{ classes: 3 }',
  },
  {
    area: 'training',
    mistake: 'text labels given as numbers outside {0,1}, not codes',
    run: () => t.fitModel(t.denseClassifier(data2, { units: [2] }), { ...data2, y: Float32Array.from([0, 1, 0.5, 1]) }, { epochs: 1, progress: 'none' }),
    error: InputError,
    names: ['sample 2 has 0.5'],
    fix: 'labelEncoder',
  },
  {
    area: 'training',
    mistake: 'labels of one class only',
    run: () => t.fitModel(t.denseClassifier(data2, { units: [2] }), { ...data2, y: Float32Array.from([1, 1, 1, 1]) }, { epochs: 1, progress: 'none' }),
    error: InputError,
    names: ['all one class', '1: 4'],
    fix: 'at least two',
  },
  {
    area: 'training',
    mistake: 'a diverging learning rate',
    run: () => t.fitModel(t.denseRegressor(data2, { units: [4], learningRate: 1e7 }), data2, { epochs: 3, progress: 'none' }),
    error: TrainingError,
    names: ['diverged', 'learning rate 10000000'],
    fix: 'lower the learning rate',
  },
  {
    area: 'evaluation',
    mistake: 'rocAuc on the probabilities of three classes',
    run: () => t.rocAuc([0, 1, 2], [0.8, 0.1, 0.1, 0.2, 0.7, 0.1, 0.1, 0.1, 0.8]),
    error: InputError,
    names: ['3 values per sample'],
    fix: 'rocAucOvr(actual, probabilities, 3)',
  },
  {
    area: 'preparation',
    mistake: 'a chronological split of a table without dates',
    run: () => t.splitByTime(t.table({ x: [3, 2, 1, 0] })),
    error: InputError,
    names: ['no date column', 'columns: x'],
    fix: 'ordered: true',
  },
  {
    area: 'preparation',
    mistake: 'windows far larger than memory',
    run: () => t.makeWindows(t.table({ a: new Float64Array(3_000_000) }), { features: ['a'], targets: ['a'], lookback: 2000, ordered: true }),
    error: InputError,
    names: ['would allocate', 'GiB'],
    fix: 'stride above 1',
  },
  {
    area: 'preparation',
    mistake: 'stratifiedKFold of a table without the label column named',
    run: () => t.stratifiedKFold(t.table({ y: ['a', 'b'] })),
    error: InputError,
    names: ['columns: y'],
    fix: 'stratify',
  },
  {
    area: 'loading',
    mistake: 'a device instead of a file',
    run: () => t.loadCsv('/dev/zero'),
    error: InputError,
    names: ['/dev/zero'],
    fix: 'not a regular file',
  },
  {
    area: 'training',
    mistake: 'a class weight for an unknown class',
    run: () => t.fitModel(t.denseClassifier(data2, { units: [2] }), data2, { epochs: 1, classWeight: { 0: 1, 3: 2 }, progress: 'none' }),
    error: InputError,
    names: ['3'],
    fix: 'classes',
  },
  {
    area: 'training',
    mistake: 'epochs ≤ 0',
    run: () => t.fitModel(t.denseRegressor(data2, { units: [2] }), data2, { epochs: 0, progress: 'none' }),
    error: InputError,
    names: ['epochs', 'got 0'],
    fix: 'integer ≥ 1',
  },
  {
    area: 'training',
    mistake: 'batch size ≤ 0',
    run: () => t.fitModel(t.denseRegressor(data2, { units: [2] }), data2, { epochs: 1, batchSize: -1, progress: 'none' }),
    error: InputError,
    names: ['batchSize', 'got -1'],
    fix: 'integer ≥ 1',
  },
  {
    area: 'training',
    mistake: 'wrong feature count at predict time',
    run: () => t.predict(t.denseRegressor(data2, { units: [2] }), { x: new Float32Array(6), xShape: [2, 3] }),
    error: ShapeError,
    names: ['[3]', 'expects [2]'],
    fix: 'same feature columns',
  },
  {
    area: 'training',
    mistake: 'predicting with a disposed model',
    run: () => {
      const m = t.denseRegressor(data2, { units: [2] });
      m.dispose();
      return t.predict(m, data2);
    },
    error: NotFittedError,
    names: ['disposed'],
    fix: 'build',
  },
  {
    area: 'training',
    mistake: 'loss becoming NaN',
    run: () =>
      t.fitModel(
        t.denseRegressor(data2, { units: [4], learningRate: 1e30 }),
        { ...data2, y: Float32Array.from([1e30, -1e30, 1e30, -1e30]) },
        { epochs: 20, progress: 'none' },
      ),
    error: TrainingError,
    names: [/epoch \d+/, 'learning rate 1e+30'],
    fix: 'lower the learning rate',
  },
  // Evaluation
  {
    area: 'evaluation',
    mistake: 'different lengths',
    run: () => t.mae([1, 2], [1]),
    error: InputError,
    names: ['2 values', 'predicted has 1'],
    fix: 'same length',
  },
  { area: 'evaluation', mistake: 'empty input', run: () => t.r2([], []), error: InputError, names: ['empty'], fix: 'at least one value' },
  {
    area: 'evaluation',
    mistake: 'probabilities outside [0, 1]',
    run: () => t.logLoss([1, 0], [1.2, 0.3]),
    error: InputError,
    names: ['1.2', 'index 0'],
    fix: "predict()'s probabilities",
  },
  {
    area: 'evaluation',
    mistake: 'ROC-AUC with a single class',
    run: () => t.rocAuc([1, 1], [0.2, 0.3]),
    error: InputError,
    names: ['one class only (all 1)'],
    fix: 'stratified split',
  },
  {
    area: 'evaluation',
    mistake: 'MAPE with zeros in the actual values',
    run: () => t.mape([0, 1], [1, 1]),
    error: InputError,
    names: ['actual value 0 at index 0'],
    fix: 'use mae, smape or mase',
  },
  {
    area: 'evaluation',
    mistake: 'a backtest with missing prices',
    run: () => t.backtest([1, NaN, 2], [1, 1, 1]),
    error: InputError,
    names: ['NaN at index 1'],
    fix: 'fill or drop',
  },
  {
    area: 'evaluation',
    mistake: 'bootstrap with 0 resamples',
    run: () => t.bootstrapCi(t.mae, [1, 2], [1, 2], { resamples: 0 }),
    error: InputError,
    names: ['resamples', 'got 0'],
    fix: 'integer',
  },
  // Charts
  {
    area: 'charts',
    mistake: 'a candlestick table without OHLC columns',
    run: () => t.candlestickChart(t.table({ date: [new Date(0)], open: [1] })),
    error: InputError,
    names: ['"high"', 'date, open'],
    fix: 'columns:',
  },
  {
    area: 'charts',
    mistake: 'an image file with an unknown extension',
    run: () => t.writeFigure(t.histogramChart([1]), path.join(dir, 'x.jpg')),
    error: ReportError,
    names: ['".jpg"'],
    fix: '.html, .png, .svg',
  },
  {
    area: 'charts',
    mistake: 'a report path that is not writable',
    run: () => t.writeHtmlReport(path.join(file('not-a-dir', 'x'), 'r.html'), [{ text: 'x' }]),
    error: ReportError,
    names: ['not-a-dir/r.html'],
    fix: 'writable folder',
  },
  // Persistence
  { area: 'persistence', mistake: 'loading a folder that is not a bundle', run: () => t.loadBundle(dir), error: BundleError, names: [dir], fix: 'saveBundle' },
  {
    area: 'persistence',
    mistake: 'loading a missing bundle',
    run: () => t.loadBundle(path.join(dir, 'no-bundle')),
    error: BundleError,
    names: ['no-bundle'],
    fix: 'check the path',
  },
  // Reports
  {
    area: 'reports',
    mistake: 'a notebook parameter of the wrong type',
    run: () => t.runNotebook(path.join(__dirname, '..', '..', 'notebooks', '00-smoke.ipynb'), { parameters: { epochs: 'many' } }),
    error: ReportError,
    names: ['"epochs"', '"many"'],
    fix: 'must be a number like its default',
  },
  {
    area: 'reports',
    mistake: 'an unknown notebook parameter',
    run: () => t.runNotebook(path.join(__dirname, '..', '..', 'notebooks', '00-smoke.ipynb'), { parameters: { epoch: 3 } }),
    error: ReportError,
    names: ['"epoch"'],
    fix: 'valid: epochs, seed',
  },
  {
    area: 'reports',
    mistake: 'a report output folder that is not writable',
    run: () => t.runNotebook(path.join(__dirname, '..', '..', 'notebooks', '00-smoke.ipynb'), { outDir: path.join(file('plain-file', 'x'), 'out') }),
    error: ReportError,
    names: ['plain-file/out'],
    fix: '--out',
  },
];

describe(`bad-input catalogue (${cases.length} cases)`, () => {
  before(() => {
    if (!fs.existsSync(path.join(DATASETS, 'breast-cancer-wisconsin-diagnostic.csv'))) throw new Error('datasets/ missing');
  });

  for (const c of cases) {
    it(`${c.area}: ${c.mistake}`, async () => {
      let caught: unknown;
      try {
        await c.run();
      } catch (err) {
        caught = err;
      }
      expect(caught, 'expected an error').to.be.instanceOf(c.error);
      const msg = (caught as Error).message;
      for (const n of c.names) {
        if (typeof n === 'string') expect(msg, 'names the offending value').to.include(n);
        else expect(msg, 'names the offending value').to.match(n);
      }
      if (typeof c.fix === 'string') expect(msg, 'says how to fix it').to.include(c.fix);
      else expect(msg, 'says how to fix it').to.match(c.fix);
    });
  }

  it('has at least 40 cases covering every area', () => {
    expect(cases.length).to.be.at.least(40);
    expect(new Set(cases.map((c) => c.area))).to.have.length(7);
  });
});

describe('awkward but valid CSVs load correctly', () => {
  it('a byte-order mark, ";" delimiter, decimal numbers and a quoted newline', () => {
    const t1 = t.loadCsv(file('bom.csv', '\uFEFFdate;note;value\n2020-01-02;"two\nlines";1.5\n2020-01-01;"a ""quote""";2\n'));
    expect(t1.columnNames).to.deep.equal(['date', 'note', 'value']);
    expect(t1.strings('note')).to.deep.equal(['a "quote"', 'two\nlines']); // sorted by date
    expect(Array.from(t1.numbers('value'))).to.deep.equal([2, 1.5]);
  });

  it('Latin-1 files load with { encoding: "latin1" }; thousands separators with { thousands }', () => {
    const t2 = t.loadCsv(file('latin1-ok.csv', Buffer.from('name,value\nZ\xfcrich,"1,234.5"\n', 'latin1')), { encoding: 'latin1', thousands: ',' });
    expect(t2.strings('name')).to.deep.equal(['Zürich']);
    expect(Array.from(t2.numbers('value'))).to.deep.equal([1234.5]);
  });

  it('"Yes"/"No" labels encode with an explicit positive class', () => {
    const enc = t.labelEncoder({ column: 'y', classes: ['No', 'Yes'] }).fit(t.table({ y: ['Yes', 'No', 'Yes'] }));
    expect(Array.from(enc.transform(t.table({ y: ['No', 'Yes'] })).numbers('y'))).to.deep.equal([0, 1]);
  });
});

describe('inputs are never mutated', () => {
  it('tables, arrays and options passed to prep, features, windows, training data and metrics are left as they were', async () => {
    const tbl = t.table({
      date: [0, 1, 2, 3, 4, 5, 6, 7].map((d) => new Date(Date.UTC(2021, 0, 1 + d))),
      x: [1, NaN, 3, 4, 5, 6, 7, 8],
      c: ['a', 'b', 'a', null, 'b', 'a', 'b', 'a'],
    });
    const snapshot = () => JSON.stringify(tbl.toRows()) + JSON.stringify(Array.from(tbl.numbers('x')));
    const before = snapshot();
    const imputed = t
      .simpleImputer({ columns: ['x'], strategy: 'median' })
      .fit(tbl)
      .transform(tbl);
    t.standardScaler({ columns: ['x'] })
      .fit(imputed)
      .transform(imputed);
    t.oneHotEncoder({ columns: ['c'], handleUnknown: 'ignore' })
      .fit(tbl.dropMissing(['c']))
      .transform(tbl.dropMissing(['c']));
    t.pipeline([t.simpleImputer({ columns: ['x'] }), t.minMaxScaler({ columns: ['x'] })])
      .fit(tbl)
      .transform(tbl);
    const prices = Array.from(imputed.numbers('x'));
    const pricesBefore = [...prices];
    t.rollingMean(prices, 3);
    t.ewm(prices, { span: 3 });
    t.rsi(prices, 3);
    t.makeWindows(imputed, { features: ['x'], targets: ['x'], lookback: 2 });
    t.splitByTime(tbl, { testSize: 0.25 });
    t.trainTestSplit(tbl, { testSize: 0.25, seed: 1 });
    const actual = [0, 1, 1, 0];
    const score = [0.2, 0.7, 0.6, 0.4];
    t.rocAuc(actual, score);
    t.bootstrapCi(t.rocAuc, actual, score, { resamples: 20, seed: 1 });
    const data = { x: new Float32Array([0, 1, 1, 0, 1, 1, 0, 0]), xShape: [4, 2], y: new Float32Array([1, 1, 0, 0]), yShape: [4, 1] };
    const dataBefore = JSON.stringify({ x: Array.from(data.x), y: Array.from(data.y), xs: data.xShape });
    const options = { epochs: 2, progress: 'none' as const, validationSplit: 0.25 };
    const optionsBefore = JSON.stringify(options);
    const m = t.denseClassifier(data, { units: [2], seed: 1 });
    await t.fitModel(m, data, options);
    await t.predict(m, data);
    m.dispose();
    expect(snapshot()).to.equal(before);
    expect(prices).to.deep.equal(pricesBefore);
    expect(actual).to.deep.equal([0, 1, 1, 0]);
    expect(score).to.deep.equal([0.2, 0.7, 0.6, 0.4]);
    expect(JSON.stringify({ x: Array.from(data.x), y: Array.from(data.y), xs: data.xShape })).to.equal(dataBefore);
    expect(JSON.stringify(options)).to.equal(optionsBefore);
  });
});

describe('the bare TypeErrors of issue 31 are library errors or work as pandas/Keras users expect', () => {
  const prices = t.table({ a: [1, 2, 3, 4], b: [2, 4, 5, 9], name: ['w', 'x', 'y', 'z'] });

  it('correlationHeatmap(table) without columns takes every numeric column, as DataFrame.corr() does (it threw a TypeError)', () => {
    const f = t.correlationHeatmap(prices);
    expect((f.data[0] as { x: string[] }).x).to.deep.equal(['a', 'b']);
    expect(() => t.correlationHeatmap(undefined as unknown as t.Table)).to.throw(InputError, 'takes a Table');
  });

  it('importanceChart({ importances }) without a metric draws "importance"; a result without importances is an InputError', () => {
    const f = t.importanceChart({ importances: [{ feature: 'x', mean: 0.2, std: 0.01 }] });
    expect(JSON.stringify(f.layout)).to.include('drop in importance');
    expect(() => t.importanceChart({} as unknown as { importances: [] })).to.throw(InputError, 'importances');
  });

  it('units given as one number builds one layer (Keras units=32); a wrong type names units (it threw "units.forEach is not a function")', () => {
    const data = { x: new Float32Array(2 * 3 * 2), xShape: [2, 3, 2], y: new Float32Array(2), yShape: [2, 1] };
    const m = t.lstmForecaster(data, { units: 4 as unknown as number[], seed: 1 });
    expect(m.countParams()).to.equal(4 * (4 * (2 + 4) + 4) + 5); // one LSTM(4) on 2 features, then Dense(1)
    m.dispose();
    expect(() => t.lstmForecaster(data, { units: '8' as unknown as number[] })).to.throw(InputError, 'units must be a list');
    expect(() => t.denseRegressor({ xShape: [2, 2], yShape: [2, 1] }, { units: {} as unknown as number[] })).to.throw(InputError, 'denseRegressor: units');
  });
});

describe('every exported function answers a plain-JavaScript caller with a library error (issue 31, item 11)', () => {
  // Called with undefined, {} and 42 as the first argument, every exported function must throw a TsdlError (or
  // return), never a bare TypeError or RangeError. An exception would be listed here, with its reason; a new
  // function that throws a bare error fails the test.
  const NOT_YET_VALIDATED: string[] = [];

  it('no bare TypeError or RangeError from any exported function (152 of 204 threw one before; the finance and clinical namespaces too)', async function () {
    this.timeout(120_000);
    const bare = new Map<string, string>();
    // The root's functions and those of its own namespaces (tsdl.tf is TensorFlow.js itself).
    const exported = [
      ...Object.entries(t),
      ...(['finance', 'clinical'] as const).flatMap((ns) => Object.entries(t[ns] as Record<string, unknown>).map(([name, f]) => [`${ns}.${name}`, f] as const)),
    ].filter(([name, f]) => typeof f === 'function' && !/^[A-Z]/.test(name.split('.').pop()!));
    expect(exported.length).to.be.above(150);
    for (const [name, f] of exported) {
      for (const arg of [undefined, {}, 42]) {
        try {
          const r = (f as (...a: unknown[]) => unknown)(arg);
          if (r && typeof (r as Promise<unknown>).then === 'function') {
            await Promise.race([r, new Promise((_, reject) => setTimeout(() => reject(new TsdlError(`${name} did not settle in 5 s`)), 5000))]);
          }
        } catch (err) {
          if (!(err instanceof TsdlError) && !bare.has(name))
            bare.set(name, `${name}(${JSON.stringify(arg)}): ${(err as Error)?.constructor?.name}: ${(err as Error)?.message}`);
        }
      }
    }
    const unexpected = [...bare.keys()].filter((n) => !NOT_YET_VALIDATED.includes(n));
    expect(
      unexpected.map((n) => bare.get(n)),
      'bare errors from functions that should validate their arguments',
    ).to.deep.equal([]);
    const fixed = NOT_YET_VALIDATED.filter((n) => !bare.has(n));
    expect(fixed, 'these now validate their arguments: remove them from NOT_YET_VALIDATED').to.deep.equal([]);
  });
});

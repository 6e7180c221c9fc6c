/**
 * Checks the library against the random reference cases of scripts/reference-cases.py (pandas, scikit-learn,
 * Keras) and prints, per function, how many cases disagree and the first few of them. Exit status 1 when any
 * does. Not part of `npm test`: it needs the reference environment to make its cases.
 *
 *   .venv-ref/bin/python scripts/reference-cases.py test-output/reference-cases.json [seed]
 *   npx tsx scripts/reference-check.ts test-output/reference-cases.json
 *
 * Documented differences are not counted: a file with one column keeps a blank line as a missing row (pandas
 * drops it, so its own to_csv of a missing value does not read back), and a column with nothing but missing
 * values loads as text (pandas: float64) — the generator leaves both out.
 */
import * as fs from 'fs';
import {
  accuracy,
  averagePrecision,
  calendarFeatures,
  CALENDAR_PARTS,
  fillForward,
  joinAsOf,
  balancedAccuracy,
  bollingerBands,
  brierScore,
  calibrationCurve,
  confusionMatrix,
  diff,
  ewm,
  ewmStd,
  ewmVar,
  f1,
  kFold,
  lag,
  lead,
  logLoss,
  macd,
  mae,
  makeWindows,
  mape,
  minMaxScaler,
  oneHotEncoder,
  ordinalEncoder,
  mse,
  pctChange,
  precision,
  precisionRecallCurve,
  r2,
  readCsv,
  recall,
  resampleOhlc,
  robustScaler,
  rocAuc,
  rocCurve,
  rollingCorr,
  rollingCov,
  rollingMax,
  rollingMean,
  rollingMedian,
  rollingMin,
  rollingQuantile,
  rollingStd,
  rollingSum,
  rsi,
  simpleImputer,
  standardScaler,
  stratifiedKFold,
  summarize,
  table,
  timeSeriesSplit,
  volatility,
} from '../lib/index';

type Value = number | null | Value[] | string;

const file = process.argv[2] ?? 'test-output/reference-cases.json';
const cases = JSON.parse(fs.readFileSync(file, 'utf8'));
const failures = new Map<string, { count: number; examples: string[] }>();
let checks = 0;

/** NaN for null (JSON's NaN), ±Infinity for ±1e308. */
const num = (v: number | null) => (v === null ? NaN : Math.abs(v) === 1e308 ? Math.sign(v) * Infinity : v);
const series = (a: (number | null)[]) => Float64Array.from(a, num);

function close(got: unknown, want: Value): boolean {
  if (Array.isArray(want)) {
    const g = ArrayBuffer.isView(got) ? Array.from(got as Float64Array) : (got as unknown[]);
    return Array.isArray(g) && g.length === want.length && want.every((w, i) => close(g[i], w));
  }
  if (typeof want === 'string' || typeof got === 'string' || got === null) return got === want;
  const w = num(want);
  const g = got as number;
  if (Number.isNaN(w)) return Number.isNaN(g);
  return g === w || Math.abs(g - w) <= 1e-9 * Math.max(1, Math.abs(w));
}

function check(fn: string, got: () => unknown, want: Value | undefined, context: () => unknown): void {
  if (want === undefined) return;
  checks++;
  let value: unknown;
  try {
    value = got();
  } catch (e) {
    value = `error: ${(e as Error).message}`;
  }
  if (close(value, want)) return;
  const f = failures.get(fn) ?? { count: 0, examples: [] };
  f.count++;
  if (f.examples.length < 3) {
    const show = (v: unknown) => JSON.stringify(ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v).slice(0, 300);
    f.examples.push(`    input ${show(context())}\n    want  ${show(want)}\n    got   ${show(value)}`);
  }
  failures.set(fn, f);
}

for (const c of cases.features) {
  const x = series(c.x);
  const o = c.minPeriods === null ? {} : { minPeriods: c.minPeriods };
  const ctx = () => ({
    x: c.x,
    window: c.window,
    minPeriods: c.minPeriods,
    k: c.k,
    alpha: c.alpha,
    adjust: c.adjust,
    ewmMinPeriods: c.ewmMinPeriods,
    span: c.span,
  });
  check('rollingMean', () => rollingMean(x, c.window, o), c.want.rollingMean, ctx);
  check('rollingSum', () => rollingSum(x, c.window, o), c.want.rollingSum, ctx);
  check('rollingStd', () => rollingStd(x, c.window, o), c.want.rollingStd, ctx);
  check('rollingMin', () => rollingMin(x, c.window, o), c.want.rollingMin, ctx);
  check('rollingMax', () => rollingMax(x, c.window, o), c.want.rollingMax, ctx);
  check('lag', () => lag(x, c.k), c.want.lag, ctx);
  check('lead', () => lead(x, c.k), c.want.lead, ctx);
  check('diff', () => diff(x, c.k), c.want.diff, ctx);
  check('pctChange', () => pctChange(x, c.k), c.want.pctChange, ctx);
  check('ewm (alpha, adjust, minPeriods)', () => ewm(x, { alpha: c.alpha, adjust: c.adjust, minPeriods: c.ewmMinPeriods }), c.want.ewm, ctx);
  check('ewm (span)', () => ewm(x, { span: c.span }), c.want.ewmSpan, ctx);
  check('ewmVar', () => ewmVar(x, { alpha: c.alpha, adjust: c.adjust, minPeriods: c.ewmMinPeriods }), c.want.ewmVar, ctx);
  check('ewmStd (span)', () => ewmStd(x, { span: c.span }), c.want.ewmStd, ctx);
  check('rollingMedian', () => rollingMedian(x, c.window, o), c.want.rollingMedian, ctx);
  check('rollingQuantile', () => rollingQuantile(x, c.window, c.q, o), c.want.rollingQuantile, ctx);
  check(
    'rollingCov',
    () => rollingCov(x, series(c.y), c.window, o),
    c.want.rollingCov,
    () => ({ x: c.x, y: c.y, window: c.window, minPeriods: c.minPeriods }),
  );
  check(
    'rollingCorr',
    () => rollingCorr(x, series(c.y), c.window, o),
    c.want.rollingCorr,
    () => ({ x: c.x, y: c.y, window: c.window, minPeriods: c.minPeriods }),
  );
  check('fillForward', () => fillForward(x), c.want.ffill, ctx);
  check('fillForward (limit)', () => fillForward(x, { limit: c.k }), c.want.ffillLimit, ctx);
}

for (const c of cases.indicators) {
  const ctx = () => ({ x: c.x, period: c.period, window: c.window });
  const m = macd(c.x);
  const b = bollingerBands(c.x, { window: c.window });
  check('rsi', () => rsi(c.x, c.period), c.want.rsi, ctx);
  check('macd', () => m.macd, c.want.macd, ctx);
  check('macd signal', () => m.signal, c.want.signal, ctx);
  check('bollingerBands upper', () => b.upper, c.want.upper, ctx);
  check('bollingerBands lower', () => b.lower, c.want.lower, ctx);
  check('volatility', () => volatility(c.x, { window: c.window }), c.want.volatility, ctx);
}

const folds = (f: { train: Int32Array; test: Int32Array }[]) => f.map((x) => [Array.from(x.train), Array.from(x.test)]);
for (const c of cases.splits.timeSeries) {
  const o = { nSplits: c.options.n_splits, gap: c.options.gap, maxTrainSize: c.options.max_train_size, testSize: c.options.test_size };
  check(
    'timeSeriesSplit',
    () => (c.folds === 'error' ? catchError(() => timeSeriesSplit(c.n, o)) : folds(timeSeriesSplit(c.n, o))),
    c.folds === 'error' ? 'error' : c.folds,
    () => ({ n: c.n, ...o }),
  );
}
for (const c of cases.splits.kFold) {
  check(
    'kFold',
    () => (c.folds === 'error' ? catchError(() => kFold(c.n, { k: c.k })) : kFold(c.n, { k: c.k }).map((f) => Array.from(f.test))),
    c.folds,
    () => c,
  );
}
for (const c of cases.splits.stratified) {
  check(
    'stratifiedKFold',
    () => stratifiedKFold(c.labels, { k: c.k }).map((f) => Array.from(f.test)),
    c.folds,
    () => c,
  );
}

/** "error" when `f` throws, else what it returned (so an expected error compares equal). */
function catchError(f: () => unknown): unknown {
  try {
    return f();
  } catch {
    return 'error';
  }
}

for (const c of cases.windows) {
  const t = table({ a: c.data.map((r: number[]) => r[0]), b: c.data.map((r: number[]) => r[1]) });
  const w = () =>
    makeWindows(t, { features: ['a', 'b'], targets: ['b'], lookback: c.lookback, samplingRate: c.samplingRate, stride: c.stride, horizon: c.horizon });
  const ctx = () => ({ rows: c.data.length, lookback: c.lookback, samplingRate: c.samplingRate, stride: c.stride, horizon: c.horizon });
  // Keras gives float32: compare at float32 precision.
  const f32 = (v: number[]) => v.map((x) => Math.fround(x));
  check('makeWindows shape', () => w().xShape, c.shape, ctx);
  check('makeWindows x', () => Array.from(w().x), f32(c.x), ctx);
  check('makeWindows y', () => Array.from(w().y), f32(c.y), ctx);
}

for (const c of cases.csv) {
  const ctx = () => c.csv;
  check('readCsv rows', () => readCsv(c.csv).numRows, c.rows, ctx);
  for (const [name, col] of Object.entries<{ kind: string; values: (number | string | null)[] }>(c.columns)) {
    check('readCsv column kind', () => readCsv(c.csv).kind(name), col.kind, ctx);
    check(
      'readCsv values',
      () => {
        const t = readCsv(c.csv);
        return t.kind(name) === 'number' ? Array.from(t.numbers(name)) : t.strings(name).map((s) => (s === null ? null : s));
      },
      col.values as Value,
      ctx,
    );
  }
}

for (const c of cases.csvLayout ?? []) {
  const ctx = () => c.csv;
  const read = () => readCsv(c.csv, { delimiter: c.delimiter, ...(c.european ? { decimal: ',' as const, thousands: '.' } : {}) });
  check('readCsv rows (layout)', () => read().numRows, c.rows, ctx);
  check('readCsv names (layout)', () => read().columnNames, c.names, ctx);
  for (const [name, col] of Object.entries<{ kind: string; values: (number | string | null)[] }>(c.columns)) {
    check('readCsv column kind (layout)', () => read().kind(name), col.kind, ctx);
    check(
      'readCsv values (layout)',
      () => {
        const t = read();
        return t.kind(name) === 'number' ? Array.from(t.numbers(name)) : t.strings(name).map((s) => (s === null ? null : s));
      },
      col.values as Value,
      ctx,
    );
  }
}

for (const c of cases.encoders ?? []) {
  const ctx = () => ({ train: c.train, test: c.test, minFrequency: c.minFrequency, maxCategories: c.maxCategories, handleUnknown: c.handleUnknown });
  const fitted = () =>
    oneHotEncoder({
      columns: ['c'],
      minFrequency: c.minFrequency ?? undefined,
      maxCategories: c.maxCategories ?? undefined,
      handleUnknown: c.handleUnknown,
    }).fit(table({ c: c.train }));
  check('oneHotEncoder output columns', () => fitted().outputColumns, c.names, ctx);
  const ordinal = () => ordinalEncoder({ columns: ['c'], handleUnknown: 'use_encoded_value', unknownValue: -1 }).fit(table({ c: c.train }));
  check('ordinalEncoder categories', () => [...ordinal().categories.c], c.ordinalCategories, ctx);
  check(
    'ordinalEncoder transform',
    () =>
      ordinal()
        .transform(table({ c: c.test }))
        .numbers('c'),
    c.ordinal,
    ctx,
  );
  check(
    'oneHotEncoder transform',
    () => {
      const enc = fitted();
      let t: ReturnType<typeof enc.transform>;
      try {
        t = enc.transform(table({ c: c.test }));
      } catch {
        return 'error'; // scikit-learn raised too when c.x is "error"
      }
      return Array.from({ length: t.numRows }, (_, i) => enc.outputColumns.map((n) => t.numbers(n)[i]));
    },
    c.x,
    ctx,
  );
}

for (const c of cases.classification) {
  const w = c.want;
  const ctx = () => ({ y: c.y, pred: c.pred, p: c.p });
  check('accuracy', () => accuracy(c.y, c.pred), w.accuracy, ctx);
  check('balancedAccuracy', () => balancedAccuracy(c.y, c.pred), w.balancedAccuracy, ctx);
  check('balancedAccuracy (3 classes)', () => balancedAccuracy(c.y3, c.pred3), w.balancedAccuracy3, ctx);
  check('confusionMatrix (3 classes)', () => confusionMatrix(c.y3, c.pred3), w.confusionMatrix3, ctx);
  for (const avg of ['binary', 'macro', 'micro', 'weighted'] as const) {
    check(`precision ${avg}`, () => precision(c.y, c.pred, { average: avg }), w[`precision_${avg}`], ctx);
    check(`recall ${avg}`, () => recall(c.y, c.pred, { average: avg }), w[`recall_${avg}`], ctx);
    check(`f1 ${avg}`, () => f1(c.y, c.pred, { average: avg }), w[`f1_${avg}`], ctx);
    if (avg !== 'binary') {
      check(`f1 ${avg} (3 classes)`, () => f1(c.y3, c.pred3, { average: avg }), w[`f1_3_${avg}`], ctx);
      check(`precision ${avg} (3 classes)`, () => precision(c.y3, c.pred3, { average: avg }), w[`precision_3_${avg}`], ctx);
    }
  }
  check('logLoss', () => logLoss(c.y, c.p), w.logLoss, ctx);
  check('brierScore', () => brierScore(c.y, c.p), w.brier, ctx);
  check('rocAuc', () => rocAuc(c.y, c.p), w.rocAuc, ctx);
  check('rocCurve', () => Object.values(rocCurve(c.y, c.p)), w.rocCurve, ctx);
  check('averagePrecision', () => averagePrecision(c.y, c.p), w.averagePrecision, ctx);
  check('precisionRecallCurve', () => Object.values(precisionRecallCurve(c.y, c.p)), w.precisionRecallCurve, ctx);
  check(
    'calibrationCurve',
    () => {
      const r = calibrationCurve(c.y, c.p);
      return [r.fractionPositive, r.meanPredicted];
    },
    w.calibration,
    ctx,
  );
  check(
    'calibrationCurve (quantile)',
    () => {
      const r = calibrationCurve(c.y, c.p, { bins: 3, strategy: 'quantile' });
      return [r.fractionPositive, r.meanPredicted];
    },
    w.calibrationQuantile,
    ctx,
  );
  check('mse', () => mse(c.a, c.b), w.mse, ctx);
  check('mae', () => mae(c.a, c.b), w.mae, ctx);
  check('r2', () => r2(c.a, c.b), w.r2, ctx);
  check('mape', () => mape(c.a, c.b), w.mape, ctx);
}

for (const c of cases.csvDates) {
  check(
    `readCsv dates ${c.format}`,
    () => Array.from(readCsv(c.csv, { dates: ['when'], sortBy: false, twoDigitYearStart: c.twoDigitYearStart }).dates('when')),
    c.want,
    () => c.csv,
  );
}

const columnsOf = (cols: Record<string, (number | null)[]>) => table(Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, series(v)])));
for (const c of cases.transforms) {
  const train = columnsOf(c.train);
  const test = columnsOf(c.test);
  const names = Object.keys(c.train);
  const rows = (t: ReturnType<typeof table>) => Array.from({ length: t.numRows }, (_, i) => names.map((n) => t.numbers(n)[i]));
  const ctx = () => ({ train: c.train, test: c.test, featureRange: c.featureRange, quantileRange: c.quantileRange });
  check('standardScaler', () => rows(standardScaler().fit(train).transform(test)), c.want.standard, ctx);
  check('minMaxScaler', () => rows(minMaxScaler({ featureRange: c.featureRange }).fit(train).transform(test)), c.want.minMax, ctx);
  check('robustScaler', () => rows(robustScaler({ quantileRange: c.quantileRange }).fit(train).transform(test)), c.want.robust, ctx);
  const holed = columnsOf(c.holed);
  for (const strategy of ['mean', 'median', 'most_frequent'] as const) {
    check(
      `simpleImputer ${strategy}`,
      () => {
        const s = simpleImputer({ strategy }).fit(holed).statistics;
        return [s.a, s.b];
      },
      c.want[`impute_${strategy}`],
      () => c.holed,
    );
  }
  if (c.want.indicator_columns !== undefined) {
    const imp = () => simpleImputer({ strategy: 'median', addIndicator: true }).fit(holed);
    check(
      'simpleImputer addIndicator columns',
      () => [...imp().indicators],
      c.want.indicator_columns,
      () => c.holed,
    );
    check(
      'simpleImputer addIndicator transform',
      () => {
        const fitted = imp();
        const t = fitted.transform(columnsOf(c.holedTest));
        const names = ['a', 'b', ...fitted.indicators.map((n) => `${n}_missing`)];
        return Array.from({ length: t.numRows }, (_, i) => names.map((n) => t.numbers(n)[i]));
      },
      c.want.indicator_test,
      () => ({ holed: c.holed, test: c.holedTest }),
    );
  }
}

for (const c of cases.describe) {
  const keys = ['count', 'mean', 'std', 'min', '25%', '50%', '75%', 'max'];
  check(
    'summarize (describe)',
    () => {
      const s = summarize(table({ x: series(c.x) })).columns[0];
      return [s.count, s.mean, s.std, s.min, s.q25, s.median, s.q75, s.max];
    },
    keys.map((k) => c.want[k]),
    () => c.x,
  );
}

for (const c of cases.resample) {
  const t = table({ date: c.dates.map((d: string) => new Date(`${d}T00:00:00Z`)), close: series(c.close), volume: series(c.volume) });
  for (const period of ['week', 'month'] as const) {
    const w = c.want[period];
    check(
      `resampleOhlc ${period}`,
      () => {
        const b = resampleOhlc(t, { period, price: 'close', volume: 'volume' });
        return [b.displayColumn('date'), ...['open', 'high', 'low', 'close', 'volume'].map((k) => Array.from(b.numbers(k)))];
      },
      [w.date, w.open, w.high, w.low, w.close, w.volume],
      () => ({ dates: c.dates, close: c.close }),
    );
    const bars = c.want[`${period}Bars`];
    if (!bars) continue;
    const daily = t.withColumns({ open: series(c.open), high: series(c.high), low: series(c.low) });
    check(
      `resampleOhlc ${period} of daily bars`,
      () => {
        const b = resampleOhlc(daily, { period, open: 'open', high: 'high', low: 'low', price: 'close' });
        return ['open', 'high', 'low', 'close'].map((k) => Array.from(b.numbers(k)));
      },
      [bars.open, bars.high, bars.low, bars.close],
      () => ({ dates: c.dates, open: c.open, high: c.high, low: c.low, close: c.close }),
    );
  }
}

for (const c of cases.resampleIntraday ?? []) {
  const t = table({ date: c.times.map((ms: number) => new Date(ms)), close: series(c.close) });
  const w = c.want;
  check(
    `resampleOhlc ${c.rule}`,
    () => {
      const b = resampleOhlc(t, { period: c.period, every: c.every });
      return [Array.from(b.dates('date')), ...['open', 'high', 'low', 'close'].map((k) => Array.from(b.numbers(k)))];
    },
    [w.date, w.open, w.high, w.low, w.close],
    () => ({ times: c.times, close: c.close, rule: c.rule }),
  );
}

for (const c of cases.calendar ?? []) {
  const got = calendarFeatures(series(c.ms), { parts: [...CALENDAR_PARTS] });
  for (const p of CALENDAR_PARTS)
    check(
      `calendarFeatures ${p}`,
      () => got[p],
      c.want[p],
      () => c.ms,
    );
}

const utcDay = (d: string) => new Date(`${d}T00:00:00Z`);
for (const c of cases.joinAsOf) {
  const left = table({ date: c.left.map(utcDay), y: c.left.map((_: string, i: number) => i) });
  const right = table({ date: c.right.map(utcDay), g: series(c.g) });
  check(
    'joinAsOf',
    () => joinAsOf(left, right, { availableAfterMs: c.lagDays * 86_400_000 }).numbers('g'),
    c.want,
    () => ({ left: c.left, right: c.right, lagDays: c.lagDays }),
  );
}

console.log(`${checks} checks against ${cases._generated_by}`);
if (failures.size === 0) {
  console.log('every function agrees with the reference');
} else {
  for (const [fn, f] of failures) console.log(`\n${fn}: ${f.count} case(s) disagree\n${f.examples.join('\n\n')}`);
  process.exitCode = 1;
}

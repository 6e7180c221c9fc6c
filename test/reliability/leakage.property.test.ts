/**
 * Leakage properties, checked on random data with fast-check: fitted state depends only on training rows;
 * windowed targets always lie after their inputs; features at t ignore rows after t; k-fold folds are
 * disjoint and cover the data; stratified folds keep class ratios within one row; in panels, windows stay in one
 * series and splits never share a date.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import * as t from '../../lib/index';

const RUNS = { numRuns: 60, seed: 20261125 };
const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

describe('leakage properties (fast-check)', () => {
  it('fitted scalers, imputers and encoders depend only on the training rows', () => {
    fc.assert(
      fc.property(
        fc.array(finite, { minLength: 4, maxLength: 60 }),
        fc.array(finite, { minLength: 1, maxLength: 30 }),
        fc.array(finite, { minLength: 1, maxLength: 30 }),
        fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 4, maxLength: 60 }),
        (train, testA, testB, cats) => {
          const n = train.length;
          const label = Array.from({ length: n }, (_, i) => cats[i % cats.length]);
          const trainTable = t.table({ x: train, c: label });
          const whole = (test: number[]) => t.table({ x: [...train, ...test], c: [...label, ...test.map((_, i) => ['a', 'b', 'c', 'zz'][i % 4])] });
          const fit = (tbl: t.Table) => {
            const rows = tbl.slice(0, n); // the training split: the same rows, whatever follows them
            return [
              t
                .standardScaler({ columns: ['x'] })
                .fit(rows)
                .toJSON(),
              t
                .minMaxScaler({ columns: ['x'] })
                .fit(rows)
                .toJSON(),
              t
                .robustScaler({ columns: ['x'] })
                .fit(rows)
                .toJSON(),
              t
                .simpleImputer({ columns: ['x'], strategy: 'median' })
                .fit(rows)
                .toJSON(),
              t
                .oneHotEncoder({ columns: ['c'], handleUnknown: 'ignore' })
                .fit(rows)
                .toJSON(),
              t
                .oneHotEncoder({ columns: ['c'], maxCategories: 2, handleUnknown: 'infrequent_if_exist' })
                .fit(rows)
                .toJSON(),
              t
                .ordinalEncoder({ columns: ['c'], handleUnknown: 'use_encoded_value', unknownValue: -1 })
                .fit(rows)
                .toJSON(),
              t
                .simpleImputer({ columns: ['x'], strategy: 'mean', addIndicator: true })
                .fit(rows)
                .toJSON(),
            ];
          };
          const base = fit(trainTable);
          expect(fit(whole(testA))).to.deep.equal(base);
          expect(fit(whole(testB))).to.deep.equal(base);
        },
      ),
      RUNS,
    );
  });

  it('windowed targets always lie after their inputs; test windows never read rows after their target', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 120 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        (n, lookback, horizon, steps, stride, rate) => {
          fc.pre((lookback - 1) * rate + horizon + steps - 1 < n - 2);
          // Each value is its own row number, so a window's content says which rows it read.
          const tbl = t.table({ row: Array.from({ length: n }, (_, i) => i) });
          const testStart = Math.floor(n * 0.7);
          fc.pre((lookback - 1) * rate + horizon + steps - 1 < testStart && testStart + steps <= n);
          let split: { train: t.Windows; test: t.Windows };
          try {
            split = t.windowSplit(tbl, { features: ['row'], targets: ['row'], lookback, horizon, steps, stride, samplingRate: rate, testStart, ordered: true });
          } catch (err) {
            // Only the refusal of a configuration no window fits is expected; anything else fails the property.
            if (!(err instanceof t.InputError) || !/window|rows?\b/i.test((err as Error).message)) throw err;
            return;
          }
          for (const [w, isTest] of [
            [split.train, false],
            [split.test, true],
          ] as const) {
            for (let i = 0; i < w.xShape[0]; i++) {
              const lastInput = w.x[i * lookback + lookback - 1];
              const firstTarget = w.y[i * steps];
              expect(firstTarget).to.equal(w.targetRows[i]);
              expect(firstTarget - lastInput).to.equal(horizon);
              const lastTarget = w.y[i * steps + steps - 1];
              if (isTest) expect(firstTarget).to.be.at.least(testStart);
              else expect(lastTarget).to.be.below(testStart);
              checked++;
            }
          }
        },
      ),
      RUNS,
    );
    expect(checked, 'windows checked').to.be.above(500);
  });

  it('features at t are unchanged when rows after t change', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 40, maxLength: 120 }),
        fc.nat(),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        (prices, cutRaw, newValue) => {
          const cut = 30 + (cutRaw % (prices.length - 31));
          const changed = prices.map((p, i) => (i > cut ? newValue + i : p));
          const features = (p: number[]) => [
            t.lag(p, 3),
            t.diff(p),
            t.pctChange(p),
            t.logReturns(p),
            t.volatility(p, { window: 10 }),
            t.rollingMean(p, 5),
            t.rollingStd(p, 5),
            t.rollingMin(p, 7),
            t.rollingMax(p, 7),
            t.rollingSum(p, 4),
            t.ewm(p, { span: 10 }),
            t.rsi(p, 14),
            t.macd(p).histogram,
            t.bollingerBands(p, { window: 20 }).upper,
            t.fillForward(p.map((v, i) => (i % 4 === 1 ? NaN : v))),
            t.rollingMedian(p, 6),
            t.rollingQuantile(p, 9, 0.3),
            t.rollingCorr(p, t.lag(p, 1), 10),
            t.rollingCov(p, t.diff(p), 8),
            t.ewmStd(p, { span: 10 }),
          ];
          const a = features(prices);
          const b = features(changed);
          a.forEach((col, k) => {
            for (let i = 0; i <= cut; i++) expect(Object.is(col[i], b[k][i]) || col[i] === b[k][i], `feature ${k} at row ${i}`).to.equal(true);
          });
        },
      ),
      RUNS,
    );
  });

  it('k-fold test folds are disjoint, cover every row once, and never overlap their training rows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200 }), fc.integer({ min: 2, max: 10 }), fc.boolean(), (n, k, shuffle) => {
        fc.pre(k <= n);
        const folds = t.kFold(n, { k, shuffle, seed: 1 });
        const seen = new Uint8Array(n);
        for (const f of folds) {
          const test = new Set(f.test);
          for (const i of f.train) expect(test.has(i)).to.equal(false);
          expect(f.train.length + f.test.length).to.equal(n);
          for (const i of f.test) seen[i]++;
        }
        expect(Array.from(seen).every((c) => c === 1)).to.equal(true);
      }),
      RUNS,
    );
  });

  it('stratified folds keep each class share within one row of its exact share', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 30, maxLength: 200 }), fc.integer({ min: 2, max: 5 }), (labels, k) => {
        const counts = new Map<string, number>();
        labels.forEach((l) => counts.set(l, (counts.get(l) ?? 0) + 1));
        fc.pre([...counts.values()].every((c) => c >= k));
        const folds = t.stratifiedKFold(labels, { k });
        for (const f of folds) {
          for (const [cls, total] of counts) {
            const inFold = Array.from(f.test).filter((i) => labels[i] === cls).length;
            const exact = (total * f.test.length) / labels.length;
            expect(Math.abs(inFold - exact), `class ${cls}: ${inFold} vs ${exact.toFixed(2)}`).to.be.below(1 + 1e-9);
          }
        }
      }),
      RUNS,
    );
  });

  it('walk-forward folds: every test row comes after every training row (with the gap)', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 300 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 5 }), (n, nSplits, gap) => {
        let folds: t.Fold[];
        try {
          folds = t.timeSeriesSplit(n, { nSplits, gap });
        } catch (err) {
          // Too few rows for nSplits folds (and the gap) is refused by name; nothing else may be thrown.
          if (!(err instanceof t.InputError) || !/rows?\b|fold/i.test((err as Error).message)) throw err;
          return;
        }
        for (const f of folds) {
          expect(f.test[0] - f.train[f.train.length - 1]).to.be.above(gap);
          checked++;
        }
      }),
      RUNS,
    );
    expect(checked, 'folds checked').to.be.above(50);
  });

  it('panels: windows stay inside one series and look back in time; splits and walk-forward folds never share a date', async () => {
    // Random panels: up to four symbols, each over its own run of days (some start late or end early), stacked and
    // sorted by date as loadCsv leaves them.
    const series = fc.array(fc.record({ start: fc.integer({ min: 0, max: 20 }), length: fc.integer({ min: 1, max: 40 }) }), { minLength: 1, maxLength: 4 });
    let windows = 0;
    await fc.assert(
      fc.asyncProperty(
        series,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 3 }),
        fc.double({ min: 0.05, max: 0.6, noNaN: true }),
        async (specs, lookback, horizon, testSize) => {
          const rows = specs.flatMap((sp, k) => Array.from({ length: sp.length }, (_, i) => ({ day: sp.start + i, symbol: `S${k}` })));
          rows.sort((a, b) => a.day - b.day); // stable: symbols keep their order within a day
          const panel = t.table({ date: rows.map((r) => new Date(r.day * 864e5)), symbol: rows.map((r) => r.symbol), row: rows.map((_, i) => i) });
          const symbol = panel.strings('symbol');
          const day = panel.dates('date');
          // Each window reads its inputs from the `row` column: all from the target's series, all dated before it.
          let w: t.Windows | undefined;
          try {
            w = t.makeWindows(panel, { features: ['row'], targets: ['row'], lookback, horizon, series: 'symbol' });
          } catch (e) {
            expect((e as Error).message).to.include('no series of column "symbol"');
          }
          for (let i = 0; w && i < w.xShape[0]; i++) {
            const target = w.targetRows[i];
            expect(w.y[i]).to.equal(target);
            for (let j = 0; j < lookback; j++) {
              const input = w.x[i * lookback + j];
              expect(symbol[input]).to.equal(symbol[target]);
              expect(day[input]).to.be.below(day[target]);
            }
            if (i > 0) expect(target).to.be.above(w.targetRows[i - 1]);
            windows++;
          }
          let split: t.Split | undefined;
          try {
            split = t.splitByTime(panel, { testSize, series: 'symbol' });
          } catch (e) {
            expect((e as Error).message).to.include('leaves no');
          }
          if (split) expect(Math.max(...split.train.dates('date'))).to.be.below(Math.min(...split.test.dates('date')));
          const folds: [number, number][] = [];
          await t
            .walkForward(panel, { nSplits: 2, series: 'symbol' }, (train, test) => {
              folds.push([Math.max(...train.dates('date')), Math.min(...test.dates('date'))]);
              return { m: 0 };
            })
            .catch((e: Error) => expect(e.message).to.match(/nSplits|too few/));
          for (const [lastTrain, firstTest] of folds) expect(lastTrain).to.be.below(firstTest);
        },
      ),
      RUNS,
    );
    expect(windows, 'windows checked').to.be.above(500);
  });
});

/**
 * Variants of real data the worked notebooks were not written for, made from the shipped tables: renamed and
 * reformatted date columns, newest-first order, quarterly and weekly resamples, a panel, class-sorted rows, "?"
 * and "NA" markers, text categories, an ID column, three classes. Each comes with what its report must say: its
 * row count and date range, computed here from the rows written (not by the library).
 */
import * as fs from 'fs';
import * as path from 'path';

export interface Variant {
  notebook: '01-interest-rates' | '02-stock-analysis' | '03-medical-classification' | '04-risk-forecasting' | '05-survival-analysis';
  what: string;
  parameters: Record<string, string | number>;
  /** Texts the generated prose must contain. */
  says: string[];
}

const DATASETS = path.join(__dirname, '..', '..', 'datasets');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A CSV as rows of fields (no quoted commas in the shipped files; quotes stripped). */
function readRows(file: string): string[][] {
  return fs
    .readFileSync(path.join(DATASETS, file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(',').map((f) => f.replace(/^"|"$/g, '')));
}

const write = (dir: string, name: string, rows: (string | number)[][]) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, rows.map((r) => r.join(',')).join('\n') + '\n');
  return file;
};

const ymd = (iso: string) => iso.split('-').map(Number) as [number, number, number];
const monthLabel = (iso: string) => `${MONTHS[ymd(iso)[1] - 1]} ${ymd(iso)[0]}`;
const quarterLabel = (iso: string) => `${ymd(iso)[0]}Q${Math.floor((ymd(iso)[1] - 1) / 3) + 1}`;

/** Item 17: the stock verdict names its evidence — the AUC with its bootstrap interval — whatever it concludes. */
const EVIDENCE = 'ROC-AUC is';
const EVIDENCE_INTERVAL = '(95% interval';

/** Writes every variant's file into `dir` and returns the runs. */
export function makeVariants(dir: string): Variant[] {
  const out: Variant[] = [];

  // 01: treasury yields newest first, US slash dates in an "observation_date" column, another target, no macro.
  const [th, ...tRows] = readRows('treasury-yields-monthly.csv');
  const us = tRows.map(([d, ...v]) => [`${ymd(d)[1]}/${ymd(d)[2]}/${ymd(d)[0]}`, ...v]).reverse();
  const f1 = write(dir, 'yields-newest-first-us-dates.csv', [['observation_date', ...th.slice(1)], ...us]);
  out.push({
    notebook: '01-interest-rates',
    what: 'newest-first, M/D/YYYY dates named observation_date, target yield_5y, no macro',
    parameters: { csv: f1, target: 'yield_5y', macroCsv: '' },
    says: [`${tRows.length} months (${monthLabel(tRows[0][0])} – ${monthLabel(tRows[tRows.length - 1][0])})`, 'No macro covariates'],
  });

  // 01: a short series, the first 60 months (it was refused after the charts, advising a larger testFraction).
  const short = tRows.slice(0, 60);
  const f1b = write(dir, 'yields-60-months.csv', [th, ...short]);
  out.push({
    notebook: '01-interest-rates',
    what: 'a short series: 60 months',
    parameters: { csv: f1b, target: 'yield_10y', macroCsv: '' },
    says: [`60 months (${monthLabel(short[0][0])} – ${monthLabel(short[59][0])})`, 'The series is short: lookback 12 left', '-p lookback='],
  });

  // 01: the same yields resampled to quarters (first month of each), labelled "1953Q2", with the quarterly macro table.
  const quarters = tRows.filter(([d]) => (ymd(d)[1] - 1) % 3 === 0);
  const f2 = write(dir, 'yields-quarterly.csv', [['period', ...th.slice(1)], ...quarters.map(([d, ...v]) => [quarterLabel(d), ...v])]);
  out.push({
    notebook: '01-interest-rates',
    what: 'quarterly resample, 1953Q2 labels in a "period" column, with macro',
    parameters: { csv: f2, target: 'yield_10y', dataName: 'US yields, quarterly' },
    says: [`${quarters.length} quarters (${quarterLabel(quarters[0][0])} – ${quarterLabel(quarters[quarters.length - 1][0])})`, '**US yields, quarterly**'],
  });

  // 01: another real series — the 3-month T-bill rate of the macro table, dates as "Jan 1959" in "quarter_start".
  const [mh, ...mRows] = readRows('us-macro-quarterly.csv');
  const col = (name: string) => mh.indexOf(name);
  const f3 = write(dir, 'tbill-quarterly.csv', [
    ['quarter_start', 'tbilrate', 'infl', 'unemp'],
    ...mRows.map((r) => [monthLabel(r[0]), r[col('tbilrate')], r[col('infl')], r[col('unemp')]]),
  ]);
  out.push({
    notebook: '01-interest-rates',
    what: 'T-bill rate, quarterly, "Jan 1959" dates, covariates in the same file',
    parameters: { csv: f3, target: 'tbilrate', macroCsv: '', lookback: 8 },
    // Item 18: no spread between a rate and inflation or unemployment (it subtracted the first other column).
    says: [
      `${mRows.length} quarters (${quarterLabel(mRows[0][0])} – ${quarterLabel(mRows[mRows.length - 1][0])})`,
      'No spread feature: no other column is a yield of the same curve as tbilrate',
    ],
  });

  // 01: year and quarter in two columns, no date column (dateColumn=year was refused as "not decimal years").
  const f3b = write(dir, 'tbill-year-quarter.csv', [
    ['year', 'quarter', 'tbilrate', 'unemp'],
    ...mRows.map((r) => [ymd(r[0])[0], Math.floor((ymd(r[0])[1] - 1) / 3) + 1, r[col('tbilrate')], r[col('unemp')]]),
  ]);
  out.push({
    notebook: '01-interest-rates',
    what: 'year and quarter in two columns, no date column',
    parameters: { csv: f3b, target: 'tbilrate', macroCsv: '', lookback: 8 },
    says: [`${mRows.length} quarters (${quarterLabel(mRows[0][0])} – ${quarterLabel(mRows[mRows.length - 1][0])})`],
  });

  // 01: the EU indices by their day index, decimal years beside it (a clock, not a series); macro skipped, no dates.
  const [eh1, ...eRows1] = readRows('eu-stock-indices-daily.csv');
  out.push({
    notebook: '01-interest-rates',
    what: 'EU indices by day_index, FTSE, the default macro file skipped',
    parameters: { csv: path.join(DATASETS, 'eu-stock-indices-daily.csv'), target: 'FTSE', dateColumn: 'day_index', lookback: 5, epochs: 20 },
    says: [
      `${eRows1.length} observations (observation 1 – observation ${eRows1.length})`,
      `Left out as identifiers or clocks: ${eh1[1]}`,
      'Macro covariates skipped: "day_index" has no dates',
    ],
  });

  // 02: S&P 500 daily OHLCV, newest first, dates as DD.MM.YYYY in a "Trade Date" column.
  const [sh, ...sRows] = readRows('sp500-daily-ohlcv-2000-2020.csv');
  const eu = sRows.map(([d, ...v]) => [`${String(ymd(d)[2]).padStart(2, '0')}.${String(ymd(d)[1]).padStart(2, '0')}.${ymd(d)[0]}`, ...v]).reverse();
  const f4 = write(dir, 'sp500-newest-first.csv', [['Trade Date', ...sh.slice(1)], ...eu]);
  out.push({
    notebook: '02-stock-analysis',
    what: 'daily OHLCV, newest first, DD.MM.YYYY dates named "Trade Date"',
    parameters: { csv: f4, price: 'close', dateColumn: '' },
    says: [EVIDENCE, EVIDENCE_INTERVAL, `${sRows.length} trading days (${sRows[0][0]} – ${sRows[sRows.length - 1][0]})`],
  });

  // 02: the monthly panel of five stocks (symbol, "Jan 1 2000", price), one symbol.
  const [, ...pRows] = readRows('stocks-monthly-2000-2010.csv');
  const aapl = pRows.filter((r) => r[0] === 'AAPL');
  const panelFile = path.join(DATASETS, 'stocks-monthly-2000-2010.csv');
  const mon = (s: string) => {
    const [m, , y] = s.split(' ');
    return `${m} ${y}`;
  };
  out.push({
    notebook: '02-stock-analysis',
    what: 'a monthly panel of five symbols, AAPL',
    parameters: { csv: panelFile, price: 'price', dateColumn: '', series: 'symbol', symbol: 'AAPL' },
    says: [EVIDENCE, EVIDENCE_INTERVAL, `${aapl.length} months (${mon(aapl[0][1])} – ${mon(aapl[aapl.length - 1][1])})`, 'symbol **AAPL**'],
  });

  // 02: weekly closes (each week's last day) of the Dow 30 wide file, IBM.
  const [dh, ...dRows] = readRows('dow30-daily-close-1990-2001.csv');
  const weekOf = (iso: string) => Math.floor((Date.UTC(...([ymd(iso)[0], ymd(iso)[1] - 1, ymd(iso)[2]] as [number, number, number])) / 864e5 + 3) / 7); // weeks from a Monday
  const weekly = dRows.filter((r, i) => i === dRows.length - 1 || weekOf(dRows[i + 1][0]) !== weekOf(r[0]));
  const f6 = write(dir, 'dow30-weekly.csv', [['week_ending', ...dh.slice(1)], ...weekly]);
  out.push({
    notebook: '02-stock-analysis',
    what: 'weekly closes of a 30-stock wide file, IBM',
    parameters: { csv: f6, price: 'IBM', dateColumn: 'week_ending' },
    says: [EVIDENCE, EVIDENCE_INTERVAL, `${weekly.length} weeks (${weekly[0][0]} – ${weekly[weekly.length - 1][0]})`],
  });

  // 02: the weekly Dow file with a day counter "t" beside the prices (it was plotted and analysed as a price).
  const f6b = write(dir, 'dow30-weekly-counter.csv', [['week_ending', 't', ...dh.slice(1)], ...weekly.map((r, i) => [r[0], i + 1, ...r.slice(1)])]);
  out.push({
    notebook: '02-stock-analysis',
    what: 'a day counter "t" in a wide price file',
    parameters: { csv: f6b, price: 'KO', dateColumn: 'week_ending' },
    says: [`${weekly.length} weeks`, '"t" (a counter)'],
  });

  // 02: a bond yield passed as a price (it reported a "max drawdown" of a yield with no warning).
  out.push({
    notebook: '02-stock-analysis',
    what: 'a yield passed as a price (monthly treasury 10-year)',
    parameters: { csv: path.join(DATASETS, 'treasury-yields-monthly.csv'), price: 'yield_10y', dateColumn: '' },
    says: [`${tRows.length} months`, '"yield_10y" looks like a rate or yield, not a price'],
  });

  // 02: a series whose only order is a day index, newest first, no dates at all (it could not be run).
  const [eh, ...eRows] = readRows('eu-stock-indices-daily.csv');
  const dayIndex = write(dir, 'eu-day-index-newest-first.csv', [[eh[0], ...eh.slice(2)], ...eRows.map((r) => [r[0], ...r.slice(2)]).reverse()]);
  out.push({
    notebook: '02-stock-analysis',
    what: 'a day index only, newest first, periodsPerYear 260',
    parameters: { csv: dayIndex, price: 'CAC', dateColumn: 'day_index', periodsPerYear: 260 },
    says: [
      `${eRows.length} observations (observation 1 – observation ${eRows.length})`,
      'in the order of "day_index", without dates (260 a year',
      'Candlesticks skipped: without dates',
    ],
  });

  // 03: wine, three classes, rows sorted by class as shipped.
  const wineRows = readRows('wine-cultivars.csv').length - 1;
  out.push({
    notebook: '03-medical-classification',
    what: 'three classes, class-sorted (wine cultivars)',
    parameters: { csv: path.join(DATASETS, 'wine-cultivars.csv'), label: 'cultivar', positive: '' },
    says: [`${wineRows} rows`, 'with 3 classes', 'Multi-class'],
  });

  // 03: heart disease with text labels and categories, an ID column, "?" markers, rows sorted by class.
  const [hh, ...hRows] = readRows('statlog-heart.csv');
  const hc = (name: string) => hh.indexOf(name);
  const pain = ['', 'typical angina', 'atypical angina', 'non-anginal', 'asymptomatic'];
  const heart = hRows
    .map((r, i) => {
      const row = [...r];
      row[hc('sex')] = r[hc('sex')] === '1' ? 'male' : 'female';
      row[hc('chest_pain_type')] = pain[Number(r[hc('chest_pain_type')])];
      row[hc('heart_disease')] = r[hc('heart_disease')] === '1' ? 'presence' : 'absence';
      if (i % 17 === 3) row[hc('cholesterol')] = '?';
      if (i % 23 === 5) row[hc('chest_pain_type')] = '?';
      return [String(20000 + i), ...row];
    })
    .sort((a, b) => (a[hh.length] < b[hh.length] ? -1 : a[hh.length] > b[hh.length] ? 1 : 0));
  const f8 = write(dir, 'heart-text-labels.csv', [['patient_id', ...hh], ...heart]);
  out.push({
    notebook: '03-medical-classification',
    what: 'text labels and categories, patient_id, "?" markers, class-sorted',
    parameters: { csv: f8, label: 'heart_disease', positive: 'presence' },
    says: [
      `${hRows.length} rows`,
      'Left out as row identifiers: "patient_id"',
      // Per column, with how each was filled (counted here from the rows written).
      `"cholesterol" ${hRows.filter((_, i) => i % 17 === 3).length} (the training median)`,
      `"chest_pain_type" ${hRows.filter((_, i) => i % 23 === 5).length} (a category of its own, "missing")`,
      '**presence**',
    ],
  });

  // 03: breast cancer with M/B labels in "Outcome", a "Sample code number" ID and NA markers.
  const [ch, ...cRows] = readRows('breast-cancer-wisconsin-diagnostic.csv');
  const cancer = cRows.map((r, i) => [
    String(842302 + 7 * i),
    ...r.slice(0, -1).map((v, j) => (i % 31 === 2 && j === 4 ? 'NA' : v)),
    r[r.length - 1] === 'malignant' ? 'M' : 'B',
  ]);
  const f9 = write(dir, 'cancer-mb.csv', [['Sample code number', ...ch.slice(0, -1), 'Outcome'], ...cancer]);
  out.push({
    notebook: '03-medical-classification',
    what: 'M/B labels in "Outcome", a sample-number ID, NA markers',
    parameters: { csv: f9, label: 'Outcome', positive: 'M' },
    says: [`${cRows.length} rows`, '"Sample code number"', '**M**'],
  });

  // 03: repeated visits: each patient of the heart table twice (the second visit's blood pressure 2 higher), -p group.
  const visits = hRows.flatMap((r, i) => [0, 1].map((v) => [`patient-${i}`, ...r.map((x, j) => (j === hc('resting_bp') ? String(Number(x) + 2 * v) : x))]));
  const f11 = write(dir, 'heart-visits.csv', [['patient_id', ...hh], ...visits]);
  out.push({
    notebook: '03-medical-classification',
    what: 'two visits per patient, split by patient (-p group=patient_id)',
    parameters: { csv: f11, label: 'heart_disease', positive: '1', group: 'patient_id' },
    says: [`${visits.length} rows`, 'Split by patient ("patient_id")', '**Subgroups** (test ROC-AUC', '**Net benefit**', '**Calibration slope**'],
  });

  // 03: heart disease with 0/1 labels and a thal column whose normal level is the word "None" (a real category, as
  // coma "None" in an ICU table), kept as a value with keepDefaultNa=false (it was read as missing and imputed).
  const thal: Record<string, string> = { '3': 'None', '6': 'fixed defect', '7': 'reversible defect' };
  const f10 = write(dir, 'heart-none-category.csv', [hh, ...hRows.map((r) => r.map((v, j) => (j === hc('thal') ? (thal[v] ?? v) : v)))]);
  out.push({
    notebook: '03-medical-classification',
    what: '0/1 labels, a "None" category kept with keepDefaultNa=false',
    parameters: { csv: f10, label: 'heart_disease', positive: '1', naValues: '', keepDefaultNa: 'false' },
    says: [`${hRows.length} rows`, 'No missing values (read as missing: no default markers)', '**class 1**', 'class 0 ('],
  });

  // 04: S&P 500 weekly closes (each week's last day), newest first, dates named "week".
  const spWeekly = sRows.filter((r, i) => i === sRows.length - 1 || weekOf(sRows[i + 1][0]) !== weekOf(r[0]));
  const f12 = write(dir, 'sp500-weekly-newest-first.csv', [['week', 'close'], ...spWeekly.map((r) => [r[0], r[sh.indexOf('close')]]).reverse()]);
  out.push({
    notebook: '04-risk-forecasting',
    what: 'weekly closes, newest first, window 250 weeks',
    parameters: { csv: f12, price: 'close', window: 250, refitEvery: 10 },
    says: [`${spWeekly.length} weeks of "close"`, 'Models that pass both tests'],
  });
  // 04: the day-index file: VaR backtests need no calendar.
  out.push({
    notebook: '04-risk-forecasting',
    what: 'a day index only, newest first, SMI',
    parameters: { csv: dayIndex, price: 'SMI', dateColumn: 'day_index', window: 500, refitEvery: 40 },
    says: [`${eRows.length} observations of "SMI" (observation 1 – observation ${eRows.length}), in the order of "day_index"`, 'Models that pass both tests'],
  });
  // 04: item 14 — the EU indices with their decimal years in a numeric column named "time" and no other clock
  // (it was forced to be a date and failed); found as decimal years, so the series runs by them.
  const euTime = write(dir, 'eu-time-decimal-years.csv', [['time', ...eh.slice(2)], ...eRows.map((r) => [r[1], ...r.slice(2)])]);
  out.push({
    notebook: '04-risk-forecasting',
    what: 'decimal years in a numeric "time" column, CAC',
    parameters: { csv: euTime, price: 'CAC', window: 500, refitEvery: 40 },
    says: [`${eRows.length} trading days of "CAC"`],
  });
  // 04: one stock of the Dow 30 wide file, at the 0.975 level.
  out.push({
    notebook: '04-risk-forecasting',
    what: 'IBM from the Dow 30 wide file, level 0.975',
    parameters: { csv: path.join(DATASETS, 'dow30-daily-close-1990-2001.csv'), price: 'IBM', level: 0.975 },
    says: [`${dRows.length} trading days of "IBM"`, 'at the 0.975 level'],
  });
  // 04: a monthly panel symbol with a short window.
  const msft = pRows.filter((r) => r[0] === 'MSFT');
  out.push({
    notebook: '04-risk-forecasting',
    what: 'a monthly panel of five symbols, MSFT, window 60 months',
    parameters: { csv: panelFile, price: 'price', series: 'symbol', symbol: 'MSFT', window: 60, refitEvery: 6, level: 0.95 },
    says: [`${msft.length} months of "price"`, 'symbol **MSFT**'],
  });
  // 05: veterans — events coded "dead"/"alive", text covariates (cell type, therapy), treatment arms as groups.
  const [vh, ...vRows] = readRows('veteran-lung-cancer.csv');
  out.push({
    notebook: '05-survival-analysis',
    what: 'veterans: event as text, text covariates, treatment groups',
    parameters: {
      csv: path.join(DATASETS, 'veteran-lung-cancer.csv'),
      time: 'Survival_in_days',
      event: 'Status',
      eventValue: 'dead',
      group: 'Treatment',
      covariates: '',
    },
    says: [
      `${vRows.length} patients, ${vRows.filter((r) => r[vh.indexOf('Status')] === 'dead').length} events`,
      'Reference levels: Celltype = ',
      'Log-rank test across 2 groups of "Treatment"',
    ],
  });
  // 05: GBSG2 breast cancer — event column "cens", every other column a covariate, hormone therapy as groups.
  const [gh, ...gRows] = readRows('gbsg2-breast-cancer.csv');
  out.push({
    notebook: '05-survival-analysis',
    what: 'GBSG2: 686 patients, all columns as covariates, horTh groups',
    parameters: { csv: path.join(DATASETS, 'gbsg2-breast-cancer.csv'), event: 'cens', group: 'horTh', covariates: '' },
    says: [`${gRows.length} patients, ${gRows.filter((r) => r[gh.indexOf('cens')] === '1').length} events`, 'tgrade = II'],
  });
  // 05: the lung table renamed, the outcome as text with a competing code, "?" for missing, newest patients first.
  const [lh, ...lRows] = readRows('ncctg-lung.csv');
  const li = (c: string) => lh.indexOf(c);
  let censoredSeen = 0;
  const outcomeOf = (r: string[]) => (r[li('status')] === '1' ? 'died' : censoredSeen++ % 4 === 0 ? 'transplant' : 'alive');
  const lungRows = lRows
    .map((r) => [r[li('time')], outcomeOf(r), r[li('age')], r[li('sex')] === '1' ? 'male' : 'female', r[li('ph.ecog')] === '' ? '?' : r[li('ph.ecog')]])
    .reverse();
  const f14 = write(dir, 'lung-outcome-text.csv', [['follow_up_days', 'outcome', 'age', 'sex', 'ecog'], ...lungRows]);
  out.push({
    notebook: '05-survival-analysis',
    what: 'lung renamed, outcome died/alive/transplant, "?" markers, sex as text',
    parameters: { csv: f14, time: 'follow_up_days', event: 'outcome', eventValue: 'died', group: 'sex', covariates: 'age,sex,ecog', naValues: '?' },
    says: [
      `${lRows.length} patients, ${lRows.filter((r) => r[li('status')] === '1').length} events`,
      'if one of them is a competing event',
      'Left out of the model: 1 patient missing a covariate',
    ],
  });
  return out;
}

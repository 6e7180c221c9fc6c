// The table of contents of the library: one line per concept, in the direction data flows.

// Backend: the one place that loads TensorFlow.js.
export { initBackend, backendInfo, describeBackend, parseBackendName, BACKENDS, tf } from './backend';
export type { BackendInfo, BackendName } from './backend';

// Errors.
export * from './util/errors';
export { seededRng, deriveSeed, permutation } from './util/rng';
export { notice, collectNotices, collectNoticesAsync } from './util/notice';
export type { Rng } from './util/rng';
export { escapeHtml } from './util/html';
export type { Tabular, Tabulated } from './util/tabular';

// Data: load, inspect.
export { Table, table } from './data/table';
export { isoDate } from './data/iso-date';
export type { Column, ColumnKind, Row } from './data/table';
export { loadCsv, readCsv } from './data/load-csv';
export type { LoadCsvOptions, ReadCsvOptions, SchemaType } from './data/load-csv';
export { parseCsv } from './data/parse-csv';
export { loadParquet } from './data/load-parquet';
export { loadArrow } from './data/load-arrow';
export type { LoadColumnarOptions } from './data/columnar-table';
export type { Filter, FilterOp } from './data/apply-filters';
export { writeParquet } from './data/write-parquet';
export { scanParquet } from './data/scan-parquet';
export type { ScanParquetOptions, ScanBatch } from './data/scan-parquet';
export { scanCsv } from './data/scan-csv';
export type { ScanCsvOptions } from './data/scan-csv';
export type { WriteParquetOptions } from './data/write-parquet';
export { parseDates, DATE_FORMATS, type ParseDatesOptions } from './data/parse-date';
export { summarize, summarize as describe } from './data/summarize';
export { valueCounts } from './data/value-counts';
export type { ValueCountsOptions } from './data/value-counts';
export { inferFrequency, formatPeriod, observationFrequency } from './data/infer-frequency';
export type { Frequency, FrequencyName, ObservationFrequencyOptions } from './data/infer-frequency';
export { requireColumns } from './data/require-columns';
export { idColumns } from './data/id-columns';
export { withDates } from './data/with-dates';
export type { DatedTable } from './data/with-dates';
export { groupBy, mapGroups } from './data/group-by';
export { concatRows } from './data/concat-rows';
export type { ConcatRowsOptions } from './data/concat-rows';
export { numbersToDates } from './data/numbers-to-dates';
export type { DateNumberUnit } from './data/numbers-to-dates';
export { joinAsOf } from './data/join-asof';
export { decimalYearToDate, decimalYearsToDates } from './data/decimal-year';
export type { JoinAsOfOptions } from './data/join-asof';
export type { DataSummary, ColumnSummary, SummarizeOptions } from './data/summarize';

// Features: backward-looking columns.
export { lag, lead, diff, spread } from './features/lag';
export { fillForward } from './features/fill-forward';
export { calendarFeatures, CALENDAR_PARTS } from './features/calendar-features';
export type { CalendarPart, CalendarFeaturesOptions } from './features/calendar-features';
export type { FillForwardOptions } from './features/fill-forward';
export { pctChange, logReturns, volatility } from './features/returns';
export { rollingMean, rollingStd, rollingMin, rollingMax, rollingSum } from './features/rolling';
export { rollingMedian, rollingQuantile } from './features/rolling-quantile';
export { rollingCov, rollingCorr } from './features/rolling-pairs';
export { ewm, ewmVar, ewmStd } from './features/ewm';
export { rsi, macd, bollingerBands } from './features/indicators';
export { resampleOhlc } from './features/resample-ohlc';
export { classSeparation } from './features/class-separation';
export type { ResampleOhlcOptions, ResamplePeriod } from './features/resample-ohlc';

// Preprocess: split, then fit on training rows only.
export { splitByTime } from './preprocess/split-by-time';
export { checkStrictlyIncreasing, firstDateColumn } from './data/time-order';
export type { Split, SplitByTimeOptions } from './preprocess/split-by-time';
export { trainTestSplit, splitIndices } from './preprocess/train-test-split';
export { kFold, stratifiedKFold } from './preprocess/k-fold';
export type { Fold, KFoldOptions } from './preprocess/k-fold';
export { groupKFold, groupShuffleSplit } from './preprocess/group-splits';
export { stratifiedGroupKFold } from './preprocess/stratified-group-k-fold';
export type { StratifiedGroupKFoldOptions } from './preprocess/stratified-group-k-fold';
export type { GroupKFoldOptions, GroupShuffleSplitOptions } from './preprocess/group-splits';
export { timeSeriesSplit } from './preprocess/time-series-split';
export { standardScaler, minMaxScaler, robustScaler, FittedScaler } from './preprocess/scaler';
export { simpleImputer, FittedImputer } from './preprocess/simple-imputer';
export { oneHotEncoder, FittedOneHotEncoder } from './preprocess/one-hot-encoder';
export type { OneHotEncoderOptions, HandleUnknown } from './preprocess/one-hot-encoder';
export { labelEncoder, FittedLabelEncoder } from './preprocess/label-encoder';
export type { LabelEncoderOptions } from './preprocess/label-encoder';
export { ordinalEncoder, FittedOrdinalEncoder } from './preprocess/ordinal-encoder';
export type { OrdinalEncoderOptions } from './preprocess/ordinal-encoder';
export { pipeline, FittedPipeline } from './preprocess/pipeline';
export { classOrder } from './preprocess/class-order';
export type { ClassOrder, ClassOrderOptions } from './preprocess/class-order';
export { restoreTransform } from './preprocess/restore-transform';
export type { FittedTransform, TransformSpec, TransformState } from './preprocess/transform';
export { makeWindows } from './preprocess/make-windows';
export { windowSplit } from './preprocess/window-split';
export type { WindowSplitOptions } from './preprocess/window-split';
export type { Windows, WindowOptions } from './preprocess/make-windows';
export { toDataset } from './preprocess/to-dataset';
export type { Dataset, ToDatasetOptions } from './preprocess/to-dataset';

// Models: built from the prepared data's shapes, one seed each.
export { Model } from './models/model';
export type { Task, ModelSpec } from './models/model';
export { denseRegressor, denseClassifier } from './models/dense-model';
export type { DenseOptions, DenseClassifierOptions } from './models/dense-model';
export { lstmForecaster, gruForecaster, conv1dForecaster } from './models/sequence-model';
export type { SequenceOptions } from './models/sequence-model';
export { FusedLSTM, FusedGRU, fusedLstm, fusedGru } from './models/fused-recurrent';
export type { FusedRecurrentArgs } from './models/fused-recurrent';
export { recurrentKernel, useKernels } from './kernels/recurrent';
export type { UseKernelsOptions } from './kernels/recurrent';
export { linearRegression, logisticRegression } from './models/linear-model';
export type { LogisticRegressionOptions } from './models/linear-model';
export { SeededDropout } from './models/seeded-dropout';
export { wrapModel } from './models/wrap-model';
export type { WrapModelOptions } from './models/wrap-model';
export { portableTopology } from './models/portable-topology';

// Train, predict, save.
export { fitModel } from './train/fit-model';
export type { FitOptions, History, EarlyStoppingOptions, ReduceLrOptions, FitCallbacks, EpochLog } from './train/fit-options';
export { predict, predictClasses, predictInterval } from './train/predict';
export { argmaxRows } from './util/argmax-rows';
export type { Interval, IntervalOptions, PredictOptions } from './train/predict';
export { saveBundle, loadBundle, Bundle } from './train/bundle';
export type { BundleContents } from './train/bundle';
export { loadModel } from './train/load-model';
export { terminalBar, logLines } from './train/progress';
export type { ProgressReporter, EpochReport } from './train/progress';

// Metrics: numbers in, numbers out.
export { mse, rmse, mae, mape, smape, mase, r2, directionalAccuracy } from './metrics/regression';
export type { MapeOptions, MaseOptions } from './metrics/regression';
export {
  accuracy,
  balancedAccuracy,
  precision,
  recall,
  specificity,
  f1,
  confusionMatrix,
  logLoss,
  brierScore,
  classificationReport,
} from './metrics/classification';
export type { Average, ClassMetricOptions, ClassificationReportOptions, ReportRow } from './metrics/classification';
export { rocCurve, rocAuc, rocAucOvr, precisionRecallCurve, averagePrecision } from './metrics/curves';
export type { RocCurveOptions } from './metrics/curves';
export { calibrationCurve } from './metrics/calibration';
export { youdenThreshold, thresholdForSensitivity } from './metrics/threshold';
export { bootstrapCi, bootstrapRowsCi } from './metrics/bootstrap';
export { splitConformal, intervalCoverage, FittedSplitConformal } from './metrics/split-conformal';
export { conformalizedQuantiles, FittedConformalizedQuantiles } from './metrics/conformalized-quantiles';
export type { ConformalizedQuantilesOptions } from './metrics/conformalized-quantiles';
export type { SplitConformalOptions, ConformalBand } from './metrics/split-conformal';
export { conformalSets, setCoverage, FittedConformalSets } from './metrics/conformal-sets';
export type { ConformalSetOptions, ConformalSetMethod } from './metrics/conformal-sets';
export { adaptiveConformal } from './metrics/adaptive-conformal';
export { permutationImportance } from './metrics/permutation-importance';
export { calibrateProbabilities } from './metrics/calibrate-probabilities';
export type { CalibrationFitOptions, FittedCalibration } from './metrics/calibrate-probabilities';
export type { PermutationImportanceOptions, PermutationImportanceResult, FeatureImportance } from './metrics/permutation-importance';
export type { AdaptiveConformalOptions, AdaptiveBand } from './metrics/adaptive-conformal';
export { integratedGradients } from './metrics/integrated-gradients';
export type { IntegratedGradientsOptions, IntegratedGradientsResult } from './metrics/integrated-gradients';
export { partialDependence } from './metrics/partial-dependence';
export type { PartialDependenceOptions, PartialDependenceResult } from './metrics/partial-dependence';
export { searchModels, parameterGrid } from './metrics/search-models';
export type { SearchOptions, SearchResult, SearchTrial, SearchSpace } from './metrics/search-models';
export { fitAutoregressive, autoregressiveForecast } from './metrics/autoregressive-forecast';
export type { AutoregressiveFit, FitAutoregressiveOptions, AutoregressiveForecastOptions } from './metrics/autoregressive-forecast';
export type { ConfidenceInterval, BootstrapOptions } from './metrics/bootstrap';
export { persistenceForecast, seasonalNaiveForecast, movingAverageForecast, driftForecast, majorityClass } from './metrics/baselines';
export { backtest, positionsFrom, performanceStats } from './metrics/backtest';
export type { BacktestOptions, BacktestInput, BacktestResult, PerformanceStats, PositionRule } from './metrics/backtest';
export { crossValidate, walkForward } from './metrics/cross-validate';
export type { CvResult, FoldRunner, WalkForwardOptions } from './metrics/cross-validate';
export { compareModels } from './metrics/compare-models';
export type { ModelScore, CompareModelsOptions } from './metrics/compare-models';

// Finance, as a namespace (tsdl.finance.strategyVerdict), layered after metrics/.
export * as finance from './finance/index';
// Clinical evaluation, as a namespace (tsdl.clinical.kaplanMeier), layered after finance/.
export * as clinical from './clinical/index';

// Charts: pure builders returning Plotly figures (no DOM, no kernel).
export { overlay, isFigure } from './charts/figure';
export type { Figure, Trace, Layout, ChartOptions, TimeAxisOptions } from './charts/figure';
export { COLORS, themed } from './charts/theme';
export { forecastChart } from './charts/forecast-chart';
export type { ForecastChartOptions } from './charts/forecast-chart';
export { lineChart } from './charts/line-chart';
export type { LineChartOptions } from './charts/line-chart';
export { candlestickChart } from './charts/candlestick-chart';
export type { CandlestickOptions } from './charts/candlestick-chart';
export { histogramChart, distributionByClass } from './charts/distribution-charts';
export type { HistogramChartOptions } from './charts/distribution-charts';
export { drawdownChart } from './charts/drawdown-chart';
export type { DrawdownChartOptions } from './charts/drawdown-chart';
export { correlationMatrix, correlationHeatmap, confusionMatrixChart } from './charts/heatmap-charts';
export type { ConfusionMatrixChartOptions } from './charts/heatmap-charts';
export { rocChart, prChart, calibrationChart, historyChart, residualsChart, foldsChart } from './charts/evaluation-charts';
export { survivalChart } from './charts/survival-chart';
export type { SurvivalChartOptions, SurvivalCurve } from './charts/survival-chart';
export { decisionCurveChart } from './charts/decision-curve-chart';
export type { DecisionCurve, DecisionCurveChartOptions } from './charts/decision-curve-chart';
export { fanChart } from './charts/fan-chart';
export type { FanChartOptions } from './charts/fan-chart';
export { exceedanceChart } from './charts/exceedance-chart';
export type { ExceedanceChartOptions } from './charts/exceedance-chart';
export type { CalibrationChartOptions, HistoryChartOptions } from './charts/evaluation-charts';
export { importanceChart } from './charts/importance-chart';
export type { ImportanceLike, ImportanceChartOptions } from './charts/importance-chart';
export { attributionHeatmap } from './charts/attribution-heatmap';
export type { AttributionHeatmapOptions } from './charts/attribution-heatmap';
export { partialDependenceChart } from './charts/partial-dependence-chart';
export type { PartialDependenceChartOptions } from './charts/partial-dependence-chart';
export { searchChart } from './charts/search-chart';
export type { SearchChartOptions } from './charts/search-chart';

// Display: the only code that knows about the kernel and the browser.
export { show, showMarkdown, markdownBundle, figureBundle, bundleOf, displayDefaults } from './display/show';
export { toHTML } from './display/to-html';
export type { ToHtmlOptions } from './display/to-html';
export { htmlTable } from './display/html-table';
export type { HtmlTableOptions } from './display/html-table';
export type { ShowOptions, ShowMarkdownOptions, BundleOptions } from './display/show';
export { inKernel, sendBundle } from './display/jupyter';
// Gives tables and figures their kernel-facing hooks (docs/architecture.md, "On import").
import './display/kernel-hooks';
export type { MimeBundle, SendBundleOptions } from './display/jupyter';
export { figureHtml, plotlyScript } from './display/figure-html';
export type { FigureHtmlOptions } from './display/figure-html';
export { figureImage } from './display/figure-image';
export type { ImageOptions } from './display/figure-image';
export { reportHtml, writeHtmlReport, writeFigure } from './display/html-report';
export type { ReportItem, HtmlReportOptions, WriteFigureOptions } from './display/html-report';
export { notebookProgress, installNotebookProgress } from './display/notebook-progress';

// Reports: execute notebooks with parameters, record their key metrics.
export { runNotebook, jupyterPython } from './report/run-notebook';
export type { RunNotebookOptions, NotebookRun } from './report/run-notebook';
export { readParameters, injectParameters, parseParameterArgs } from './report/notebook-parameters';
export type { Parameter, ParameterValue, Notebook } from './report/notebook-parameters';
export { reportMetrics, readMetrics } from './report/report-metrics';
export { compareWithBaseline, beats } from './report/compare-with-baseline';
export type { CompareOptions } from './report/compare-with-baseline';

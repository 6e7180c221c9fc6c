"""Writes the golden values that the TypeScript tests compare with, computed by the Python reference stack
(pandas, scikit-learn, NumPy, Keras) on the project's real datasets. Run with the reference venv:

    python3 -m venv .venv-ref && .venv-ref/bin/pip install -r requirements-reference.txt
    .venv-ref/bin/python scripts/make-fixtures.py

The outputs in test/fixtures/ are committed, so the test suite needs no Python.
"""
import json, math, os, sys
import numpy as np
import pandas as pd
import sklearn
from sklearn import metrics as skm
from sklearn.model_selection import KFold, StratifiedKFold, TimeSeriesSplit
from sklearn.preprocessing import StandardScaler, MinMaxScaler, RobustScaler, OneHotEncoder
from sklearn.impute import SimpleImputer

from json_values import clean

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fixtures")
os.makedirs(OUT, exist_ok=True)


def write(name, data):
    data["_generated_by"] = f"scripts/make-fixtures.py with pandas {pd.__version__}, scikit-learn {sklearn.__version__}, numpy {np.__version__}"
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(clean(data), f, indent=None, separators=(",", ":"))
    print("wrote", name)


def features():
    sp = pd.read_csv(os.path.join(ROOT, "datasets", "sp500-daily-ohlcv-2000-2020.csv"), parse_dates=["date"]).head(300)
    c = sp["close"]
    d = {"close": c, "dates": sp["date"].dt.strftime("%Y-%m-%d").tolist()}
    d["rolling_mean_20"] = c.rolling(20).mean()
    d["rolling_mean_5_min3"] = c.rolling(5, min_periods=3).mean()
    d["rolling_std_20"] = c.rolling(20).std()
    d["rolling_min_10"] = c.rolling(10).min()
    d["rolling_max_10"] = c.rolling(10).max()
    d["rolling_sum_7"] = c.rolling(7).sum()
    d["ewm_span10_adjust"] = c.ewm(span=10, adjust=True).mean()
    d["ewm_span10_noadjust"] = c.ewm(span=10, adjust=False).mean()
    d["ewm_alpha03_min5"] = c.ewm(alpha=0.3, min_periods=5).mean()
    d["ewm_halflife4"] = c.ewm(halflife=4).mean()
    d["pct_change_1"] = c.pct_change()
    d["pct_change_5"] = c.pct_change(5)
    d["log_returns"] = np.log(c / c.shift(1))
    d["diff_2"] = c.diff(2)
    d["shift_3"] = c.shift(3)
    delta = c.diff()
    gain = delta.clip(lower=0)
    loss = (-delta).clip(lower=0)
    ag = gain.ewm(alpha=1 / 14, adjust=False, min_periods=14).mean()
    al = loss.ewm(alpha=1 / 14, adjust=False, min_periods=14).mean()
    d["rsi_14"] = 100 - 100 / (1 + ag / al)
    fast = c.ewm(span=12, adjust=False).mean()
    slow = c.ewm(span=26, adjust=False).mean()
    line = fast - slow
    sig = line.ewm(span=9, adjust=False).mean()
    d["macd"], d["macd_signal"], d["macd_hist"] = line, sig, line - sig
    m = c.rolling(20).mean()
    s = c.rolling(20).std()
    d["bb_upper"], d["bb_lower"] = m + 2 * s, m - 2 * s
    d["volatility_20"] = np.log(c / c.shift(1)).rolling(20).std() * math.sqrt(252)
    idx = sp.set_index("date")
    for rule, name in (("W", "week"), ("ME", "month")):
        bars = idx["close"].resample(rule).ohlc().dropna()
        vol = idx["volume"].resample(rule).sum().loc[bars.index]
        d[f"ohlc_{name}"] = {"date": [x.strftime("%Y-%m-%d") for x in bars.index], "open": bars["open"], "high": bars["high"],
                              "low": bars["low"], "close": bars["close"], "volume": vol}
    # Missing prices: the first 120 closes with holes at the start, single holes, a run of five and a run longer
    # than the windows, so every missing-value path of the rolling and ewm kernels is compared with pandas.
    holed = c.head(120).copy()
    holed.iloc[[0, 1, 7, 30, 31, 32, 33, 34, 60, 75] + list(range(90, 100))] = np.nan
    d["holed"] = holed
    d["holed_rolling_mean_5_min3"] = holed.rolling(5, min_periods=3).mean()
    d["holed_rolling_sum_5_min1"] = holed.rolling(5, min_periods=1).sum()
    d["holed_rolling_std_5_min2"] = holed.rolling(5, min_periods=2).std()
    d["holed_rolling_min_5_min2"] = holed.rolling(5, min_periods=2).min()
    d["holed_rolling_max_5"] = holed.rolling(5).max()
    d["holed_ewm_alpha03_adjust_min2"] = holed.ewm(alpha=0.3, min_periods=2).mean()
    d["holed_ewm_span6_noadjust"] = holed.ewm(span=6, adjust=False).mean()
    d["holed_pct_change_2"] = holed.pct_change(2, fill_method=None)
    d["holed_diff_1"] = holed.diff()
    # Gaps: a closed fortnight and a missing month, a price missing on a trading day, a NaN volume. pandas keeps an
    # empty period as a NaN bar with volume 0, and sums volume whether or not the price is there.
    gap_days = ["2020-01-01", "2020-01-02", "2020-01-03", "2020-01-20", "2020-01-21", "2020-01-24", "2020-03-02", "2020-03-31", "2020-04-01"]
    gap = pd.DataFrame({"close": [1.5, 3.0, 2.0, np.nan, 2.5, 4.0, 5.0, 4.5, 6.0], "volume": [10.0, 20.0, np.nan, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0]},
                       index=pd.to_datetime(gap_days))
    d["gap_days"] = gap_days
    d["gap_close"] = gap["close"]
    d["gap_volume"] = gap["volume"]
    for rule, name in (("W", "week"), ("ME", "month")):
        bars = gap["close"].resample(rule).ohlc()
        vol = gap["volume"].resample(rule).sum()
        d[f"gap_ohlc_{name}"] = {"date": [x.strftime("%Y-%m-%d") for x in bars.index], "open": bars["open"], "high": bars["high"],
                                  "low": bars["low"], "close": bars["close"], "volume": vol}
    # A panel: five symbols stacked in one file, sorted by date as loadCsv sorts it (stable), so the symbols
    # interleave. Features are computed per symbol (groupby), never across the boundary between two series.
    panel = pd.read_csv(os.path.join(ROOT, "datasets", "stocks-monthly-2000-2010.csv"), parse_dates=["date"], date_format="%b %d %Y")
    panel = panel.sort_values("date", kind="stable").reset_index(drop=True)
    by = panel.groupby("symbol")["price"]
    d["panel"] = {"symbol": panel["symbol"].tolist(), "date": panel["date"].dt.strftime("%Y-%m-%d").tolist(), "price": panel["price"],
                  "pct_change": by.pct_change(), "rolling_mean_3": by.transform(lambda s: s.rolling(3).mean()),
                  "group_sizes": panel.groupby("symbol", sort=False).size().to_dict()}
    write("features.json", d)


def preprocess():
    bc = pd.read_csv(os.path.join(ROOT, "datasets", "breast-cancer-wisconsin-diagnostic.csv"))
    cols = ["mean_radius", "mean_texture", "mean_area", "mean_smoothness", "worst_concavity"]
    train, test = bc[cols].iloc[:400], bc[cols].iloc[400:]
    d = {"columns": cols}
    for name, sc in (("standard", StandardScaler()), ("minmax", MinMaxScaler()), ("minmax_m1_1", MinMaxScaler(feature_range=(-1, 1))), ("robust", RobustScaler())):
        sc.fit(train)
        d[name] = {"test_first5": sc.transform(test)[:5], "test_last": sc.transform(test)[-1]}
    d["standard"]["mean"] = StandardScaler().fit(train).mean_
    d["standard"]["scale"] = StandardScaler().fit(train).scale_
    d["robust"]["center"] = RobustScaler().fit(train).center_
    d["robust"]["scale"] = RobustScaler().fit(train).scale_
    # constant columns, exactly (a price on every row) and but for rounding: left unscaled, never divided by ~1e-16
    const_train = pd.DataFrame({"price": [19.99] * 6, "tenth": [0.1] * 6, "rounded": [1.0, 1.0 + 2.2e-16] * 3, "x": [1.0, 2, 3, 4, 5, 7]})
    const_test = pd.DataFrame({"price": [19.99, 20.49], "tenth": [0.1, 0.2], "rounded": [1.0, 1.5], "x": [2.5, 8]})
    d["constant"] = {"train": const_train.to_dict(orient="list"), "test": const_test.to_dict(orient="list")}
    for name, sc in (("standard", StandardScaler()), ("minmax", MinMaxScaler()), ("minmax_m1_1", MinMaxScaler(feature_range=(-1, 1))), ("robust", RobustScaler())):
        sc.fit(const_train)
        d["constant"][name] = {"scale": sc.scale_, "test": sc.transform(const_test)}
    # imputers on a column with holes punched at fixed rows
    holed = train[["mean_radius", "mean_texture"]].copy()
    holed.iloc[[3, 50, 51, 200], 0] = np.nan
    holed.iloc[[7, 8], 1] = np.nan
    d["impute_holes"] = {"mean_radius": [3, 50, 51, 200], "mean_texture": [7, 8]}
    for strat in ("mean", "median", "most_frequent"):
        d[f"impute_{strat}"] = SimpleImputer(strategy=strat).fit(holed).statistics_
    # folds
    y = (bc["diagnosis"] == "malignant").astype(int).to_numpy() if bc["diagnosis"].dtype == object else bc["diagnosis"].to_numpy()
    d["diagnosis_values"] = sorted(bc["diagnosis"].astype(str).unique().tolist())
    d["kfold_10_3"] = [te.tolist() for _, te in KFold(3).split(np.zeros(10))]
    d["kfold_569_5_sizes"] = [len(te) for _, te in KFold(5).split(np.zeros(569))]
    labels = bc["diagnosis"].astype(str).to_numpy()
    d["stratified_5_test"] = [te.tolist() for _, te in StratifiedKFold(5).split(np.zeros(len(labels)), labels)]
    toy = np.array(list("aabbbcccccaabbcccc"))
    d["toy_labels"] = toy.tolist()
    d["stratified_toy_3_test"] = [te.tolist() for _, te in StratifiedKFold(3).split(np.zeros(len(toy)), toy)]
    cases = [dict(n_splits=5), dict(n_splits=3, gap=2), dict(n_splits=4, max_train_size=10), dict(n_splits=3, test_size=4, gap=1)]
    d["tss"] = [{"n": 30, "opts": o, "folds": [[tr.tolist(), te.tolist()] for tr, te in TimeSeriesSplit(**o).split(np.zeros(30))]} for o in cases]
    # describe() of the S&P file, pandas' definitions (std with ddof=1, linear quantiles)
    sp = pd.read_csv(os.path.join(ROOT, "datasets", "sp500-daily-ohlcv-2000-2020.csv"))
    d["sp500_describe"] = {c: sp[c].describe().to_dict() for c in ["open", "close", "volume"]}
    write("preprocess.json", d)


def windows():
    import tensorflow as tf
    rng = np.random.default_rng(0)
    data = rng.normal(size=(40, 3)).round(3).astype("float32")
    out = {"data": data, "cases": []}
    for L, r, s, h in ((5, 1, 1, 1), (4, 2, 3, 1), (6, 1, 2, 3)):
        offset = (L - 1) * r + h
        ds = tf.keras.utils.timeseries_dataset_from_array(data[:-h], data[offset:, 2], sequence_length=L,
                                                          sampling_rate=r, sequence_stride=s, batch_size=1000, shuffle=False)
        x, y = next(iter(ds))
        out["cases"].append({"lookback": L, "samplingRate": r, "stride": s, "horizon": h, "x": x.numpy().reshape(-1), "shape": list(x.shape), "y": y.numpy()})
    write("windows.json", out)


def metrics():
    from sklearn.linear_model import LogisticRegression
    from sklearn.calibration import calibration_curve
    bc = pd.read_csv(os.path.join(ROOT, "datasets", "breast-cancer-wisconsin-diagnostic.csv"))
    X = bc.drop(columns=["diagnosis"]).to_numpy()[:, :4]
    y = (bc["diagnosis"] == "malignant").astype(int).to_numpy()
    Xs = (X - X.mean(0)) / X.std(0)
    prob = LogisticRegression().fit(Xs[::2], y[::2]).predict_proba(Xs[1::2])[:, 1].round(6)  # rounding creates ties
    yt = y[1::2]
    pred = (prob >= 0.5).astype(int)
    d = {"y": yt, "prob": prob, "pred": pred}
    d["accuracy"] = skm.accuracy_score(yt, pred)
    d["balanced_accuracy"] = skm.balanced_accuracy_score(yt, pred)
    d["precision"] = skm.precision_score(yt, pred)
    d["recall"] = skm.recall_score(yt, pred)
    d["specificity"] = skm.recall_score(yt, pred, pos_label=0)
    d["f1"] = skm.f1_score(yt, pred)
    d["confusion"] = skm.confusion_matrix(yt, pred)
    d["log_loss"] = skm.log_loss(yt, prob)
    d["brier"] = skm.brier_score_loss(yt, prob)
    d["roc_auc"] = skm.roc_auc_score(yt, prob)
    fpr, tpr, thr = skm.roc_curve(yt, prob)
    d["roc"] = {"fpr": fpr, "tpr": tpr, "thresholds": [None if np.isinf(t) else t for t in thr]}
    pr, rc, pthr = skm.precision_recall_curve(yt, prob)
    d["pr"] = {"precision": pr, "recall": rc, "thresholds": pthr}
    d["average_precision"] = skm.average_precision_score(yt, prob)
    for strat in ("uniform", "quantile"):
        pt, pp = calibration_curve(yt, prob, n_bins=5, strategy=strat)
        d[f"calibration_{strat}"] = {"true": pt, "pred": pp}
    # Probabilities on the bin edges (rounded scores): which bin an edge value falls in depends on the edge to the
    # last bit — np.linspace's i * (1 / n), np.percentile's q * 100 / 100 and its interpolation.
    # 13 values: quantile positions 12 q land on whole numbers for 3, 4 and 6 bins; 5/6 and 5/7 lie a bit above
    # linspace's edges 5 * (1/6) and 5 * (1/7), and would sit exactly on 5/6 and 5/7 edges.
    tie_p = np.array([0.1, 0.2, 0.7, 1.0, 0.2, 0.5, 0.5, 0.9, 0.3, 5 / 6, 0.4, 5 / 7, 0.3])
    tie_y = np.array([0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 1, 1])
    d["calibration_ties"] = {"p": tie_p, "y": tie_y, "cases": []}
    for strat, bins in (("quantile", 3), ("quantile", 4), ("quantile", 6), ("uniform", 5), ("uniform", 6), ("uniform", 7), ("uniform", 10)):
        pt, pp = calibration_curve(tie_y, tie_p, n_bins=bins, strategy=strat)
        d["calibration_ties"]["cases"].append({"strategy": strat, "bins": bins, "true": pt, "pred": pp})
    # ties-only scores, perfect and inverted predictions
    ty = np.array([0, 0, 1, 1, 0, 1, 1, 0]); ts = np.array([0.5, 0.5, 0.5, 0.9, 0.1, 0.5, 0.9, 0.1])
    d["ties"] = {"y": ty, "s": ts, "auc": skm.roc_auc_score(ty, ts), "ap": skm.average_precision_score(ty, ts)}
    d["perfect_auc"] = skm.roc_auc_score(yt, yt * 0.8 + 0.1)
    d["inverted_auc"] = skm.roc_auc_score(yt, 1 - prob)
    # multiclass
    rng = np.random.default_rng(3)
    ym = rng.integers(0, 3, 60); pm = rng.integers(0, 3, 60); pm[:30] = ym[:30]
    d["multi"] = {"y": ym, "pred": pm}
    for avg in ("macro", "micro", "weighted"):
        d["multi"][f"precision_{avg}"] = skm.precision_score(ym, pm, average=avg)
        d["multi"][f"recall_{avg}"] = skm.recall_score(ym, pm, average=avg)
        d["multi"][f"f1_{avg}"] = skm.f1_score(ym, pm, average=avg)
    d["multi"]["confusion"] = skm.confusion_matrix(ym, pm)
    d["multi"]["balanced_accuracy"] = skm.balanced_accuracy_score(ym, pm)
    praw = rng.random((60, 3)); praw /= praw.sum(1, keepdims=True); praw = praw.round(6); praw[:, 2] = 1 - praw[:, 0] - praw[:, 1]
    d["multi"]["proba"] = praw.reshape(-1)
    d["multi"]["auc_ovr"] = skm.roc_auc_score(ym, praw, multi_class="ovr", average="macro")
    # regression on the treasury yields: 10y vs a shifted series
    ty10 = pd.read_csv(os.path.join(ROOT, "datasets", "treasury-yields-monthly.csv"))["yield_10y"].to_numpy()
    actual, fc = ty10[300:400], ty10[299:399] + 0.05
    d["reg"] = {"actual": actual, "pred": fc, "mse": skm.mean_squared_error(actual, fc), "mae": skm.mean_absolute_error(actual, fc),
                "mape": skm.mean_absolute_percentage_error(actual, fc), "r2": skm.r2_score(actual, fc),
                "rmse": math.sqrt(skm.mean_squared_error(actual, fc))}
    # backtest reference in NumPy on S&P 500 closes with a moving-average signal
    sp = pd.read_csv(os.path.join(ROOT, "datasets", "sp500-daily-ohlcv-2000-2020.csv")).head(400)
    p = sp["close"].to_numpy()
    sig = (pd.Series(p).rolling(10).mean().fillna(0).to_numpy() < p).astype(float) * 2 - 1  # +1 above its 10-day mean
    cost = 10 / 10000
    for rule in ("long-flat", "long-short"):
        pos = (sig > 0).astype(float) if rule == "long-flat" else np.sign(sig)
        prev = np.r_[0, pos[:-1]]
        r = np.r_[0, pos[:-1] * (p[1:] / p[:-1] - 1) - cost * np.abs(pos[:-1] - np.r_[0, pos[:-2]])]
        rr = r[1:]
        eq = np.cumprod(1 + rr)
        dd = eq / np.maximum.accumulate(np.r_[1, eq])[1:] - 1
        d[f"bt_{rule}"] = {"total": eq[-1] - 1, "annual": eq[-1] ** (252 / len(rr)) - 1, "vol": rr.std(ddof=1) * math.sqrt(252),
                           "sharpe": rr.mean() / rr.std(ddof=1) * math.sqrt(252), "sortino": rr.mean() / math.sqrt(np.mean(np.minimum(rr, 0) ** 2)) * math.sqrt(252),
                           "maxdd": dd.min(), "exposure": float(np.mean(pos[:-1] != 0)), "turnover": float(np.mean(np.abs(pos[:-1] - np.r_[0, pos[:-2]])))}
    d["bt_prices"], d["bt_signal"] = p, sig
    write("metrics.json", d)


if __name__ == "__main__":
    which = sys.argv[1:] or ["features", "preprocess", "windows", "metrics"]
    for w in which:
        globals()[w]()

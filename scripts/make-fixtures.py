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

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fixtures")
os.makedirs(OUT, exist_ok=True)


def clean(v):
    """JSON has no NaN: NaN -> None, arrays -> lists."""
    if isinstance(v, dict):
        return {k: clean(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [clean(x) for x in v]
    if isinstance(v, (np.ndarray, pd.Series)):
        return clean(np.asarray(v).tolist())
    if isinstance(v, (float, np.floating)):
        return None if math.isnan(v) else float(v)
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.bool_,)):
        return bool(v)
    return v


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


if __name__ == "__main__":
    which = sys.argv[1:] or ["features", "preprocess", "windows"]
    for w in which:
        globals()[w]()

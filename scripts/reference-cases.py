"""Random cases for scripts/reference-check.ts: seeded random inputs and what pandas, scikit-learn and Keras
return for them, written as one JSON file. The golden fixtures (scripts/make-fixtures.py) pin a few real-data
cases in the test suite; this sweeps hundreds of small random ones — missing values, ties, repeated prices,
odd window and fold parameters, messy CSV fields — to find where the library and the reference part ways.

    .venv-ref/bin/python scripts/reference-cases.py test-output/reference-cases.json
    npx tsx scripts/reference-check.ts test-output/reference-cases.json
"""
import io, json, os, sys, warnings

import numpy as np
import pandas as pd
from sklearn import metrics as skm
from sklearn.calibration import calibration_curve
from sklearn.impute import SimpleImputer
from sklearn.model_selection import KFold, StratifiedKFold, TimeSeriesSplit
from sklearn.preprocessing import MinMaxScaler, RobustScaler, StandardScaler

from json_values import clean

warnings.filterwarnings("ignore")


def features(rng):
    """Rolling statistics, lags, returns and ewm over short series with holes and repeated values."""
    out = []
    for _ in range(300):
        n = int(rng.integers(1, 40))
        x = np.round(rng.normal(100, 5, n), int(rng.integers(0, 3)))
        if rng.random() < 0.3:
            x = np.round(x / 5) * 5  # flat stretches
        x[rng.random(n) < rng.choice([0, 0.1, 0.4])] = np.nan
        s = pd.Series(x)
        w = int(rng.integers(1, 10))
        mp = int(rng.integers(1, w + 1)) if rng.random() < 0.5 else None
        k = int(rng.integers(1, 5))
        r = s.rolling(w, min_periods=mp)
        # alpha 0.5 is left out: pandas 3.0-3.1 special-cases com = 1 across missing values (pandas issue 31178).
        alpha = float(rng.choice([0.1, 0.3, 0.7, 0.9, 1.0]))
        adjust = bool(rng.random() < 0.5)
        emp = int(rng.integers(0, 5))
        span = int(rng.integers(1, 8))
        q = float(rng.choice([0.0, 0.1, 0.25, 0.5, 0.9, 1.0, 1 / 3]))
        # A second series, related to the first, with holes of its own (rolling cov and corr pair the rows).
        y = np.round(0.5 * np.nan_to_num(x, nan=100) + rng.normal(50, 3, n), int(rng.integers(0, 3)))
        y[rng.random(n) < rng.choice([0, 0.1, 0.3])] = np.nan
        ys = pd.Series(y)
        out.append({"x": x, "window": w, "minPeriods": mp, "k": k, "alpha": alpha, "adjust": adjust, "ewmMinPeriods": emp, "span": span, "q": q, "y": y,
                    "want": {"rollingMean": r.mean(), "rollingSum": r.sum(), "rollingStd": r.std(), "rollingMin": r.min(), "rollingMax": r.max(),
                             "lag": s.shift(k), "lead": s.shift(-k), "diff": s.diff(k), "pctChange": s.pct_change(k, fill_method=None),
                             "ewm": s.ewm(alpha=alpha, adjust=adjust, min_periods=emp).mean(), "ewmSpan": s.ewm(span=span).mean(),
                             "ffill": s.ffill(), "ffillLimit": s.ffill(limit=k), "rollingMedian": r.median(), "rollingQuantile": r.quantile(q),
                             "rollingCov": r.cov(ys), "rollingCorr": r.corr(ys),
                             "ewmVar": s.ewm(alpha=alpha, adjust=adjust, min_periods=emp).var(), "ewmStd": s.ewm(span=span).std()}})
    return out


def indicators(rng):
    """RSI (Wilder), MACD, Bollinger bands and volatility by the usual pandas recipes, on random walks."""
    out = []
    for _ in range(100):
        n = int(rng.integers(5, 80))
        x = 100 * np.exp(np.cumsum(rng.normal(0, 0.02, n)))
        if rng.random() < 0.3:
            x = np.round(x)
        s = pd.Series(x)
        p = int(rng.integers(3, 15))
        d = s.diff()
        gain = d.clip(lower=0).ewm(alpha=1 / p, adjust=False, min_periods=p).mean()
        loss = (-d).clip(lower=0).ewm(alpha=1 / p, adjust=False, min_periods=p).mean()
        line = s.ewm(span=12, adjust=False).mean() - s.ewm(span=26, adjust=False).mean()
        signal = line.ewm(span=9, adjust=False).mean()
        w = int(rng.integers(2, 10))
        mid, sd = s.rolling(w).mean(), s.rolling(w).std()
        out.append({"x": x, "period": p, "window": w,
                    "want": {"rsi": 100 - 100 / (1 + gain / loss), "macd": line, "signal": signal, "upper": mid + 2 * sd, "lower": mid - 2 * sd,
                             "volatility": np.log(s).diff().rolling(w).std() * np.sqrt(252)}})
    return out


def splits(rng):
    """TimeSeriesSplit (gap, max_train_size, test_size), KFold and StratifiedKFold layouts, errors included."""
    out = {"timeSeries": [], "kFold": [], "stratified": []}
    for _ in range(300):
        n = int(rng.integers(2, 60))
        o = {"n_splits": int(rng.integers(2, 8))}
        if rng.random() < 0.5:
            o["gap"] = int(rng.integers(0, 6))
        if rng.random() < 0.5:
            o["max_train_size"] = int(rng.integers(1, 20))
        if rng.random() < 0.4:
            o["test_size"] = int(rng.integers(1, 10))
        try:
            folds = [[tr.tolist(), te.tolist()] for tr, te in TimeSeriesSplit(**o).split(np.zeros(n))]
        except ValueError:
            folds = "error"
        out["timeSeries"].append({"n": n, "options": o, "folds": folds})
    for _ in range(100):
        n, k = int(rng.integers(2, 40)), int(rng.integers(2, 7))
        try:
            folds = [te.tolist() for _, te in KFold(k).split(np.zeros(n))]
        except ValueError:
            folds = "error"
        out["kFold"].append({"n": n, "k": k, "folds": folds})
    while len(out["stratified"]) < 150:
        n, k, nc = int(rng.integers(4, 60)), int(rng.integers(2, 5)), int(rng.integers(2, 5))
        labels = [f"c{v}" for v in rng.integers(0, nc, n)]
        if min(labels.count(c) for c in set(labels)) < k:
            continue
        out["stratified"].append({"labels": labels, "k": k, "folds": [te.tolist() for _, te in StratifiedKFold(k).split(np.zeros(n), labels)]})
    return out


def windows(rng):
    """Keras timeseries_dataset_from_array over random lookback, sampling rate, stride and horizon."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import tensorflow as tf
    out = []
    while len(out) < 60:
        n, L, r, s, h = int(rng.integers(8, 50)), int(rng.integers(1, 8)), int(rng.integers(1, 4)), int(rng.integers(1, 5)), int(rng.integers(1, 4))
        if (L - 1) * r + h >= n:
            continue
        data = rng.normal(size=(n, 2)).round(3).astype("float32")
        ds = tf.keras.utils.timeseries_dataset_from_array(data[:-h], data[(L - 1) * r + h:, 1], sequence_length=L, sampling_rate=r,
                                                          sequence_stride=s, batch_size=100_000, shuffle=False)
        x, y = next(iter(ds))
        out.append({"data": data, "lookback": L, "samplingRate": r, "stride": s, "horizon": h, "shape": list(x.shape), "x": x.numpy().reshape(-1), "y": y.numpy()})
    return out


def csv_files(rng):
    """read_csv on small files with messy fields: missing markers, signs, exponents, spaces, quotes, commas."""
    def number():
        r = rng.random()
        if r < 0.1:
            return ""
        if r < 0.15:
            return str(rng.choice(["NA", "nan", "None", "N/A", "n/a", "<NA>"]))
        if r < 0.3:
            return str(int(rng.integers(-1000, 1000)))
        if r < 0.4:
            return f"{rng.normal():.3e}"
        if r < 0.45:
            return str(rng.choice([" 1.5", "2.5 ", "+3", ".5", "5.", "-.25", "1E5", "1e-3", "007", "-0"]))
        return f"{rng.normal(0, 100):.{int(rng.integers(0, 6))}f}"

    def text():
        r = rng.random()
        if r < 0.1:
            return ""
        if r < 0.2:
            return '"a,b"'
        if r < 0.25:
            return '"say ""hi"""'
        if r < 0.3:
            return " padded "
        return str(rng.choice(["alpha", "beta", "gamma", "x1", "é", "1a", "0x1F"]))

    out = []
    while len(out) < 200:
        ncol, nrow = int(rng.integers(2, 4)), int(rng.integers(1, 12))  # two columns or more: see reference-check.ts
        kinds = [str(rng.choice(["number", "text"])) for _ in range(ncol)]
        lines = [",".join(f"c{j}" for j in range(ncol))] + [",".join(number() if k == "number" else text() for k in kinds) for _ in range(nrow)]
        csv = "\n".join(lines) + "\n"
        df = pd.read_csv(io.StringIO(csv))
        columns = {}
        for c in df.columns:
            s = df[c]
            if s.isna().all():
                continue  # all missing: float64 in pandas, text in the library (documented)
            if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
                columns[c] = {"kind": "number", "values": [None if pd.isna(v) else float(v) for v in s]}
            else:
                columns[c] = {"kind": "string", "values": [None if pd.isna(v) else str(v) for v in s]}
        out.append({"csv": csv, "rows": len(df), "columns": columns})
    return out


def csv_layout(rng):
    """read_csv of files laid out in other ways: ';', tab or '|' delimiters, CRLF line ends, a UTF-8 byte-order
    mark, no final newline, quoted fields holding the delimiter, quotes and line breaks, spaces in header names,
    and European numbers (';' with decimal ',' and thousands '.')."""
    out = []
    while len(out) < 150:
        delim = str(rng.choice([",", ";", "\t", "|"]))
        european = delim == ";" and rng.random() < 0.5
        eol = "\r\n" if rng.random() < 0.4 else "\n"

        def number():
            r = rng.random()
            if r < 0.1:
                return ""
            if r < 0.15:
                return str(rng.choice(['"12.5"', ' 7', '8 ', '"-3"', '  ', '"1e3"', '""']))
            v = rng.normal(0, 5000)
            text = f"{v:,.{int(rng.integers(0, 4))}f}" if european and rng.random() < 0.5 else f"{v:.{int(rng.integers(0, 4))}f}"
            if european:
                text = text.replace(",", "_").replace(".", ",").replace("_", ".")
            return text

        def text():
            r = rng.random()
            if r < 0.1:
                return ""
            if r < 0.25:
                return f'"a{delim}b"'
            if r < 0.35:
                return '"two' + eol + 'lines"'
            if r < 0.45:
                return '"say ""hi"""'
            return str(rng.choice(["alpha", "beta", "Zürich", "x 1", "1a"]))

        ncol, nrow = int(rng.integers(2, 4)), int(rng.integers(1, 10))
        kinds = [str(rng.choice(["number", "text"])) for _ in range(ncol)]
        header = [str(rng.choice([f"c{j}", f"col {j}", f"Col_{j}"])) for j in range(ncol)]
        lines = [delim.join(header)] + [delim.join(number() if k == "number" else text() for k in kinds) for _ in range(nrow)]
        csv = eol.join(lines) + (eol if rng.random() < 0.8 else "") + (eol * int(rng.integers(1, 3)) if rng.random() < 0.15 else "")
        if rng.random() < 0.2:
            csv = "\ufeff" + csv
        options = {"sep": delim, "na_values": ["  "]}  # the library trims before matching missing markers (documented)
        if european:
            options.update(decimal=",", thousands=".")
        df = pd.read_csv(io.StringIO(csv), **options)
        columns = {}
        for c in df.columns:
            s = df[c]
            if s.isna().all():
                continue
            if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
                columns[c] = {"kind": "number", "values": [None if pd.isna(v) else float(v) for v in s]}
            else:
                columns[c] = {"kind": "string", "values": [None if pd.isna(v) else str(v) for v in s]}
        out.append({"csv": csv, "delimiter": delim, "european": european, "rows": len(df), "names": list(df.columns), "columns": columns})
    return out


def csv_dates(rng):
    """read_csv(parse_dates=...) of a date column in one format per file — ISO days, ISO times (seconds, fractions,
    "T…Z", " UTC"), US and dotted spreadsheet date-times, AM/PM, two-digit years, months ("Jan 2000"), years — with
    missing values, as epoch milliseconds (UTC)."""
    formats = [("%Y-%m-%d", False), ("%Y-%m-%d %H:%M:%S", False), ("%Y-%m-%dT%H:%M:%S.%fZ", False), ("%Y-%m-%d %H:%M", False),
               ("%m/%d/%Y", False), ("%m/%d/%Y %H:%M", False), ("%m/%d/%Y %I:%M:%S %p", False), ("%d.%m.%Y %H:%M", True), ("%Y%m%d", False),
               ("%m/%d/%y", False), ("%d-%b-%y", False), ("%d.%m.%y", True), ("%Y.%m.%d", False), ("%b %Y", False), ("%Y", False), ("%Y-%m-%d %H:%M:%S UTC", False)]
    # pandas reads a two-digit year as the one within 50 years of today (dateutil's rule): the library's
    # twoDigitYearStart = this year - 50 gives the same century.
    year_start = pd.Timestamp.now().year - 50
    out = []
    while len(out) < 150:
        fmt, dayfirst = formats[int(rng.integers(0, len(formats)))]
        n = int(rng.integers(1, 15))
        base = pd.Timestamp("1960-01-01") + pd.Timedelta(days=int(rng.integers(0, 80 * 365)))
        stamps = [base + pd.Timedelta(seconds=int(rng.integers(0, 86400 * 60)), microseconds=int(rng.integers(0, 1000)) * 1000) for _ in range(n)]
        texts = [("" if rng.random() < 0.15 else t.strftime(fmt)) for t in stamps]
        texts = [t[:-4] + "Z" if fmt.endswith("%fZ") and t else t for t in texts]  # milliseconds, not microseconds
        if all(t == "" for t in texts):
            continue
        later = bool(rng.random() < 0.5)  # the date column first, or after another column
        rows = [f"{i},{t}" if later else f"{t},{i}" for i, t in enumerate(texts)]
        csv = ("id,when\n" if later else "when,id\n") + "\n".join(rows) + "\n"
        s = pd.read_csv(io.StringIO(csv), parse_dates=["when"], dayfirst=dayfirst)["when"]
        if s.dt.tz is not None:
            s = s.dt.tz_convert(None)
        ms = [None if pd.isna(v) else (v - pd.Timestamp(0)) / pd.Timedelta(milliseconds=1) for v in s]
        out.append({"csv": csv, "format": fmt, "twoDigitYearStart": year_start, "want": ms})
    return out


def transforms(rng):
    """Scalers (with constant and nearly constant columns, feature and quantile ranges) and imputers (with ties)."""
    out = []
    for _ in range(150):
        n = int(rng.integers(2, 30))
        cols = {"a": rng.normal(50, 10, n), "b": np.round(rng.normal(0, 1, n), 1), "c": np.full(n, float(rng.choice([0.1, 19.99, 3.0])))}
        if rng.random() < 0.3:
            cols["c"][::2] += 2.2e-16 * cols["c"][0]  # constant but for rounding
        train = pd.DataFrame(cols)
        test = pd.DataFrame({k: rng.normal(v.mean(), 5, 3) for k, v in cols.items()})
        lo = float(rng.choice([0, -1, 2]))
        hi = lo + float(rng.choice([1, 2, 0.5]))
        ql = float(rng.choice([25, 10, 0]))
        qh = float(rng.choice([75, 90, 100]))
        want = {}
        for name, sc in (("standard", StandardScaler()), ("minMax", MinMaxScaler(feature_range=(lo, hi))), ("robust", RobustScaler(quantile_range=(ql, qh)))):
            want[name] = sc.fit(train).transform(test)
        holed = train[["a", "b"]].copy()
        holed.iloc[rng.random(n) < 0.3, 0] = np.nan
        holed.iloc[rng.random(n) < 0.3, 1] = np.nan
        if holed.isna().all().any():
            holed.iloc[0] = train.iloc[0][["a", "b"]]
        for strategy in ("mean", "median", "most_frequent"):
            want[f"impute_{strategy}"] = SimpleImputer(strategy=strategy).fit(holed).statistics_
        # Missing-value indicators: flags for the columns with a gap in training, on test rows with gaps of their own.
        holed_test = test[["a", "b"]].copy()
        holed_test.iloc[rng.random(3) < 0.4, 0] = np.nan
        holed_test.iloc[rng.random(3) < 0.4, 1] = np.nan
        imp = SimpleImputer(strategy="median", add_indicator=True).fit(holed)
        flagged = [n.replace("missingindicator_", "") for n in imp.get_feature_names_out() if n.startswith("missingindicator_")]
        want["indicator_columns"] = flagged
        want["indicator_test"] = imp.transform(holed_test)
        out.append({"train": train.to_dict(orient="list"), "test": test.to_dict(orient="list"), "holed": holed.to_dict(orient="list"), "holedTest": holed_test.to_dict(orient="list"),
                    "featureRange": [lo, hi], "quantileRange": [ql, qh], "want": want})
    return out


def encoders(rng):
    """OneHotEncoder with rare categories grouped (min_frequency as a count or a fraction, max_categories, ties
    in counts) and unknown categories at transform (error, ignore, infrequent_if_exist)."""
    from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder
    out = []
    while len(out) < 150:
        n = int(rng.integers(3, 40))
        pool = ["a", "b", "c", "d", "e", "f", "g", "10", "9"][: int(rng.integers(2, 9))]
        weights = rng.random(len(pool)) ** 2 + 0.01
        train = [str(v) for v in rng.choice(pool, n, p=weights / weights.sum())]
        test = [str(v) for v in rng.choice(pool + ["zz", "yy"], int(rng.integers(1, 10)))]
        opts = {}
        r = rng.random()
        if r < 0.4:
            opts["min_frequency"] = int(rng.integers(1, 6))
        elif r < 0.6:
            opts["min_frequency"] = float(rng.choice([0.05, 0.1, 0.2, 0.3]))
        if rng.random() < 0.6:
            opts["max_categories"] = int(rng.integers(1, 6))
        handle = str(rng.choice(["error", "ignore", "infrequent_if_exist"]))
        enc = OneHotEncoder(sparse_output=False, handle_unknown=handle, **opts).fit(np.array(train, dtype=object).reshape(-1, 1))
        try:
            x = enc.transform(np.array(test, dtype=object).reshape(-1, 1))
        except ValueError:
            x = "error"
        names = [str(v).replace("x0_", "c_", 1).replace("_infrequent_sklearn", "_infrequent") for v in enc.get_feature_names_out()]
        ordinal = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1).fit(np.array(train, dtype=object).reshape(-1, 1))
        out.append({"train": train, "test": test, "minFrequency": opts.get("min_frequency"), "maxCategories": opts.get("max_categories"),
                    "handleUnknown": handle, "names": names, "x": x,
                    "ordinalCategories": [str(v) for v in ordinal.categories_[0]], "ordinal": ordinal.transform(np.array(test, dtype=object).reshape(-1, 1))[:, 0]})
    return out


def describe(rng):
    """pandas describe() of columns with missing values, repeated values and a single value."""
    out = []
    for _ in range(100):
        n = int(rng.integers(1, 30))
        x = np.round(rng.normal(0, 10, n), int(rng.integers(0, 3)))
        x[rng.random(n) < 0.2] = np.nan
        out.append({"x": x, "want": pd.Series(x).describe().to_dict()})
    return out


def resample(rng):
    """Weekly and monthly OHLC bars from daily prices with gaps (closed weeks, missing months) and missing prices."""
    out = []
    for _ in range(60):
        start = pd.Timestamp("2019-12-20") + pd.Timedelta(days=int(rng.integers(0, 30)))
        days = pd.bdate_range(start, periods=int(rng.integers(5, 120)))
        days = days[rng.random(len(days)) > rng.choice([0.0, 0.2, 0.5])]
        if len(days) == 0:
            continue
        s = pd.Series(np.round(100 + np.cumsum(rng.normal(0, 1, len(days))), 2), index=days)
        s[rng.random(len(days)) < 0.1] = np.nan
        vol = pd.Series(rng.integers(1, 100, len(days)).astype(float), index=days)
        case = {"dates": [d.strftime("%Y-%m-%d") for d in days], "close": s.values, "volume": vol.values, "want": {}}
        # Daily bars too: each day's open, high and low around its close, some missing on their own.
        o = np.round(s + rng.normal(0, 0.5, len(days)), 2)
        h = np.round(np.fmax(s, o) + rng.random(len(days)), 2)
        l = np.round(np.fmin(s, o) - rng.random(len(days)), 2)
        for a in (o, h, l):
            a[rng.random(len(days)) < 0.1] = np.nan
        daily = pd.DataFrame({"open": o, "high": h, "low": l, "close": s, "volume": vol})
        case.update(open=o.values, high=h.values, low=l.values)
        for rule, name in (("W", "week"), ("ME", "month")):
            bars = s.resample(rule).ohlc()
            case["want"][name] = {"date": [d.strftime("%Y-%m-%d") for d in bars.index], "open": bars["open"], "high": bars["high"], "low": bars["low"],
                                  "close": bars["close"], "volume": vol.resample(rule).sum()}
            agg = daily.resample(rule).agg({"open": "first", "high": "max", "low": "min", "close": "last", "volume": "sum"})
            case["want"][f"{name}Bars"] = {"open": agg["open"], "high": agg["high"], "low": agg["low"], "close": agg["close"]}
        out.append(case)
    return out


def resample_intraday(rng):
    """Intraday prices (seconds apart to hours apart, over nights and weekends) into minute, hour and day bars."""
    out = []
    for _ in range(60):
        start = pd.Timestamp("2024-03-01") + pd.Timedelta(minutes=int(rng.integers(0, 5 * 1440)))
        steps = rng.choice([1, 7, 60, 600, 3600, 20000], int(rng.integers(2, 80)))
        stamps = start + pd.to_timedelta(np.cumsum(steps), unit="s")
        s = pd.Series(np.round(100 + np.cumsum(rng.normal(0, 0.1, len(stamps))), 2), index=stamps)
        s[rng.random(len(stamps)) < 0.1] = np.nan
        every, period = [(1, "minute"), (15, "minute"), (7, "minute"), (90, "minute"), (1, "hour"), (4, "hour"), (1, "day"), (2, "day")][int(rng.integers(0, 8))]
        rule = {"minute": f"{every}min", "hour": f"{every}h", "day": f"{every}D"}[period]
        bars = s.resample(rule).ohlc()
        out.append({"times": [(t - pd.Timestamp(0)) / pd.Timedelta(milliseconds=1) for t in stamps], "close": s.values, "period": period, "every": every, "rule": rule,
                    "want": {"date": [(t - pd.Timestamp(0)) / pd.Timedelta(milliseconds=1) for t in bars.index], "open": bars["open"], "high": bars["high"],
                             "low": bars["low"], "close": bars["close"]}})
    return out


def calendar(rng):
    """pandas .dt parts of random timestamps from 1900 to 2100, half of them within days of a new year (ISO weeks)."""
    out = []
    for _ in range(40):
        n = int(rng.integers(1, 30))
        years = rng.integers(1900, 2100, n)
        near_new_year = rng.random(n) < 0.5
        days = np.where(near_new_year, rng.integers(-4, 4, n), rng.integers(0, 366, n))
        stamps = [pd.Timestamp(int(y), 1, 1) + pd.Timedelta(days=int(d), minutes=int(rng.integers(0, 1440))) for y, d in zip(years, days)]
        s = pd.Series(stamps)
        s[rng.random(n) < 0.1] = pd.NaT
        dt = s.dt
        out.append({"ms": [None if pd.isna(v) else (v - pd.Timestamp(0)) / pd.Timedelta(milliseconds=1) for v in s],
                    "want": {"year": dt.year, "quarter": dt.quarter, "month": dt.month, "day": dt.day, "dayOfWeek": dt.dayofweek, "dayOfYear": dt.dayofyear,
                             "weekOfYear": dt.isocalendar().week.astype("float"), "hour": dt.hour, "minute": dt.minute,
                             "isMonthStart": dt.is_month_start.where(s.notna()).astype("float"), "isMonthEnd": dt.is_month_end.where(s.notna()).astype("float")}})
    return out


def join_asof(rng):
    """merge_asof (backward, exact matches allowed) of a lower-frequency table onto daily rows, with a publication
    lag (the right rows' dates shifted by availableAfterMs)."""
    out = []
    for _ in range(80):
        # Left dates may repeat (a panel: several symbols per date); right dates are distinct.
        left_days = np.sort(rng.choice(np.arange(0, 200), int(rng.integers(1, 40)), replace=bool(rng.random() < 0.3)))
        right_days = np.sort(rng.choice(np.arange(-20, 200), int(rng.integers(1, 15)), replace=False))
        lag = int(rng.choice([0, 0, 1, 7, 30]))
        base = pd.Timestamp("2020-01-01")
        left = pd.DataFrame({"date": base + pd.to_timedelta(left_days, unit="D"), "y": np.arange(len(left_days), dtype=float)})
        right = pd.DataFrame({"date": base + pd.to_timedelta(right_days, unit="D"), "g": np.round(rng.normal(size=len(right_days)), 3)})
        shifted = right.assign(date=right["date"] + pd.Timedelta(days=lag))
        joined = pd.merge_asof(left, shifted, on="date", direction="backward")
        out.append({"left": [d.strftime("%Y-%m-%d") for d in left["date"]], "right": [d.strftime("%Y-%m-%d") for d in right["date"]],
                    "g": right["g"].values, "lagDays": lag, "want": joined["g"].values})
    return out


def classification(rng):
    """Binary and three-class metrics, curves and calibration; regression metrics on the side."""
    out = []
    for _ in range(200):
        n = int(rng.integers(2, 30))
        y, p = rng.integers(0, 2, n), rng.random(n)
        if rng.random() < 0.3:
            p = np.round(p, 1)  # ties
        if rng.random() < 0.2:
            p[rng.integers(0, n)] = rng.choice([0.0, 1.0])
        pred = (p > 0.5).astype(int) if rng.random() < 0.7 else rng.integers(0, 2, n)
        y3, pred3 = rng.integers(0, 3, n), rng.integers(0, 3, n)
        a = rng.normal(size=n)
        b = a + rng.normal(size=n) * 0.5
        want = {"accuracy": skm.accuracy_score(y, pred), "balancedAccuracy": skm.balanced_accuracy_score(y, pred),
                "logLoss": skm.log_loss(y, p, labels=[0, 1]), "balancedAccuracy3": skm.balanced_accuracy_score(y3, pred3),
                "confusionMatrix3": skm.confusion_matrix(y3, pred3), "mse": skm.mean_squared_error(a, b), "mae": skm.mean_absolute_error(a, b),
                "r2": skm.r2_score(a, b), "mape": skm.mean_absolute_percentage_error(a, b)}
        for avg in ("binary", "macro", "micro", "weighted"):
            want[f"precision_{avg}"] = skm.precision_score(y, pred, average=avg, zero_division=0)
            want[f"recall_{avg}"] = skm.recall_score(y, pred, average=avg, zero_division=0)
            want[f"f1_{avg}"] = skm.f1_score(y, pred, average=avg, zero_division=0)
            if avg != "binary":
                want[f"f1_3_{avg}"] = skm.f1_score(y3, pred3, average=avg, zero_division=0)
                want[f"precision_3_{avg}"] = skm.precision_score(y3, pred3, average=avg, zero_division=0)
        if 0 < y.sum() < n:
            want["brier"] = skm.brier_score_loss(y, p)
            want["rocAuc"] = skm.roc_auc_score(y, p)
            want["rocCurve"] = list(skm.roc_curve(y, p))
            want["averagePrecision"] = skm.average_precision_score(y, p)
            want["precisionRecallCurve"] = list(skm.precision_recall_curve(y, p))
            want["calibration"] = list(calibration_curve(y, p, n_bins=5))
            want["calibrationQuantile"] = list(calibration_curve(y, p, n_bins=3, strategy="quantile"))
        out.append({"y": y, "p": p, "pred": pred, "y3": y3, "pred3": pred3, "a": a, "b": b, "want": want})
    return out


if __name__ == "__main__":
    path = sys.argv[1] if len(sys.argv) > 1 else "test-output/reference-cases.json"
    rng = np.random.default_rng(int(sys.argv[2]) if len(sys.argv) > 2 else 0)
    cases = {"features": features(rng), "indicators": indicators(rng), "splits": splits(rng), "windows": windows(rng),
             "csv": csv_files(rng), "csvLayout": csv_layout(rng), "csvDates": csv_dates(rng), "classification": classification(rng), "transforms": transforms(rng), "encoders": encoders(rng), "describe": describe(rng), "resample": resample(rng), "resampleIntraday": resample_intraday(rng), "calendar": calendar(rng), "joinAsOf": join_asof(rng)}
    cases["_generated_by"] = f"scripts/reference-cases.py with pandas {pd.__version__}, numpy {np.__version__}"
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w") as f:
        json.dump(clean(cases), f)
    print("wrote", path)

"""pandas/NumPy reference for bench/data-pipeline.ts: the same six steps, timed as bench/timing.ts timeSteady
times ours (a warm-up run, then the median of 25 runs for a step under 20 ms, else of 11). Prints one JSON
object: milliseconds per step, and minor page faults per run under "_faults"."""
import json, resource, sys, time
import numpy as np
import pandas as pd

faults = {}

def minflt():
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt

def timed(fn, name):
    result = fn()
    t0 = time.perf_counter(); result = fn(); probe = (time.perf_counter() - t0) * 1000
    repeats = 25 if probe < 20 else 11
    ms = []
    f0 = minflt()
    for _ in range(repeats):
        t0 = time.perf_counter(); result = fn(); ms.append((time.perf_counter() - t0) * 1000)
    faults[name] = round((minflt() - f0) / repeats)
    return sorted(ms)[len(ms) // 2], result

csv, lookback = sys.argv[1], 30
out = {}
out["load"], df = timed(lambda: pd.read_csv(csv, parse_dates=["Date"]).sort_values("Date"), "load")
out["returns"], ret = timed(lambda: df["Close"].pct_change(), "returns")
df = df.assign(ret=ret)
out["rolling mean (20)"], ma = timed(lambda: df["Close"].rolling(20).mean(), "rolling mean (20)")
df = df.assign(ma20=ma)
out["drop missing"], clean = timed(lambda: df.dropna(), "drop missing")
cols = ["Close", "ret", "ma20", "Volume"]
def minmax():
    x = clean[cols].to_numpy(dtype=np.float64)
    lo, hi = x.min(axis=0), x.max(axis=0)
    return (x - lo) / np.where(hi > lo, hi - lo, 1)
out["min-max scale"], scaled = timed(minmax, "min-max scale")
def windows():
    x = np.lib.stride_tricks.sliding_window_view(scaled[:-1], lookback, axis=0).transpose(0, 2, 1)
    return np.ascontiguousarray(x, dtype=np.float32), scaled[lookback:, 0].astype(np.float32)
out["windows (30)"], (xw, yw) = timed(windows, "windows (30)")
if len(sys.argv) > 2:
    # Outside the pipeline: a trade log with text columns (bench/make-prices.ts makeTrades).
    out["load, text columns"], _ = timed(lambda: pd.read_csv(sys.argv[2], parse_dates=["date"]).sort_values("date"), "load, text columns")
if len(sys.argv) > 3:
    # Outside the pipeline: one-minute bars with "YYYY-MM-DD HH:MM:SS" timestamps (bench/make-prices.ts makeIntraday).
    out["load, intraday"], _ = timed(lambda: pd.read_csv(sys.argv[3], parse_dates=["Datetime"]).sort_values("Datetime"), "load, intraday")
if len(sys.argv) > 4:
    # Outside the pipeline: the trade log with every field quoted (bench/make-prices.ts makeQuotedTrades).
    out["load, quoted fields"], _ = timed(lambda: pd.read_csv(sys.argv[4], parse_dates=["date"]).sort_values("date"), "load, quoted fields")
out["_shape"] = list(xw.shape)
out["_check"] = float(xw[-1, -1, 0])
out["_faults"] = faults
print(json.dumps(out))

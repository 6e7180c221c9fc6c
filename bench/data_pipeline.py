"""pandas/NumPy reference for bench/data-pipeline.ts: the same six steps, median of 5 runs after a warm-up.
Prints one JSON object of milliseconds per step."""
import json, sys, time
import numpy as np
import pandas as pd

def timed(fn, repeats=5):
    result = fn()
    ms = []
    for _ in range(repeats):
        t0 = time.perf_counter(); result = fn(); ms.append((time.perf_counter() - t0) * 1000)
    return sorted(ms)[len(ms) // 2], result

csv, lookback = sys.argv[1], 30
out = {}
out["load"], df = timed(lambda: pd.read_csv(csv, parse_dates=["Date"]).sort_values("Date"))
out["returns"], ret = timed(lambda: df["Close"].pct_change())
df = df.assign(ret=ret)
out["rolling mean (20)"], ma = timed(lambda: df["Close"].rolling(20).mean())
df = df.assign(ma20=ma)
out["drop missing"], clean = timed(lambda: df.dropna())
cols = ["Close", "ret", "ma20", "Volume"]
def minmax():
    x = clean[cols].to_numpy(dtype=np.float64)
    lo, hi = x.min(axis=0), x.max(axis=0)
    return (x - lo) / np.where(hi > lo, hi - lo, 1)
out["min-max scale"], scaled = timed(minmax)
def windows():
    x = np.lib.stride_tricks.sliding_window_view(scaled[:-1], lookback, axis=0).transpose(0, 2, 1)
    return np.ascontiguousarray(x, dtype=np.float32), scaled[lookback:, 0].astype(np.float32)
out["windows (30)"], (xw, yw) = timed(windows)
out["_shape"] = list(xw.shape)
out["_check"] = float(xw[-1, -1, 0])
print(json.dumps(out))

"""pandas + pyarrow's side of bench/columnar-load.ts: writes the benchmark files, then times read_parquet,
read_feather and read_csv on them (best of 3), printing JSON.

    .venv-ref/bin/python bench/columnar_load.py DIR ROWS
"""
import json, os, sys, time
import numpy as np
import pandas as pd

out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(0)
df = pd.DataFrame({"date": pd.date_range("2000-01-01", periods=n, freq="min"), "price": rng.normal(size=n), "volume": rng.integers(0, 10**6, n),
                   "symbol": pd.Categorical(rng.choice(["AAPL", "MSFT", "IBM"], n)), "ret": rng.normal(size=n)})
df.to_parquet(os.path.join(out, "bench.parquet"), index=False)
df.to_feather(os.path.join(out, "bench.feather"))
df.to_csv(os.path.join(out, "bench.csv"), index=False)


def best(f):
    times = []
    for _ in range(3):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times) * 1000


print(json.dumps({
    "read_parquet": best(lambda: pd.read_parquet(os.path.join(out, "bench.parquet"))),
    "read_parquet one column": best(lambda: pd.read_parquet(os.path.join(out, "bench.parquet"), columns=["price"])),
    "read_feather": best(lambda: pd.read_feather(os.path.join(out, "bench.feather"))),
    "read_csv": best(lambda: pd.read_csv(os.path.join(out, "bench.csv"), parse_dates=["date"])),
}))

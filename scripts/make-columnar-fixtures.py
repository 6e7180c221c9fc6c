"""Golden files for lib/data/load-parquet.ts and load-arrow.ts, written by pandas + pyarrow (.venv-ref):

- mixed.{parquet,feather,csv}: one table, three formats (pandas' to_parquet, to_feather, to_csv), newest first, with a
  date column, a UTC timestamp, int64 account numbers beyond 2^53, int32 and float64 with missing values, text
  with None, a categorical (dictionary-encoded in Parquet and Arrow) and a bool. The test loads all three and
  expects the same Table.
- treasury.parquet: the shipped datasets/treasury-yields-monthly.csv through pandas (dates parsed), compared with
  loadCsv of the CSV.
- mixed-zstd.feather: the same, ZSTD-compressed (refused with the fix).
- tsdl-written.json: what pandas reads from tsdl-written.parquet, the file scripts/export-parquet.ts writes with
  writeParquet (run first).

    .venv-ref/bin/python scripts/make-columnar-fixtures.py
"""
import json, os, subprocess
import numpy as np
import pandas as pd
import pyarrow

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fixtures", "columnar")
os.makedirs(OUT, exist_ok=True)
n = 12
rng = np.random.default_rng(4)
df = pd.DataFrame({
    "date": pd.date_range("2021-01-01", periods=n, freq="MS")[::-1],
    "stamp": pd.date_range("2021-01-01 09:30", periods=n, freq="h", tz="UTC")[::-1],
    "account": np.array([9007199254740993 + 2 * i for i in range(n)], dtype=np.int64),
    "visits": pd.array([3, None, 5, 7, 1, 0, 2, None, 4, 4, 9, 6], dtype="Int32"),
    "price": np.round(rng.normal(100, 5, n), 4),
    "note": ["a", None, "b,c", 'say "hi"', "", "e", "f", "g", None, "h", "i", "j"],
    "grade": pd.Categorical(["low", "high", "mid", "low", "low", None, "high", "mid", "mid", "low", "high", "low"]),
    "flag": [True, False, True, True, False, False, True, False, True, True, False, True],
})
df.loc[3, "price"] = np.nan
df.to_parquet(os.path.join(OUT, "mixed.parquet"), index=False)
df.reset_index(drop=True).to_feather(os.path.join(OUT, "mixed.feather"))
df.reset_index(drop=True).to_feather(os.path.join(OUT, "mixed-zstd.feather"), compression="zstd")
df.to_csv(os.path.join(OUT, "mixed.csv"), index=False)
t = pd.read_csv(os.path.join(ROOT, "datasets", "treasury-yields-monthly.csv"), parse_dates=["date"])
t.to_parquet(os.path.join(OUT, "treasury.parquet"), index=False, row_group_size=200)
written = os.path.join(OUT, "tsdl-written.parquet")
subprocess.run(["npx", "tsx", "scripts/export-parquet.ts", written], cwd=ROOT, check=True)
if os.path.exists(written):
    back = pd.read_parquet(written)
    cols = {}
    for c in back.columns:
        s = back[c]
        if pd.api.types.is_datetime64_any_dtype(s):
            cols[c] = {"dtype": str(s.dtype), "values": [None if pd.isna(v) else int(v.value // 1_000_000) for v in s]}
        elif pd.api.types.is_numeric_dtype(s):
            cols[c] = {"dtype": str(s.dtype), "values": [None if pd.isna(v) else float(v) for v in s]}
        else:
            cols[c] = {"dtype": str(s.dtype), "values": [None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v) for v in s]}
    json.dump({"columns": cols, "rows": len(back), "_generated_by": f"pandas {pd.__version__}, pyarrow {pyarrow.__version__}"}, open(os.path.join(OUT, "tsdl-written.json"), "w"), indent=1)
print("wrote", sorted(os.listdir(OUT)), f"pandas {pd.__version__}, pyarrow {pyarrow.__version__}")

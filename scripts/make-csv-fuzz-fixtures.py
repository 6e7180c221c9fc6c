"""pandas' reading of the differential fuzz's files (test/data/csv-fuzz.ts), for test/data/load-csv.test.ts: each of
300 generated files (seed 21) read with pandas.read_csv(float_precision="round_trip"), the encoding told by the byte-order
mark as pandas users pass it (utf-8-sig, utf-16); per file the column names and, per column, numeric or text and
the values (null where missing).

    .venv-ref/bin/python scripts/make-csv-fuzz-fixtures.py
"""
import json, math, os, subprocess, tempfile
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fixtures", "csv-fuzz-pandas.json")
FILES, SEED = 300, 21
tmp = tempfile.mkdtemp(prefix="tsdl-fuzz-pandas-")
subprocess.run([os.path.join(ROOT, "node_modules", ".bin", "tsx"), os.path.join(ROOT, "scripts", "export-csv-fuzz.ts"), tmp, str(FILES), str(SEED)], check=True)
files = []
for i in range(FILES):
    path = os.path.join(tmp, f"f{i}.csv")
    head = open(path, "rb").read(4)
    encoding = "utf-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    df = pd.read_csv(path, encoding=encoding, float_precision="round_trip")
    cols = []
    for c in df.columns:
        s = df[c]
        numeric = pd.api.types.is_numeric_dtype(s)
        vals = [None if (v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA) else (float(v) if numeric else str(v)) for v in s.tolist()]
        cols.append({"name": str(c), "kind": "number" if numeric else "string", "values": vals})
    files.append({"file": i, "encoding": encoding, "columns": cols})
with open(OUT, "w") as f:
    json.dump({"made_by": "scripts/make-csv-fuzz-fixtures.py", "pandas": pd.__version__, "files": FILES, "seed": SEED, "results": files}, f)
print("wrote", OUT)

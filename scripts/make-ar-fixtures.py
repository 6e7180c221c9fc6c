"""Golden values for lib/metrics/autoregressive-forecast.ts: statsmodels' AutoReg (conditional least squares) on
the shipped monthly 10-year Treasury yield (yield_10y) and quarterly US unemployment, fitted on the first 80 % of rows; the
coefficients, sigma2, and forecasts 1 and 3 rows ahead from origins in the test period (res.apply on the series up
to each origin, then forecast(h): the fitted coefficients, never refitted).

    .venv-ref/bin/python scripts/make-ar-fixtures.py
"""
import json, os
import numpy as np
import pandas as pd
import statsmodels
from statsmodels.tsa.ar_model import AutoReg

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fixtures", "autoregressive.json")
cases = {}
for name, file, column in [("treasury", "treasury-yields-monthly.csv", "yield_10y"), ("unemployment", "us-macro-quarterly.csv", "unemp")]:
    y = pd.read_csv(os.path.join(ROOT, "datasets", file))[column].to_numpy(dtype=float)
    train_end = int(len(y) * 0.8)
    for lags in (1, 3, 6):
        for trend in ("c", "n"):
            res = AutoReg(y[:train_end], lags=lags, trend=trend).fit()
            targets = {}
            for h in (1, 3):
                rows = list(range(train_end + h - 1, len(y), 7))
                targets[str(h)] = {"rows": rows, "forecast": [float(res.apply(y[: r - h + 1]).forecast(h)[-1]) for r in rows]}
            params = np.asarray(res.params)
            cases[f"{name}-{lags}-{trend}"] = {
                "series": name, "lags": lags, "trend": trend, "trainEnd": train_end,
                "intercept": float(params[0]) if trend == "c" else 0.0,
                "coefficients": (params[1:] if trend == "c" else params).tolist(),
                "sigma2": float(res.sigma2), "nobs": int(res.nobs), "targets": targets,
            }
    cases[name] = y.tolist()
json.dump({"cases": {k: v for k, v in cases.items() if isinstance(v, dict)}, "series": {k: v for k, v in cases.items() if isinstance(v, list)},
           "_generated_by": f"scripts/make-ar-fixtures.py with statsmodels {statsmodels.__version__}"}, open(OUT, "w"), separators=(",", ":"))
print("wrote", OUT, len(cases))

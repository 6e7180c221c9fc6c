"""arch's side of bench/garch-rolling.ts: GARCH(1,1)-normal refitted every 250 days on a rolling 1,000-day window over
the S&P 500 daily returns (in percent), with a 1-step VaR at 0.99 from each fit; prints the seconds as JSON."""
import json, sys, time
import numpy as np, pandas as pd
from arch import arch_model
from scipy import stats

close = pd.read_csv(sys.argv[1])["close"].to_numpy(float)
r = 100 * (close[1:] / close[:-1] - 1)
t0 = time.perf_counter()
fits = 0
for end in range(1000, len(r), 250):
    res = arch_model(r[end - 1000:end], mean="Constant", vol="GARCH", p=1, q=1).fit(disp="off")
    var = -(res.params["mu"] + np.sqrt(res.forecast(horizon=1, reindex=False).variance.values[-1, 0]) * stats.norm.ppf(0.01))
    fits += 1
print(json.dumps({"engine": "arch", "fits": fits, "seconds": time.perf_counter() - t0}))

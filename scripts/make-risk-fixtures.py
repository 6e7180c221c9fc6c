"""Golden values for lib/finance (value-at-risk.ts, var-backtests.ts) and lib/util/distributions.ts, from SciPy and
empyrical-reloaded on the shipped S&P 500 daily closes (simple returns) and seeded exceedance sequences:
- VaR and expected shortfall, four methods and three levels, with the definitions written in value-at-risk.ts
  (historical: empyrical's value_at_risk and conditional_value_at_risk, as positive losses);
- a rolling 250-day historical VaR at 0.99 (past data only) and its Kupiec and Christoffersen statistics;
- scipy.stats norm.ppf, t.ppf and chi2.sf at a grid of points;
- empyrical's performance statistics of the last 1,000 daily returns of the Dow 30's IBM against its equal-weight
  average (annual return, volatility, Sharpe, downside risk, Sortino, max drawdown, Calmar, Omega, alpha and beta,
  up and down capture, excess Sharpe), daily (252) and as if weekly (52);
- GARCH(1,1) and GJR-GARCH(1,1,1), normal and t, on 100 × the returns (arch's arch_model(...).fit()): parameters,
  log-likelihood, the last conditional volatility and a 10-step variance forecast.

    .venv-ref/bin/python scripts/make-risk-fixtures.py
"""
import json, os
import numpy as np
import pandas as pd
import scipy
from scipy import stats
import empyrical
import properscoring
import sklearn
from sklearn.metrics import mean_pinball_loss
import arch
from arch import arch_model

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fixtures", "risk.json")

close = pd.read_csv(os.path.join(ROOT, "datasets", "sp500-daily-ohlcv-2000-2020.csv"))["close"].to_numpy(dtype=float)
r = close[1:] / close[:-1] - 1


def risk(x, level, method):
    a = 1 - level
    mean, sd = x.mean(), x.std(ddof=1)
    skew, kurt = stats.skew(x), stats.kurtosis(x)  # population (bias=True), excess
    if method == "historical":
        return -empyrical.value_at_risk(x, cutoff=a), -empyrical.conditional_value_at_risk(x, cutoff=a)
    z = stats.norm.ppf(a)
    if method == "normal":
        return -(mean + sd * z), -(mean - sd * stats.norm.pdf(z) / a)
    if method == "cornish-fisher":
        zcf = z + (z**2 - 1) * skew / 6 + (z**3 - 3 * z) * kurt / 24 - (2 * z**3 - 5 * z) * skew**2 / 36
        return -(mean + sd * zcf), None
    nu = 4 + 6 / kurt
    t = stats.t.ppf(a, nu)
    scale = sd * np.sqrt((nu - 2) / nu)
    return -(mean + scale * t), -(mean - scale * stats.t.pdf(t, nu) / a * (nu + t * t) / (nu - 1))


cases = []
for sample, x in [("all", r), ("last-500", r[-500:])]:
    for level in (0.95, 0.975, 0.99):
        for method in ("historical", "normal", "t", "cornish-fisher"):
            var, es = risk(x, level, method)
            cases.append({"sample": sample, "level": level, "method": method, "valueAtRisk": float(var), "expectedShortfall": None if es is None else float(es)})


def kupiec(h, level):
    n, x, p = len(h), int(h.sum()), 1 - level
    ph = x / n
    ll = lambda q: (n - x) * np.log(1 - q) + (x * np.log(q) if x else 0.0)
    lr = -2 * (ll(p) - ll(ph)) if 0 < x < n else -2 * (ll(p) - (0.0 if x in (0, n) else ll(ph)))
    return float(lr), float(stats.chi2.sf(lr, 1))


def christoffersen(h, level):
    n00 = n01 = n10 = n11 = 0
    for a, b in zip(h[:-1], h[1:]):
        if a == 0 and b == 0: n00 += 1
        elif a == 0: n01 += 1
        elif b == 0: n10 += 1
        else: n11 += 1
    xl = lambda k, q: 0.0 if k == 0 else k * np.log(q)
    pi0 = n01 / max(1, n00 + n01); pi1 = n11 / max(1, n10 + n11); pi = (n01 + n11) / max(1, n00 + n01 + n10 + n11)
    ind = -2 * ((xl(n00 + n10, 1 - pi) + xl(n01 + n11, pi)) - (xl(n00, 1 - pi0) + xl(n01, pi0) + xl(n10, 1 - pi1) + xl(n11, pi1)))
    cc = kupiec(h, level)[0] + ind
    return {"independence": [float(ind), float(stats.chi2.sf(ind, 1))], "conditionalCoverage": [float(cc), float(stats.chi2.sf(cc, 2))], "transitions": [n00, n01, n10, n11]}


window, level = 250, 0.99
rolling = np.array([-np.percentile(r[t - window:t], 100 * (1 - level)) for t in range(window, len(r))])
hits = (-r[window:] > rolling).astype(int)
backtests = {"window": window, "level": level, "first": [float(v) for v in rolling[:5]], "last": float(rolling[-1]), "exceedances": int(hits.sum()), "periods": len(hits),
             "kupiec": kupiec(hits, level), "christoffersen": christoffersen(hits, level)}
rng = np.random.default_rng(7)
sequences = []
for p_true, clustered in [(0.01, False), (0.03, False), (0.01, True)]:
    h = (rng.random(1000) < p_true).astype(int)
    if clustered:
        h[1:] = np.maximum(h[1:], h[:-1] * (rng.random(999) < 0.5))
    sequences.append({"hits": h.tolist(), "level": 0.99, "kupiec": kupiec(h, 0.99), "christoffersen": christoffersen(h, 0.99)})

dist = {
    "normalQuantile": [[p, float(stats.norm.ppf(p))] for p in (1e-10, 1e-4, 0.001, 0.01, 0.025, 0.05, 0.3, 0.5, 0.7, 0.975, 0.999999)],
    "tQuantile": [[p, nu, float(stats.t.ppf(p, nu))] for p in (0.001, 0.01, 0.05, 0.2, 0.9) for nu in (2.5, 3, 4.7, 10, 60)],
    "chi2Sf": [[x, k, float(stats.chi2.sf(x, k))] for x in (0.001, 0.5, 3.84, 10, 40) for k in (1, 2, 5)],
}
garch = []
for o in (0, 1):
    for d in ("normal", "t"):
        res = arch_model(100 * r, mean="Constant", vol="GARCH", p=1, o=o, q=1, dist=d).fit(disp="off")
        pr = res.params
        garch.append({"o": o, "dist": d, "mu": float(pr["mu"]), "omega": float(pr["omega"]), "alpha": float(pr["alpha[1]"]), "gamma": float(pr["gamma[1]"]) if o else 0.0,
                      "beta": float(pr["beta[1]"]), "nu": float(pr["nu"]) if d == "t" else None, "logLikelihood": float(res.loglikelihood),
                      "lastVolatility": float(res.conditional_volatility[-1]), "forecast": res.forecast(horizon=10, reindex=False).variance.values[-1].tolist()})

# Probabilistic scores on the last 300 returns: quantile forecasts from a rolling normal and an ensemble of draws.
y = r[-300:]
levels = [0.05, 0.25, 0.5, 0.75, 0.95]
sd = np.array([r[len(r) - 300 + i - 250:len(r) - 300 + i].std(ddof=1) for i in range(300)])
qf = np.stack([stats.norm.ppf(q) * sd for q in levels], axis=1)
ens = np.random.default_rng(5).normal(0, 1, size=(300, 50)) * sd[:, None]
scores = {"actual": y.tolist(), "levels": levels, "quantiles": qf.ravel().tolist(), "ensemble": ens.ravel().tolist(),
          "pinball": [float(mean_pinball_loss(y, qf[:, j], alpha=q)) for j, q in enumerate(levels)],
          "crpsEnsemble": properscoring.crps_ensemble(y, ens).tolist(), "sklearn": sklearn.__version__, "properscoring": "0.1"}

dow = pd.read_csv(os.path.join(ROOT, "datasets", "dow30-daily-close-1990-2001.csv"))
prices = dow.drop(columns=["date"]).to_numpy(float)
rets = prices[1:] / prices[:-1] - 1
ibm = rets[-1000:, list(dow.columns[1:]).index("IBM")]
bench = rets[-1000:].mean(axis=1)
perf = {"returns": ibm.tolist(), "benchmark": bench.tolist(), "by": {}}
for ann in (252, 52):
    a, b = empyrical.alpha_beta(ibm, bench, annualization=ann)
    perf["by"][str(ann)] = {
        "annualReturn": empyrical.annual_return(ibm, annualization=ann), "annualVolatility": empyrical.annual_volatility(ibm, annualization=ann),
        "sharpeRatio": empyrical.sharpe_ratio(ibm, annualization=ann), "downsideRisk": empyrical.downside_risk(ibm, annualization=ann),
        "sortinoRatio": empyrical.sortino_ratio(ibm, annualization=ann), "maxDrawdown": empyrical.max_drawdown(ibm),
        "calmarRatio": empyrical.calmar_ratio(ibm, annualization=ann), "omegaRatio": empyrical.omega_ratio(ibm, annualization=1),
        "alpha": a, "beta": b, "upCapture": empyrical.up_capture(ibm, bench, period={252: "daily", 52: "weekly"}[ann]), "downCapture": empyrical.down_capture(ibm, bench, period={252: "daily", 52: "weekly"}[ann]),
        "excessSharpe": empyrical.excess_sharpe(ibm, bench)}
    perf["by"][str(ann)] = {k: float(v) for k, v in perf["by"][str(ann)].items()}

with open(OUT, "w") as f:
    json.dump({"made_by": "scripts/make-risk-fixtures.py", "scipy": scipy.__version__, "arch": arch.__version__, "empyrical": empyrical.__version__, "numpy": np.__version__,
               "returns": "S&P 500 daily closes 2000-2020, simple returns", "cases": cases, "backtests": backtests, "sequences": sequences, "distributions": dist, "garch": garch, "scores": scores, "performance": perf}, f)
print("wrote", OUT, len(cases), "cases")

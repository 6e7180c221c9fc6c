"""Golden values for lib/clinical's survival models, from lifelines, statsmodels and scikit-survival on the NCCTG
lung table (datasets/ncctg-lung.csv), and the survival tables the notebook's variants use:
- Cox proportional hazards on age, sex, ph.ecog (rows with ph.ecog): lifelines CoxPHFitter (Efron ties: coefficients,
  standard errors, partial log-likelihood, likelihood-ratio test, concordance, predicted survival of five patients at
  five observed times) and statsmodels PHReg (Breslow ties: coefficients, standard errors, log-likelihood);
- Nelson-Aalen cumulative hazard and its band (lifelines NelsonAalenFitter, nelson_aalen_smoothing=False);
- on a seeded train/test split (150 / rest): Harrell's and Uno's C (tau = 730) of the Cox risk fitted on train,
  cumulative/dynamic AUC at 180, 365, 540 days, the Brier score at those times and the integrated Brier score over a
  grid (scikit-survival), from lifelines' predicted survival;
- datasets/veteran-lung-cancer.csv and datasets/gbsg2-breast-cancer.csv, written from scikit-survival's bundled ARFF.

    .venv-ref/bin/python scripts/make-survival-fixtures.py
"""
import json, os
import numpy as np
import pandas as pd
import lifelines
import sksurv
import statsmodels
from lifelines import CoxPHFitter, NelsonAalenFitter
from statsmodels.duration.hazard_regression import PHReg
from sksurv.datasets import load_veterans_lung_cancer, load_gbsg2
from sksurv.metrics import concordance_index_censored, concordance_index_ipcw, cumulative_dynamic_auc, brier_score, integrated_brier_score
from sksurv.util import Surv

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fixtures", "survival.json")
lung = pd.read_csv(os.path.join(ROOT, "datasets", "ncctg-lung.csv"))
covs = ["age", "sex", "ph.ecog"]
d = lung.dropna(subset=covs)[["time", "status"] + covs].reset_index(drop=True)

out = {"made_by": "scripts/make-survival-fixtures.py", "lifelines": lifelines.__version__, "statsmodels": statsmodels.__version__, "sksurv": sksurv.__version__, "rows": len(d)}

cph = CoxPHFitter().fit(d, duration_col="time", event_col="status")
lr = cph.log_likelihood_ratio_test()
# Observed times: lifelines interpolates the baseline linearly between them; at them it is the Breslow step.
times = [float(v) for v in np.sort(d.time.unique())[[20, 50, 90, 120, 150]]]
sf = cph.predict_survival_function(d.iloc[:5], times=times)
out["coxEfron"] = {
    "covariates": covs,
    "coef": cph.params_.tolist(),
    "se": cph.standard_errors_.tolist(),
    "logLikelihood": float(cph.log_likelihood_),
    "lrStatistic": float(lr.test_statistic),
    "lrP": float(lr.p_value),
    "concordance": float(cph.concordance_index_),
    "times": times,
    "survival": sf.T.values.tolist(),  # five patients x five times
}
ph = PHReg(d["time"], d[covs], status=d["status"], ties="breslow").fit()
out["coxBreslow"] = {"coef": ph.params.tolist(), "se": ph.bse.tolist(), "logLikelihood": float(ph.llf)}

na = NelsonAalenFitter(nelson_aalen_smoothing=False).fit(lung["time"], lung["status"])
out["nelsonAalen"] = {
    "times": na.cumulative_hazard_.index.tolist(),
    "cumulativeHazard": na.cumulative_hazard_.iloc[:, 0].tolist(),
    "lower": na.confidence_interval_.iloc[:, 0].tolist(),
    "upper": na.confidence_interval_.iloc[:, 1].tolist(),
}

rng = np.random.default_rng(7)
perm = rng.permutation(len(d))
train, test = d.iloc[perm[:150]].reset_index(drop=True), d.iloc[perm[150:]].reset_index(drop=True)
fit = CoxPHFitter().fit(train, duration_col="time", event_col="status")
risk = (test[covs].values - fit._norm_mean.values) @ fit.params_.values  # the linear predictor (centred)
y_train = Surv.from_arrays(train.status == 1, train.time)
y_test = Surv.from_arrays(test.status == 1, test.time)
auc_times = [180.0, 365.0, 540.0]
auc, mean_auc = cumulative_dynamic_auc(y_train, y_test, risk, auc_times)
grid = [float(t) for t in np.linspace(60, 600, 10)]
surv_grid = fit.predict_survival_function(test[covs], times=grid).T.values
_, bs = brier_score(y_train, y_test, fit.predict_survival_function(test[covs], times=auc_times).T.values, auc_times)
out["split"] = {
    "train": perm[:150].tolist(),
    "test": perm[150:].tolist(),
    "trainCoef": fit.params_.tolist(),
    "risk": risk.tolist(),
    "harrell": float(concordance_index_censored(test.status == 1, test.time, risk)[0]),
    "uno": float(concordance_index_ipcw(y_train, y_test, risk, tau=730)[0]),
    "unoNoTau": float(concordance_index_ipcw(y_train, y_test, risk)[0]),
    "aucTimes": auc_times,
    "auc": auc.tolist(),
    "meanAuc": float(mean_auc),
    "brier": bs.tolist(),
    "grid": grid,
    "survivalGrid": surv_grid.tolist(),
    "brierGrid": brier_score(y_train, y_test, surv_grid, grid)[1].tolist(),
    "ibs": float(integrated_brier_score(y_train, y_test, surv_grid, grid)),
}

# The variant tables: a text cell type and event flags as True/False (veterans); text grades and yes/no (GBSG2).
X, y = load_veterans_lung_cancer()
vet = X.copy()
vet.insert(0, "Survival_in_days", y["Survival_in_days"])
vet.insert(1, "Status", np.where(y["Status"], "dead", "alive"))
vet.to_csv(os.path.join(ROOT, "datasets", "veteran-lung-cancer.csv"), index=False)
X, y = load_gbsg2()
g = X.copy()
g["time"] = y["time"]
g["cens"] = y["cens"].astype(int)
g.to_csv(os.path.join(ROOT, "datasets", "gbsg2-breast-cancer.csv"), index=False)
out["datasets"] = {"veteran": [len(vet), int((vet.Status == "dead").sum())], "gbsg2": [len(g), int(g.cens.sum())]}

with open(OUT, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", OUT, "and datasets/veteran-lung-cancer.csv, datasets/gbsg2-breast-cancer.csv")

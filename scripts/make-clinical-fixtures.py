"""Golden values for lib/clinical, from lifelines and dcurves on the NCCTG lung cancer table (datasets/ncctg-lung.csv,
copied here from lifelines' bundled copy of R survival's `lung`; status 1 = died, 0 = censored):
- Kaplan-Meier overall and per sex (lifelines KaplanMeierFitter: survival, 95% exponential-Greenwood band, median);
- log-rank by sex (lifelines logrank_test) and by ph.ecog, rows with it (multivariate_logrank_test);
- Harrell's C of age and of ph.karno as risk scores (lifelines concordance_index on -risk);
- calibration slope and calibration-in-the-large of that score (statsmodels Logit on logit(p); GLM Binomial with
  logit(p) as offset), with standard errors;
- scikit-learn's StratifiedGroupKFold (4 folds) on 40 patients with 1 … 6 visits and 0/1 outcomes per visit;
- scikit-learn's GroupKFold (4 folds) on 30 patients with 1 … 30 visits each, rows shuffled (distinct group sizes: the
  assignment has no ties to break);
- fairlearn's MetricFrame of ROC-AUC and Brier score of that score by sex (by_group, overall, difference, ratio);
- net benefit of a logistic score for death within a year on the rows followed that long (dcurves dca: model, all).

    .venv-ref/bin/python scripts/make-clinical-fixtures.py
"""
import json, os
import numpy as np
import pandas as pd
import lifelines
from lifelines import KaplanMeierFitter
from lifelines.statistics import logrank_test, multivariate_logrank_test
from lifelines.utils import concordance_index
from lifelines.datasets import load_lung
import dcurves
import statsmodels
import statsmodels.api as sm

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "datasets", "ncctg-lung.csv")
OUT = os.path.join(ROOT, "test", "fixtures", "clinical.json")

lung = load_lung()
lung.to_csv(DATA, index=False)
df = pd.read_csv(DATA)

def km(d):
    f = KaplanMeierFitter().fit(d["time"], d["status"])
    sf = f.survival_function_.iloc[:, 0]
    ci = f.confidence_interval_
    return {"times": sf.index.tolist(), "survival": sf.tolist(), "lower": ci.iloc[:, 0].tolist(), "upper": ci.iloc[:, 1].tolist(), "median": float(f.median_survival_time_)}

out = {"made_by": "scripts/make-clinical-fixtures.py", "lifelines": lifelines.__version__, "dcurves": "1.1.7", "rows": len(df)}
out["kaplanMeier"] = {"all": km(df), "sex1": km(df[df.sex == 1]), "sex2": km(df[df.sex == 2])}
lr = logrank_test(df.time[df.sex == 1], df.time[df.sex == 2], df.status[df.sex == 1], df.status[df.sex == 2])
ecog = df.dropna(subset=["ph.ecog"])
mv = multivariate_logrank_test(ecog["time"], ecog["ph.ecog"], ecog["status"])
out["logRank"] = {"sex": [float(lr.test_statistic), float(lr.p_value)], "ecog": [float(mv.test_statistic), float(mv.p_value), int(mv.degrees_of_freedom)]}
karno = df.dropna(subset=["ph.karno"])
out["concordance"] = {
    "age": float(concordance_index(df.time, -df.age, df.status)),
    "karno": float(concordance_index(karno.time, karno["ph.karno"], karno.status)),  # higher Karnofsky = longer survival: risk is -karno
}
# A simple, transparent risk score for death within a year: a logistic curve of age (no fitting needed for the reference).
year = df[(df.time >= 365) | (df.status == 1)].copy()
year["died_1y"] = ((year.time < 365) & (year.status == 1)).astype(int)
year["risk"] = 1 / (1 + np.exp(-(year.age - 60) / 10))
thresholds = [round(x, 2) for x in np.arange(0.05, 0.96, 0.05)]
dca = dcurves.dca(data=year, outcome="died_1y", modelnames=["risk"], thresholds=thresholds)
nb = {m: dca[dca.model == m].sort_values("threshold")["net_benefit"].tolist() for m in ("risk", "all", "none")}
out["netBenefit"] = {"actual": year.died_1y.tolist(), "risk": year.risk.tolist(), "thresholds": thresholds, "model": nb["risk"], "all": nb["all"], "none": nb["none"]}
lp = np.log(year.risk / (1 - year.risk))
slope = sm.Logit(year.died_1y, sm.add_constant(lp)).fit(disp=0)
citl = sm.GLM(year.died_1y, np.ones(len(year)), family=sm.families.Binomial(), offset=lp).fit()
out["calibration"] = {"statsmodels": statsmodels.__version__, "slope": [float(slope.params.iloc[1]), float(slope.bse.iloc[1])], "slopeIntercept": float(slope.params.iloc[0]),
                      "intercept": [float(citl.params.iloc[0]), float(citl.bse.iloc[0])], "observedExpected": float(year.died_1y.sum() / year.risk.sum())}
from sklearn.model_selection import GroupKFold
rng = np.random.default_rng(1)
groups = rng.permutation(np.repeat(np.array([f"p{i:02d}" for i in range(30)]), rng.permutation(np.arange(1, 31))))
out["groupKFold"] = {"groups": groups.tolist(), "k": 4, "folds": [sorted(te.tolist()) for _, te in GroupKFold(n_splits=4).split(np.zeros(len(groups)), groups=groups)]}
from sklearn.model_selection import StratifiedGroupKFold
# 40 patients with 1 to 6 visits, outcomes by visit with an imbalance (about 30% positive), rows shuffled.
sg_sizes = rng.integers(1, 7, size=40)
sg_groups = np.repeat(np.array([f"q{i:02d}" for i in range(40)]), sg_sizes)
sg_labels = (rng.random(len(sg_groups)) < 0.3).astype(int)
shuffle = rng.permutation(len(sg_groups))
sg_groups, sg_labels = sg_groups[shuffle], sg_labels[shuffle]
out["stratifiedGroupKFold"] = {"groups": sg_groups.tolist(), "labels": sg_labels.tolist(), "k": 4,
                               "folds": [sorted(te.tolist()) for _, te in StratifiedGroupKFold(n_splits=4).split(np.zeros(len(sg_groups)), sg_labels, groups=sg_groups)]}
from fairlearn.metrics import MetricFrame
import fairlearn
from sklearn.metrics import roc_auc_score, brier_score_loss
mf = MetricFrame(metrics={"auc": roc_auc_score, "brier": brier_score_loss}, y_true=year.died_1y, y_pred=year.risk, sensitive_features=year.sex.astype(str))
out["subgroups"] = {"fairlearn": fairlearn.__version__, "sex": year.sex.astype(int).tolist(), "byGroup": {g: {k: float(v) for k, v in row.items()} for g, row in mf.by_group.iterrows()},
                    "overall": {k: float(v) for k, v in mf.overall.items()}, "difference": {k: float(v) for k, v in mf.difference().items()}, "ratio": {k: float(v) for k, v in mf.ratio().items()}}
with open(OUT, "w") as f:
    json.dump(out, f)
print("wrote", OUT, "and", DATA)

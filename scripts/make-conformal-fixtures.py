"""Golden values for the conformal modules (lib/metrics/split-conformal.ts, conformal-sets.ts), computed by MAPIE from
PyPI on seeded inputs. A model is not needed: MAPIE gets a "prefit" estimator that returns the given predictions.

    .venv-ref/bin/pip install -r requirements-reference.txt
    .venv-ref/bin/python scripts/make-conformal-fixtures.py
"""
import json, os
import numpy as np
import mapie
from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin
from mapie.classification import SplitConformalClassifier
from mapie.regression import SplitConformalRegressor

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "test", "fixtures", "conformal.json")


class Given(BaseEstimator, RegressorMixin):
    """Predictions looked up by row number (column 0 of X)."""
    def __init__(self, values=None):
        self.values = values
    def fit(self, X, y):
        return self
    def predict(self, X):
        return self.values[X[:, 0].astype(int)]


class GivenProba(BaseEstimator, ClassifierMixin):
    def __init__(self, proba=None):
        self.proba = proba
    def fit(self, X, y):
        self.classes_ = np.arange(self.proba.shape[1])
        return self
    def predict_proba(self, X):
        return self.proba[X[:, 0].astype(int)]
    def predict(self, X):
        return self.predict_proba(X).argmax(1)


rng = np.random.default_rng(2026)
out = {"regression": [], "classification": [], "_generated_by": f"scripts/make-conformal-fixtures.py with MAPIE {mapie.__version__}"}
for n, alpha in [(50, 0.1), (19, 0.1), (200, 0.05), (37, 0.2)]:
    m = 25
    pred = rng.normal(0, 2, n + m)
    y = pred[:n] + rng.standard_t(3, n)
    X = np.arange(n + m, dtype=float).reshape(-1, 1)
    r = SplitConformalRegressor(Given(pred).fit(X, None), confidence_level=1 - alpha, prefit=True).conformalize(X[:n], y)
    _, iv = r.predict_interval(X[n:])
    out["regression"].append({"alpha": alpha, "actual": y.tolist(), "predicted": pred[:n].tolist(), "test": pred[n:].tolist(), "lower": iv[:, 0, 0].tolist(), "upper": iv[:, 1, 0].tolist()})
# LAC only: MAPIE randomises APS scores with NumPy's generator, which cannot be reproduced here.
for n, k, alpha, method in [(60, 3, 0.1, "lac"), (120, 4, 0.2, "lac"), (40, 2, 0.1, "lac")]:
    m = 30
    proba = rng.dirichlet(np.full(k, 0.7), n + m)
    labels = np.array([rng.choice(k, p=p) for p in proba[:n]])
    X = np.arange(n + m, dtype=float).reshape(-1, 1)
    c = SplitConformalClassifier(GivenProba(proba).fit(X, labels), confidence_level=1 - alpha, conformity_score=method, prefit=True).conformalize(X[:n], labels)
    _, sets = c.predict_set(X[n:])
    sets = [np.flatnonzero(s).tolist() for s in sets[:, :, 0]]
    source = f"MAPIE {mapie.__version__}"
    out["classification"].append({"alpha": alpha, "method": method, "classes": k, "labels": labels.tolist(), "proba": proba[:n].ravel().tolist(), "test": proba[n:].ravel().tolist(), "sets": sets, "reference": source})
with open(OUT, "w") as f:
    json.dump(out, f, separators=(",", ":"))
print("wrote", OUT)

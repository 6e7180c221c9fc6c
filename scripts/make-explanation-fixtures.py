"""Golden values for lib/metrics/permutation-importance.ts: scikit-learn's permutation_importance of a fitted linear
regression and a logistic regression (their coefficients are written out, so the test builds the same models in
TensorFlow.js). Shuffles come from different generators, so the test compares means over 400 repeats within their
sampling error.

    .venv-ref/bin/python scripts/make-explanation-fixtures.py
"""
import json, os
import numpy as np
import sklearn
from sklearn.inspection import permutation_importance
from sklearn.linear_model import LinearRegression, LogisticRegression

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "test", "fixtures", "explanations.json")
rng = np.random.default_rng(7)
n = 300
X = rng.normal(size=(n, 4)) * np.array([1.0, 2.0, 0.5, 1.0])
X[:, 3] = 0.8 * X[:, 0] + 0.6 * rng.normal(size=n)  # correlated with feature 0
y = 1.5 * X[:, 0] - 0.7 * X[:, 1] + 0.0 * X[:, 2] + 0.4 * X[:, 3] + rng.normal(size=n)
reg = LinearRegression().fit(X, y)
r = permutation_importance(reg, X, y, scoring="neg_mean_squared_error", n_repeats=400, random_state=0)
yb = (X[:, 0] - 0.5 * X[:, 1] + 0.3 * rng.normal(size=n) > 0).astype(int)
clf = LogisticRegression().fit(X, yb)
c = permutation_importance(clf, X, yb, scoring="roc_auc", n_repeats=400, random_state=0)
out = {
    "x": X.ravel().tolist(), "n": n,
    "regression": {"y": y.tolist(), "coef": reg.coef_.tolist(), "intercept": float(reg.intercept_), "mean": r.importances_mean.tolist(), "std": r.importances_std.tolist()},
    "binary": {"y": yb.tolist(), "coef": clf.coef_[0].tolist(), "intercept": float(clf.intercept_[0]), "mean": c.importances_mean.tolist(), "std": c.importances_std.tolist()},
    "_generated_by": f"scripts/make-explanation-fixtures.py with scikit-learn {sklearn.__version__}",
}
json.dump(out, open(OUT, "w"), separators=(",", ":"))
print("wrote", OUT, r.importances_mean.round(4), c.importances_mean.round(4))

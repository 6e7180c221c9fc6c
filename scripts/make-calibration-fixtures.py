"""Golden values for lib/metrics/calibrate-probabilities.ts, from scikit-learn: Platt scaling as CalibratedClassifierCV
fits it (sklearn.calibration._sigmoid_calibration, the function it calls) and IsotonicRegression(y_min=0, y_max=1,
out_of_bounds="clip"), on seeded, deliberately miscalibrated scores (with ties, as rounded probabilities have).

    .venv-ref/bin/python scripts/make-calibration-fixtures.py
"""
import json, os
import numpy as np
import sklearn
from sklearn.calibration import _sigmoid_calibration
from sklearn.isotonic import IsotonicRegression

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "test", "fixtures", "calibration.json")
rng = np.random.default_rng(11)
cases = []
for n in [60, 400]:
    true_p = rng.uniform(0.02, 0.98, n)
    y = (rng.uniform(size=n) < true_p).astype(int)
    scores = np.round(true_p ** 2.5, 3)  # overconfident towards 0, rounded: ties
    test = np.concatenate([np.linspace(-0.05, 1.05, 23), scores[:10]])
    a, b = _sigmoid_calibration(scores, y)
    iso = IsotonicRegression(y_min=0, y_max=1, out_of_bounds="clip").fit(scores, y)
    cases.append({"labels": y.tolist(), "scores": scores.tolist(), "test": test.tolist(), "a": float(a), "b": float(b),
                  "sigmoid": (1 / (1 + np.exp(a * test + b))).tolist(), "isotonic": iso.predict(test).tolist()})
json.dump({"cases": cases, "_generated_by": f"scripts/make-calibration-fixtures.py with scikit-learn {sklearn.__version__}"}, open(OUT, "w"), separators=(",", ":"))
print("wrote", OUT)

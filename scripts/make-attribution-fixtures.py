"""Golden values for lib/metrics/integrated-gradients.ts and lib/metrics/partial-dependence.ts.

- Integrated gradients: Keras 3 models with the weights written out (a tanh dense regressor, a relu 3-class softmax
  classifier, an LSTM forecaster); the gradients come from tf.GradientTape along the straight path, trapezoid rule
  over 64 intervals (as TensorFlow's integrated-gradients tutorial), and also over 4096 intervals (the integral).
- Partial dependence: scikit-learn's partial_dependence(method="brute", kind="both") of estimators whose predict /
  predict_proba are the same dense networks in numpy (so the test builds identical models in TensorFlow.js).

    .venv-ref/bin/python scripts/make-attribution-fixtures.py
"""
import json, os
import numpy as np
import sklearn
import tensorflow as tf
import keras
from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin
from sklearn.inspection import partial_dependence

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "test", "fixtures", "attributions.json")
rng = np.random.default_rng(11)


def weights_of(model):
    return [{"shape": list(w.shape), "values": w.astype(np.float64).ravel().tolist()} for w in model.get_weights()]


def ig(model, x, baseline, steps, output):
    """Trapezoid-rule integrated gradients of model(x)[:, output[i]] along baseline -> x."""
    alphas = np.linspace(0.0, 1.0, steps + 1, dtype=np.float32)
    out = []
    for i in range(x.shape[0]):
        path = baseline[None] + alphas.reshape((-1,) + (1,) * x[i].ndim) * (x[i] - baseline)[None]
        t = tf.convert_to_tensor(path.astype(np.float32))
        with tf.GradientTape() as tape:
            tape.watch(t)
            y = model(t, training=False)[:, output[i]]
        g = tape.gradient(y, t).numpy().astype(np.float64)
        avg = ((g[:-1] + g[1:]) / 2).mean(axis=0)
        out.append(((x[i] - baseline) * avg).ravel())
    return np.concatenate(out)


def ig_case(model, x, baseline, task):
    p = model.predict(x, verbose=0).astype(np.float64)
    output = p.argmax(axis=1) if task == "multiclass" else np.zeros(x.shape[0], dtype=int)
    return {
        "task": task,
        "xShape": list(x.shape),
        "x": x.astype(np.float64).ravel().tolist(),
        "baseline": baseline.astype(np.float64).ravel().tolist(),
        "weights": weights_of(model),
        "outputs": output.tolist(),
        "prediction": p[np.arange(x.shape[0]), output].tolist(),
        "ig64": ig(model, x, baseline, 64, output).tolist(),
        "ig4096": ig(model, x, baseline, 4096, output).tolist(),
    }


def perturbed(model):
    model.set_weights([w + rng.normal(0, 0.4, w.shape).astype(np.float32) for w in model.get_weights()])
    return model


keras.utils.set_random_seed(5)
dense = perturbed(keras.Sequential([keras.Input((4,)), keras.layers.Dense(6, activation="tanh"), keras.layers.Dense(1)]))
softmax = perturbed(keras.Sequential([keras.Input((4,)), keras.layers.Dense(6, activation="relu"), keras.layers.Dense(3, activation="softmax")]))
lstm = perturbed(keras.Sequential([keras.Input((5, 3)), keras.layers.LSTM(4), keras.layers.Dense(1)]))
xd = rng.normal(size=(6, 4)).astype(np.float32)
xl = rng.normal(size=(4, 5, 3)).astype(np.float32)
integrated = {
    "dense": ig_case(dense, xd, np.zeros(4, np.float32), "regression"),
    "multiclass": ig_case(softmax, xd, np.zeros(4, np.float32), "multiclass"),
    "lstm": ig_case(lstm, xl, np.full((5, 3), 0.25, np.float32), "regression"),
}


class NumpyNet:
    """A tanh dense network 4 -> 6 -> 1 with fixed weights."""

    def fit(self, X, y=None):
        self.w1_, self.b1_ = rng.normal(size=(4, 6)), rng.normal(size=6) * 0.3
        self.w2_, self.b2_ = rng.normal(size=(6, 1)), rng.normal(size=1) * 0.3
        return self

    def raw(self, X):
        return (np.tanh(X @ self.w1_ + self.b1_) @ self.w2_ + self.b2_)[:, 0]

    def weights(self):
        return [{"shape": list(w.shape), "values": w.ravel().tolist()} for w in (self.w1_, self.b1_, self.w2_, self.b2_)]


class NetRegressor(RegressorMixin, NumpyNet, BaseEstimator):
    def predict(self, X):
        return self.raw(X)


class NetClassifier(ClassifierMixin, NumpyNet, BaseEstimator):
    def fit(self, X, y=None):
        self.classes_ = np.array([0, 1])
        return super().fit(X, y)

    def predict_proba(self, X):
        p = 1 / (1 + np.exp(-self.raw(X)))
        return np.stack([1 - p, p], axis=1)

    def predict(self, X):
        return (self.predict_proba(X)[:, 1] >= 0.5).astype(int)


n = 150
X = rng.normal(size=(n, 4)) * np.array([1.0, 2.0, 1.0, 1.0])
X[:, 2] = rng.integers(0, 4, size=n)  # 4 distinct values: the grid is those values
pd_cases = {}
for name, est, feature, res in [("regressor", NetRegressor(), 1, 20), ("regressorDiscrete", None, 2, 20), ("classifier", NetClassifier(), 0, 15)]:
    if est is None:
        est = pd_cases["regressor"]["_est"]
    else:
        est.fit(X, np.zeros(n))
    r = partial_dependence(est, X, [feature], grid_resolution=res, kind="both", method="brute")
    pd_cases[name] = {
        "_est": est,
        "kind": "binary" if isinstance(est, NetClassifier) else "regression",
        "feature": feature,
        "gridResolution": res,
        "weights": est.weights(),
        "grid": r["grid_values"][0].tolist(),
        "average": r["average"][0].tolist(),
        "individual": r["individual"][0].tolist(),
    }
for c in pd_cases.values():
    del c["_est"]

out = {
    "integratedGradients": integrated,
    "partialDependence": {"x": X.ravel().tolist(), "n": n, **pd_cases},
    "_generated_by": f"scripts/make-attribution-fixtures.py with TensorFlow {tf.__version__}, Keras {keras.__version__}, scikit-learn {sklearn.__version__}",
}
json.dump(out, open(OUT, "w"), separators=(",", ":"))
for k, v in integrated.items():
    s = np.asarray(v["ig4096"]).reshape(len(v["outputs"]), -1).sum(axis=1)
    print("IG", k, "sum of attributions (4096 steps)", s.round(5))
print("wrote", OUT)

"""Keras's side of the model-file fixtures (run by scripts/make-keras-fixtures.sh, in .venv-convert).

1. For each bundle the library wrote into test/fixtures/keras/tsdl/<case>/, convert its model.json with the
   tensorflowjs converter (tfjs_layers_model -> Keras HDF5), load that file in Keras, predict the case's
   inputs, and write keras.json beside it.
2. Build small seeded Keras models (dense regressor, LSTM regressor, binary and 3-class classifiers), convert
   each to a TF.js layers model with the converter (Keras HDF5 -> tfjs_layers_model) into
   test/fixtures/keras/keras/<case>/, with expected.json holding inputs and Keras's predictions.
The mocha suite (test/train/portable-model.test.ts) loads both and compares with the library's predictions.
"""
import json, os, subprocess, sys, tempfile
import numpy as np
import tensorflow as tf
import tf_keras as keras
import tensorflowjs

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fixtures", "keras")
CONVERTER = os.path.join(os.path.dirname(sys.executable), "tensorflowjs_converter")
STAMP = f"scripts/keras-fixtures.py with tensorflowjs {tensorflowjs.__version__}, TensorFlow {tf.__version__}, tf_keras {keras.__version__}"


def convert(*args):
    subprocess.run([CONVERTER, *args], check=True)


def tsdl_to_keras():
    base = os.path.join(OUT, "tsdl")
    for case in sorted(os.listdir(base)):
        d = os.path.join(base, case)
        inputs = json.load(open(os.path.join(d, "inputs.json")))
        with tempfile.TemporaryDirectory() as tmp:
            h5 = os.path.join(tmp, "model.h5")
            convert("--input_format", "tfjs_layers_model", "--output_format", "keras", os.path.join(d, "model.json"), h5)
            model = keras.models.load_model(h5, compile=False)
        x = np.asarray(inputs["x"], dtype=np.float32).reshape(inputs["xShape"])
        y = model.predict(x, verbose=0).astype(np.float64).ravel()
        layers = [type(l).__name__ for l in model.layers]
        json.dump({"keras": y.tolist(), "layers": layers, "_generated_by": STAMP}, open(os.path.join(d, "keras.json"), "w"))
        print("keras read", case, layers, "max |tsdl - keras| =", float(np.max(np.abs(y - np.asarray(inputs["tsdl"])))))


def keras_cases():
    keras.utils.set_random_seed(3)
    dense = keras.Sequential([keras.layers.Input((4,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)])
    lstm = keras.Sequential([keras.layers.Input((6, 3)), keras.layers.LSTM(5), keras.layers.Dense(1)])
    binary = keras.Sequential([keras.layers.Input((4,)), keras.layers.Dense(6, activation="tanh"), keras.layers.Dropout(0.2), keras.layers.Dense(1, activation="sigmoid")])
    inp = keras.Input((4,))
    mid = keras.layers.Dense(6, activation="relu")(inp)
    multiclass = keras.Model(inp, keras.layers.Dense(3, activation="softmax")(mid))
    cases = {"dense": (dense, "regression", [7, 4]), "lstm": (lstm, "regression", [5, 6, 3]), "binary": (binary, "binary", [7, 4]), "multiclass": (multiclass, "multiclass", [7, 4])}
    rng = np.random.default_rng(5)
    for name, (model, task, shape) in cases.items():
        # Non-zero biases, so a loader that drops them is caught.
        model.set_weights([w + rng.normal(0, 0.3, w.shape).astype(np.float32) for w in model.get_weights()])
        d = os.path.join(OUT, "keras", name)
        os.makedirs(d, exist_ok=True)
        for f in os.listdir(d):
            os.remove(os.path.join(d, f))
        with tempfile.TemporaryDirectory() as tmp:
            h5 = os.path.join(tmp, "model.h5")
            model.save(h5)
            convert("--input_format", "keras", "--output_format", "tfjs_layers_model", h5, d)
        x = rng.uniform(-1, 1, shape).astype(np.float32)
        y = model.predict(x, verbose=0).astype(np.float64).ravel()
        json.dump({"task": task, "xShape": shape, "x": x.ravel().astype(np.float64).tolist(), "keras": y.tolist(), "_generated_by": STAMP}, open(os.path.join(d, "expected.json"), "w"))
        print("converted", name, sorted(os.listdir(d)))


if __name__ == "__main__":
    tsdl_to_keras()
    keras_cases()

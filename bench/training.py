"""Keras (TensorFlow CPU) reference for bench/training.ts: the same three workloads and arrays.
Prints one JSON object: kind -> seconds of model.fit (median of 3 runs, each on a freshly built model)."""
import json, os, sys, time
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np
import tensorflow as tf
import keras
from inference_timing import inference

index_file = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
folder = os.path.dirname(index_file)
workloads = json.load(open(index_file))

def build(kind, input_shape, units):
    keras.utils.set_random_seed(1)
    if kind in ("mlp", "dense256", "dense1024"):
        layers = [keras.Input(input_shape)] + [keras.layers.Dense(u, activation="relu") for u in units] + [keras.layers.Dense(1)]
        loss = "mse"
    elif kind in ("lstm", "gru", "lstm128"):
        cell = keras.layers.GRU if kind == "gru" else keras.layers.LSTM
        layers = [keras.Input(input_shape), cell(units[0]), keras.layers.Dense(1)]
        loss = "mse"
    elif kind == "conv1d":
        layers = [keras.Input(input_shape), keras.layers.Conv1D(units[0], 3, padding="causal", activation="relu"), keras.layers.GlobalAveragePooling1D(), keras.layers.Dense(1)]
        loss = "mse"
    else:
        layers = [keras.Input(input_shape), keras.layers.Dense(units[0], activation="relu"), keras.layers.Dropout(0.3), keras.layers.Dense(units[1], activation="relu"), keras.layers.Dropout(0.3), keras.layers.Dense(1, activation="sigmoid")]
        loss = "binary_crossentropy"
    model = keras.Sequential(layers)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss=loss)
    return model

out = {"_threads": tf.config.threading.get_intra_op_parallelism_threads() or os.cpu_count(), "_versions": f"tensorflow {tf.__version__}, keras {keras.__version__}"}
for w in workloads:
    x = np.fromfile(os.path.join(folder, w["kind"] + ".x.f32"), dtype=np.float32).reshape(w["xShape"])
    y = np.fromfile(os.path.join(folder, w["kind"] + ".y.f32"), dtype=np.float32).reshape(w["yShape"])
    times = []
    for _ in range(repeats):
        model = build(w["kind"], x.shape[1:], w["units"])
        t0 = time.perf_counter()
        model.fit(x, y, batch_size=w["batchSize"], epochs=w["epochs"], shuffle=True, verbose=0)
        times.append(time.perf_counter() - t0)
    out[w["kind"]] = sorted(times)[len(times) // 2]
    if w["kind"] == "mlp":
        out.update(inference(lambda batch: model(batch, training=False).numpy(), x))
print(json.dumps(out))

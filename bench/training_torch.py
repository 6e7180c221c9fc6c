"""PyTorch (CPU) reference for bench/training.ts: the same workloads, arrays, models, batch sizes, epochs and Adam
as bench/training.py. Prints one JSON object: kind -> seconds of training (median of repeats, fresh model each),
at the faster of 1 and 2 threads per workload (PyTorch's busy-waiting threads often lose on small batches).
    .venv-ref/bin/python bench/training_torch.py bench/out/training/workloads.json [repeats]"""
import json, os, sys, time
import numpy as np
import torch
from torch import nn
from inference_timing import inference

index_file = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
folder = os.path.dirname(index_file)
workloads = json.load(open(index_file))


class Recurrent(nn.Module):
    def __init__(self, cell, features, units):
        super().__init__()
        self.rnn = (nn.GRU if cell == "gru" else nn.LSTM)(features, units, batch_first=True)
        self.head = nn.Linear(units, 1)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.head(out[:, -1])


class CausalConv(nn.Module):
    """Conv1D(units, 3, padding="causal", relu) + global average pooling + Dense(1), as Keras and tsdl build it."""

    def __init__(self, features, units):
        super().__init__()
        self.pad = nn.ConstantPad1d((2, 0), 0.0)
        self.conv = nn.Conv1d(features, units, 3)
        self.head = nn.Linear(units, 1)

    def forward(self, x):
        h = torch.relu(self.conv(self.pad(x.transpose(1, 2))))
        return self.head(h.mean(dim=2))


def build(kind, shape, units):
    torch.manual_seed(1)
    if kind in ("mlp", "dense256", "dense1024"):
        layers, width = [], shape[-1]
        for u in units:
            layers += [nn.Linear(width, u), nn.ReLU()]
            width = u
        return nn.Sequential(*layers, nn.Linear(width, 1)), nn.MSELoss()
    if kind in ("lstm", "gru", "lstm128"):
        return Recurrent(kind, shape[-1], units[0]), nn.MSELoss()
    if kind == "conv1d":
        return CausalConv(shape[-1], units[0]), nn.MSELoss()
    return nn.Sequential(nn.Linear(shape[-1], units[0]), nn.ReLU(), nn.Dropout(0.3), nn.Linear(units[0], units[1]), nn.ReLU(), nn.Dropout(0.3), nn.Linear(units[1], 1), nn.Sigmoid()), nn.BCELoss()


def fit(kind, units, x, y, batch, epochs):
    model, loss_fn = build(kind, x.shape, units)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    g = torch.Generator().manual_seed(1)
    t0 = time.perf_counter()
    for _ in range(epochs):
        order = torch.randperm(len(x), generator=g)
        for i in range(0, len(x), batch):
            idx = order[i:i + batch]
            opt.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
    fit.last_model = model
    return time.perf_counter() - t0


out = {"_versions": f"torch {torch.__version__}", "_threads": {}}
for w in workloads:
    x = torch.from_numpy(np.fromfile(os.path.join(folder, w["kind"] + ".x.f32"), dtype=np.float32).reshape(w["xShape"]))
    y = torch.from_numpy(np.fromfile(os.path.join(folder, w["kind"] + ".y.f32"), dtype=np.float32).reshape(w["yShape"]))
    best = None
    for threads in (1, 2):
        torch.set_num_threads(threads)
        times = sorted(fit(w["kind"], w["units"], x, y, w["batchSize"], w["epochs"]) for _ in range(repeats))
        t = times[len(times) // 2]
        if best is None or t < best[0]:
            best = (t, threads)
    out[w["kind"]] = best[0]
    out["_threads"][w["kind"]] = best[1]
    if w["kind"] == "mlp":
        torch.set_num_threads(1)
        model = fit.last_model.eval()

        def run(batch):
            with torch.no_grad():
                return model(batch).numpy()

        out.update(inference(run, x))
print(json.dumps(out))

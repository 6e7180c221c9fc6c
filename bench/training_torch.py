"""PyTorch (CPU) reference for bench/training.ts: the same workloads, arrays, models, batch sizes, epochs and Adam
as bench/training.py. Prints one JSON object: kind -> seconds of training (median of repeats, fresh model each),
at the faster of 1 and 2 threads per workload (PyTorch's busy-waiting threads often lose on small batches).
    .venv-ref/bin/python bench/training_torch.py bench/out/training/workloads.json [repeats]"""
import json, os, sys, time
import numpy as np
import torch
from torch import nn

index_file = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
folder = os.path.dirname(index_file)
workloads = json.load(open(index_file))


class Recurrent(nn.Module):
    def __init__(self, cell, features):
        super().__init__()
        self.rnn = (nn.LSTM if cell == "lstm" else nn.GRU)(features, 32, batch_first=True)
        self.head = nn.Linear(32, 1)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.head(out[:, -1])


def build(kind, shape):
    torch.manual_seed(1)
    if kind == "mlp":
        return nn.Sequential(nn.Linear(shape[-1], 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1)), nn.MSELoss()
    if kind in ("lstm", "gru"):
        return Recurrent(kind, shape[-1]), nn.MSELoss()
    return nn.Sequential(nn.Linear(shape[-1], 32), nn.ReLU(), nn.Dropout(0.3), nn.Linear(32, 16), nn.ReLU(), nn.Dropout(0.3), nn.Linear(16, 1), nn.Sigmoid()), nn.BCELoss()


def fit(kind, x, y, batch, epochs):
    model, loss_fn = build(kind, x.shape)
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
    return time.perf_counter() - t0


out = {"_versions": f"torch {torch.__version__}", "_threads": {}}
for w in workloads:
    x = torch.from_numpy(np.fromfile(os.path.join(folder, w["kind"] + ".x.f32"), dtype=np.float32).reshape(w["xShape"]))
    y = torch.from_numpy(np.fromfile(os.path.join(folder, w["kind"] + ".y.f32"), dtype=np.float32).reshape(w["yShape"]))
    best = None
    for threads in (1, 2):
        torch.set_num_threads(threads)
        times = sorted(fit(w["kind"], x, y, w["batchSize"], w["epochs"]) for _ in range(repeats))
        t = times[len(times) // 2]
        if best is None or t < best[0]:
            best = (t, threads)
    out[w["kind"]] = best[0]
    out["_threads"][w["kind"]] = best[1]
print(json.dumps(out))

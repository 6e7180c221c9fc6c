"""Inference timing shared by bench/training.py (Keras) and bench/training_torch.py (PyTorch)."""
import time


def inference(run, x):
    """One sample (median of 200 calls after 20 to warm up) and 10,000 rows at once (median of 20)."""
    def timed(rows, calls):
        batch = x[:rows]
        for _ in range(20):
            run(batch)
        ts = []
        for _ in range(calls):
            t0 = time.perf_counter()
            run(batch)
            ts.append(time.perf_counter() - t0)
        return sorted(ts)[len(ts) // 2]
    return {"infer1": timed(1, 200), "infer10k": timed(10000, 20)}

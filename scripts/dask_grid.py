"""Runs a report grid on Dask distributed: one task per run, each `tsx scripts/run-notebooks.ts --run-file F` in a
fresh process (one kernel per task), retried once; a worker that dies has its task rescheduled by the scheduler.
Called by scripts/run-notebooks.ts --grid ... --workers N | --scheduler ADDRESS; prints the outcome of every run as
JSON on its last stdout line.

    .venv/bin/python scripts/dask_grid.py (--workers N | --scheduler tcp://host:8786) [--cell-timeout S] TASK.json ...

On a real cluster every worker needs this project at the same path (checked out and set up with scripts/setup.sh:
Node, node_modules, .venv with the tslab kernel) and the output folder on a shared file system.
"""
import argparse, json, os, subprocess, sys

from dask.distributed import Client, LocalCluster, as_completed

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_task(task_file, cell_timeout):
    """One report: the single-run CLI, which merges its entry into the shared folder under its lock."""
    tsx = os.path.join(ROOT, "node_modules", ".bin", "tsx")
    cmd = [tsx, os.path.join(ROOT, "scripts", "run-notebooks.ts"), "--run-file", task_file, "--cell-timeout", str(cell_timeout)]
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if p.returncode != 0:
        lines = [l for l in (p.stdout + p.stderr).splitlines() if l.strip()]
        raise RuntimeError(" | ".join(lines[-3:]) or f"exit {p.returncode}")
    return os.path.basename(task_file)[: -len(".json")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int)
    ap.add_argument("--scheduler")
    ap.add_argument("--cell-timeout", type=int, default=600)
    ap.add_argument("tasks", nargs="+")
    a = ap.parse_args()
    cluster = None
    if a.scheduler:
        client = Client(a.scheduler)
    else:
        # One single-threaded worker process per report: each runs one kernel at a time.
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    pids = client.run(os.getpid)
    print(f"[dask] scheduler {client.scheduler.address}; worker pids {' '.join(str(p) for p in pids.values())}", file=sys.stderr, flush=True)
    names = {t: os.path.basename(t)[: -len(".json")] for t in a.tasks}
    futures = {client.submit(run_task, t, a.cell_timeout, key=f"report-{names[t]}", retries=1, pure=False): t for t in a.tasks}
    outcome = []
    for fut in as_completed(futures):
        name = names[futures[fut]]
        try:
            fut.result()
            outcome.append({"name": name, "ok": True})
        except Exception as e:  # the run failed twice, or its worker died more often than the scheduler allows
            outcome.append({"name": name, "ok": False, "message": f"{type(e).__name__}: {e}"[:500]})
        print(f"[dask] {name}: {'ok' if outcome[-1]['ok'] else 'failed'}", file=sys.stderr, flush=True)
    client.close()
    if cluster:
        cluster.close()
    print(json.dumps(sorted(outcome, key=lambda o: o["name"])))


if __name__ == "__main__":
    main()

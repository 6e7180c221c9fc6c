"""Executes one notebook in a fresh kernel and exports it to HTML: the Jupyter half of `lib/report`.

Usage: execute_notebook.py INPUT.ipynb OUTPUT.ipynb OUTPUT.html --cwd DIR [--kernel tslab] [--timeout 600]

Prints one JSON line on stdout: {"ok": true, "seconds": ...} or, when a cell raises,
{"ok": false, "cell": N, "source": "...", "ename": "...", "evalue": "..."} (exit 2). The executed notebook
(with the error, if any) and the HTML report are written either way, so the failure can be read in context.
"""
import argparse
import json
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter

HERE = os.path.dirname(os.path.abspath(__file__))


def error_line(cell):
    """The error as the kernel reported it: an `error` output, else the `...Error: message` line that tslab
    writes to stderr (it reports failures as a stream plus an error status, not as an error output)."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            return out.get("ename", ""), out.get("evalue", "")
    # Every stderr stream first: a notice printed before the error is not the error.
    stderr = [out.get("text", "") for out in cell.get("outputs", []) if out.get("output_type") == "stream" and out.get("name") == "stderr"]
    stderr = ["".join(t) if isinstance(t, list) else t for t in stderr]
    for text in stderr:
        for line in text.splitlines():
            head, sep, rest = line.partition(": ")
            if sep and head.endswith("Error") and " " not in head:
                return head, rest
    for text in reversed(stderr):
        if text.strip():
            return "Error", text.strip().splitlines()[-1]
    return "", ""


def report_title(nb, fallback):
    """The notebook's first heading (its title as written), else the file's name: the report page's <title>."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.startswith("#"):
                return line.lstrip("#").strip() or fallback
    return fallback


def export_html(nb, path):
    exporter = HTMLExporter(template_name="tsdl", extra_template_basedirs=[os.path.join(HERE, "report-template")])
    # nbconvert titles every page "Notebook" unless told.
    title = report_title(nb, os.path.splitext(os.path.basename(path))[0])
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    with open(path, "w", encoding="utf-8") as f:
        f.write(body)


def die_with_parent():
    """Linux: SIGTERM to this process when the runner that started it dies, kill -9 included (PR_SET_PDEATHSIG).
    nbclient handles SIGTERM by shutting the kernel down, so a killed runner leaves no kernel running."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return  # not Linux/glibc: the kernel outlives a killed runner there, as before
    if os.getppid() == 1:
        sys.exit(143)  # the runner died before the line above


def main():
    die_with_parent()
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("html")
    ap.add_argument("--cwd", required=True)
    ap.add_argument("--kernel", default="tslab")
    ap.add_argument("--timeout", type=int, default=600)
    args = ap.parse_args()

    nb = nbformat.read(args.input, as_version=4)
    current = {"index": None}

    def on_cell_start(cell, cell_index, **_):
        current["index"] = cell_index

    client = NotebookClient(nb, kernel_name=args.kernel, timeout=args.timeout, resources={"metadata": {"path": args.cwd}}, on_cell_start=on_cell_start)
    start = time.time()
    result = {"ok": True}
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as err:
        result = {"ok": False, "error": type(err).__name__}
        index = current["index"]
        if index is not None:
            cell = nb.cells[index]
            ename, evalue = error_line(cell)
            if isinstance(err, CellTimeoutError):
                ename, evalue = "Timeout", f"the cell ran longer than {args.timeout} s"
            elif isinstance(err, DeadKernelError):
                ename, evalue = "DeadKernel", "the kernel died (out of memory, or a crash in native code)"
            number = sum(1 for c in nb.cells[: index + 1] if c.cell_type == "code")
            result.update(cell=index, codeCell=number, source=cell.source, ename=ename, evalue=evalue)
    result["seconds"] = round(time.time() - start, 3)
    nbformat.write(nb, args.output)
    export_html(nb, args.html)
    print(json.dumps(result))
    sys.exit(0 if result["ok"] else 2)


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Opens JupyterLab on notebooks/ from the project's .venv: loopback only, token on (printed in the URL).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/jupyter ] || { echo "[lab] the Jupyter environment is missing: run bash scripts/setup.sh" >&2; exit 1; }
npx tsc -p tsconfig.build.json   # notebooks import the compiled library from dist/
extra=()
[ "$(id -u)" = 0 ] && extra+=(--allow-root)   # containers often run as root; the server still binds to loopback only
exec .venv/bin/jupyter lab --ip=127.0.0.1 --no-browser --notebook-dir=notebooks --ServerApp.open_browser=False "${extra[@]}" "$@"

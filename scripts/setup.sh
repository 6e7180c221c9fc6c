#!/usr/bin/env bash
# Sets the project up from package registries alone: node_modules (npm ci), the compiled library (dist/),
# a project-local Python virtual environment with JupyterLab and nbconvert (.venv), and the tslab kernel
# registered inside it, pointing at this project's own tslab. Safe to run again: finished steps are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

command -v node >/dev/null || die "node is not installed: install Node.js 20 (e.g. apt-get install nodejs npm)"
node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' || die "Node.js $(node --version) is too old: this project needs Node.js 20 or newer"

# 1. npm packages. A lockfile change or a missing tree triggers a clean install.
stamp=node_modules/.tsdl-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed; check that the npm registry is reachable (npm ping)"
  cp package-lock.json "$stamp"
fi

# 2. The library compiled to dist/. The notebooks import it by name, as a user's notebook does
#    (import * as tsdl from 'tsdl'): node_modules/tsdl links to this folder, because tslab resolves modules the
#    Node10 way, which does not see a package's own name (Node's self-reference through "exports").
say "compiling lib/ to dist/"
npx tsc -p tsconfig.build.json && node scripts/esm-entry.cjs >/dev/null || die "TypeScript compilation failed (see errors above)"
if [ ! -e node_modules/tsdl ] || [ -L node_modules/tsdl ]; then ln -sfn .. node_modules/tsdl; fi

# 2b. Optional: the C helper (native/*.c, loaded by lib/kernels/c-helper.ts): huge pages for large arrays and
#     settled malloc thresholds, as NumPy's arrays get them, the CSV scan, window inputs, elementwise loops
#     several values per instruction, and the fused LSTM/GRU kernels (native/recurrent.c) with OpenBLAS's sgemm
#     where Debian's libopenblas-dev is installed (we install it when root with apt). Built when a C compiler and
#     Node's headers are there; without it everything works the same, with the same values, only slower.
HELPER=build/tsdl-helper.node
if [ "$(uname -s)" = Linux ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && [ ! -f /usr/include/x86_64-linux-gnu/cblas.h ] && [ ! -f /usr/include/cblas.h ] && [ "${TSDL_NO_OPENBLAS:-}" != 1 ]; then
  say "installing Debian's libopenblas-dev (apt-get) for the recurrent kernels' matrix products"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libopenblas-dev; } >/tmp/tsdl-apt-blas.log 2>&1 \
    || say "notice: libopenblas-dev did not install (see /tmp/tsdl-apt-blas.log); the kernels use their own matrix loops"
fi
if [ "$(uname -s)" = Linux ] && { [ ! -f $HELPER ] || [ -n "$(find native scripts/setup.sh -newer $HELPER)" ]; }; then
  NODE_INC=$(node -p "require('path').resolve(process.execPath, '..', '..', 'include', 'node')")
  if command -v cc >/dev/null && [ -f "$NODE_INC/node_api.h" ]; then
    mkdir -p build/obj
    rm -f build/huge-pages.node build/obj/*.o # this helper's name before it did more than huge pages; stale objects
    BLAS=()
    if [ "${TSDL_NO_OPENBLAS:-}" != 1 ] && echo 'int main(void){return 0;}' | cc -x c - -lopenblas -o /tmp/tsdl-blas-probe 2>/dev/null; then BLAS=(-DTSDL_OPENBLAS -lopenblas); fi
    # -ffp-contract=off: the C loops must give the TypeScript loops' bits (nothing fused into an FMA).
    # native/isa/: compiled once per instruction set, chosen at run time (cpu.c); -ffinite-math-only lets GCC
    # vectorise the gate loops (recurrent.c checks for NaN and infinity before calling them).
    ok=1
    : >/tmp/tsdl-cc.err
    for isa in avx512 avx2 default; do
      case $isa in avx512) flags="-mavx512f -mavx512vl -mavx2 -mfma" ;; avx2) flags="-mavx2 -mfma" ;; *) flags="" ;; esac
      for f in native/isa/*.c; do
        # shellcheck disable=SC2086
        cc -O3 -ffp-contract=off -ffinite-math-only -fno-trapping-math -fPIC $flags -DISA=$isa -c "$f" -o "build/obj/$(basename "$f" .c)-$isa.o" 2>>/tmp/tsdl-cc.err || ok=0
      done
    done
    if [ $ok = 1 ] && cc -O3 -ffp-contract=off -shared -fPIC -I"$NODE_INC" native/*.c build/obj/*.o -o $HELPER "${BLAS[@]}" 2>/tmp/tsdl-cc.err; then
      say "compiled the C helper ($HELPER${BLAS:+, with OpenBLAS})"
    else
      # In CI a compiler that is there must build it: otherwise its tests would be skipped, not run.
      [ "${CI:-}" = true ] && die "the C helper did not compile: $(cat /tmp/tsdl-cc.err)"
      say "notice: the optional C helper did not compile ($(tail -1 /tmp/tsdl-cc.err)); everything works without it, slower"
    fi
  else
    say "notice: no C compiler or Node headers ($NODE_INC/node_api.h): the optional C helper is skipped (apt-get install gcc libnode-dev)"
  fi
fi

# 3. Python virtual environment with the Jupyter stack.
PY=${PYTHON:-python3}
command -v "$PY" >/dev/null || die "$PY not found: install Python 3.9+ (e.g. apt-get install python3 python3-venv), or set PYTHON=/path/to/python3"
if [ ! -x .venv/bin/python ]; then
  say "creating .venv with $PY"
  "$PY" -m venv .venv 2>/tmp/tsdl-venv.err || die "could not create .venv: $(tail -1 /tmp/tsdl-venv.err). On Debian/Ubuntu: apt-get install python3-venv"
fi
reqstamp=.venv/.tsdl-requirements
if [ ! -f "$reqstamp" ] || ! cmp -s requirements-jupyter.txt "$reqstamp"; then
  say "installing JupyterLab and nbconvert into .venv (pip)"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-jupyter.txt \
    || die "pip install failed; check that PyPI is reachable (.venv/bin/pip download --no-deps -d /tmp six)"
  cp requirements-jupyter.txt "$reqstamp"
fi

# 4. The tslab kernel, registered inside .venv, started by an absolute path to this project's tslab.
TSLAB="$ROOT/node_modules/.bin/tslab"
[ -x "$TSLAB" ] || die "tslab is missing from node_modules; run: npm ci"
spec=.venv/share/jupyter/kernels/tslab/kernel.json
# The kernel's environment asks glibc's malloc for transparent huge pages (Linux THP mode "madvise", the usual
# default): Node's ArrayBuffers come from malloc, and a 96 MB window array then takes ~500 page faults instead
# of ~23,500 (half the time of makeWindows; bench/data-pipeline.ts). NumPy does the same for its own arrays.
# glibc before 2.35 ignores the setting; with THP "always" or "never" it changes nothing.
if [ ! -f "$spec" ] || ! grep -q "$TSLAB" "$spec" || ! grep -q 'glibc.malloc.hugetlb=1' "$spec"; then
  say "registering the tslab kernel in .venv"
  "$TSLAB" install --python="$ROOT/.venv/bin/python" --prefix="$ROOT/.venv" --binary="$TSLAB" >/dev/null \
    || die "tslab kernel registration failed; run it by hand to see why: $TSLAB install --python=.venv/bin/python --prefix=.venv --binary=$TSLAB"
  .venv/bin/python - "$spec" <<'PY' || die "could not add the kernel's environment to $spec"
import json, sys
path = sys.argv[1]
with open(path) as f:
    spec = json.load(f)
spec.setdefault("env", {})["GLIBC_TUNABLES"] = "glibc.malloc.hugetlb=1"
with open(path, "w") as f:
    json.dump(spec, f, indent=1)
PY
fi
# 4b. Deno's kernel (deno jupyter; Deno itself is an npm devDependency), registered inside .venv the same way.
#     `deno jupyter --install` would write into ~/.local/share/jupyter; this spec is the one it writes, kept local.
DENO="$ROOT/node_modules/.bin/deno"
dspec=.venv/share/jupyter/kernels/deno/kernel.json
if [ -x "$DENO" ] && { [ ! -f "$dspec" ] || ! grep -q "$DENO" "$dspec"; }; then
  say "registering the Deno kernel in .venv"
  mkdir -p "$(dirname "$dspec")"
  printf '{"argv": ["%s", "jupyter", "--kernel", "--conn", "{connection_file}"], "display_name": "Deno", "language": "typescript"}\n' "$DENO" > "$dspec"
fi
# 5. Debian's Chromium for static chart images and the browser tests (playwright-core drives it; its own
#    browser download is never used). Installed when we are root with apt; otherwise a notice.
if [ -z "${TSDL_CHROMIUM:-}" ] && ! command -v chromium >/dev/null && [ "${TSDL_SKIP_BROWSER:-}" != 1 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's chromium (apt-get) for chart images and browser tests"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; } >/tmp/tsdl-apt.log 2>&1 \
      || die "apt-get install chromium failed (see /tmp/tsdl-apt.log); install it by hand, or set TSDL_SKIP_BROWSER=1 to go without PNG output and browser tests"
  else
    say "notice: no chromium found; charts work, but PNG export and browser tests need it: sudo apt-get install chromium"
  fi
fi

.venv/bin/jupyter kernelspec list 2>/dev/null | grep -q '^ *tslab ' || die "the tslab kernel is not visible to .venv/bin/jupyter (kernelspec list)"
say "ready: $(node -e 'console.log(`node ${process.version}`)'), $(.venv/bin/jupyter --version 2>/dev/null | grep -m1 -i jupyterlab | tr -s ' '), kernel tslab -> $TSLAB"

#!/usr/bin/env bash
# The native TensorFlow backend behind a registry-only network.
#
# @tensorflow/tfjs-node's install script downloads libtensorflow and a prebuilt addon from a storage host; where
# only package registries are reachable it fails and npm drops the (optional) package, so the library runs on
# wasm. This script builds the same addon from what the registries do carry:
#   1. TensorFlow's CPU wheel from PyPI (pinned below) ships the C API (TF_*, in libtensorflow_framework.so.2
#      and libtensorflow_cc.so.2) and the eager C API (TFE_*, in libtensorflow_cc.so.2), plus the C headers;
#   2. @tensorflow/tfjs-node from npm, installed without its download script;
#   3. the libraries go where its binding.gyp looks (deps/lib, deps/include) and node-gyp compiles the addon
#      against the system's Node headers.
# Everything lands in .cache/native-backend/<key>/ (libraries, headers, the compiled addon), so reinstalling
# node_modules only relinks and copies. On any failure the installation is left as it was.
#
#   bash scripts/native-backend.sh           build (or relink from the cache) and check the backend loads
#   bash scripts/native-backend.sh --remove  take the native backend out again (wasm is used)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

TF_WHEEL=tensorflow-cpu
TF_VERSION=2.21.0          # the wheel whose C library the addon links against (checked: exports TF_* and TFE_*)
PKG_DIR=node_modules/tfjs-node-native
TFJS_NODE_VERSION=$(node -p "require('./package.json').config.tfjsNodeVersion")
ARCH=$(uname -m)
KEY="tf-${TF_VERSION}-tfjs-node-${TFJS_NODE_VERSION}-node-abi-napi-${ARCH}"
CACHE="$ROOT/.cache/native-backend/$KEY"

say() { printf '[native] %s\n' "$*"; }
fail() { printf '[native] ERROR: %s\n' "$*" >&2; exit 1; }

works() {
  node -e "
    process.env.TF_CPP_MIN_LOG_LEVEL = '3';
    require('tfjs-node-native');
    const tf = require('@tensorflow/tfjs');
    process.exit(tf.findBackend('tensorflow') ? 0 : 1);" >/dev/null 2>&1
}

if [ "${1:-}" = "--remove" ]; then
  rm -rf "$PKG_DIR"
  say "removed $PKG_DIR; the library runs on wasm (the cache in .cache/native-backend is kept)"
  exit 0
fi

[ "$ARCH" = x86_64 ] || fail "TensorFlow's CPU wheels for Linux are x86_64 only here (this machine: $ARCH); the library will use wasm"
[ "$(uname -s)" = Linux ] || fail "this script builds for Linux only; on macOS and Windows npm's own tfjs-node install works where its host is reachable"

if [ -d "$PKG_DIR" ] && works; then
  say "native backend already works ($PKG_DIR)"
  exit 0
fi

# Roll back what this run adds if anything fails below.
had_pkg=0
[ -d "$PKG_DIR" ] && had_pkg=1
rollback() {
  if [ "$had_pkg" = 0 ]; then rm -rf "$PKG_DIR"; else rm -rf "$PKG_DIR/deps" "$PKG_DIR/lib" "$PKG_DIR/build"; fi
  say "left the installation as it was (the library uses wasm)"
}
trap 'rc=$?; if [ $rc -ne 0 ]; then rollback; fi' EXIT

# Tools: a Python with pip (for the wheel), a C++ compiler and make, and Node's headers (node-gyp must not
# download them: that host is unreachable too).
PY=""
for p in "$ROOT/.venv/bin/python" python3; do command -v "$p" >/dev/null 2>&1 && "$p" -m pip --version >/dev/null 2>&1 && { PY=$p; break; }; done
[ -n "$PY" ] || fail "no Python with pip found: run bash scripts/setup.sh first (it creates .venv), or apt-get install python3-pip"
command -v g++ >/dev/null || fail "no C++ compiler: apt-get install g++ make (node-gyp compiles the addon)"
command -v make >/dev/null || fail "make is missing: apt-get install make"
NODEDIR=${npm_config_nodedir:-}
if [ -z "$NODEDIR" ]; then
  for d in /usr /usr/local "$(dirname "$(dirname "$(command -v node)")")"; do [ -f "$d/include/node/node_api.h" ] && { NODEDIR=$d; break; }; done
fi
[ -n "$NODEDIR" ] && [ -f "$NODEDIR/include/node/node_api.h" ] || fail "Node's C headers are missing (node_api.h): apt-get install libnode-dev, or set npm_config_nodedir to a Node source/headers folder"

# 1. TensorFlow's C library and headers from the PyPI wheel, cached.
if [ ! -f "$CACHE/lib/libtensorflow_cc.so.2" ] || [ ! -f "$CACHE/include/tensorflow/c/eager/c_api.h" ]; then
  say "downloading $TF_WHEEL==$TF_VERSION from PyPI (about 270 MB)"
  rm -rf "$CACHE.tmp" && mkdir -p "$CACHE.tmp/wheel"
  "$PY" -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
      --platform manylinux_2_27_x86_64 --python-version 311 --implementation cp --abi cp311 \
      "$TF_WHEEL==$TF_VERSION" -d "$CACHE.tmp/wheel" 2>"$CACHE.tmp/pip.err" \
    || fail "could not download $TF_WHEEL==$TF_VERSION from PyPI: $(tail -1 "$CACHE.tmp/pip.err"); check that PyPI is reachable"
  say "extracting the C library and headers"
  "$PY" - "$CACHE.tmp" <<'PYEOF' || fail "the wheel does not hold the expected files (see above)"
import glob, os, sys, zipfile
out = sys.argv[1]
wheel = glob.glob(os.path.join(out, "wheel", "*.whl"))[0]
want_libs = {"tensorflow/libtensorflow_cc.so.2", "tensorflow/libtensorflow_framework.so.2"}
header_dirs = ("tensorflow/include/tensorflow/c/", "tensorflow/include/tensorflow/core/platform/ctstring",
               "tensorflow/include/tsl/platform/ctstring", "tensorflow/include/xla/tsl/c/")
found = set()
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        if name in want_libs:
            dest = os.path.join(out, "lib", os.path.basename(name)); found.add(name)
        elif name.startswith(header_dirs) and name.endswith(".h"):
            dest = os.path.join(out, "include", name[len("tensorflow/include/"):])
        else:
            continue
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with z.open(name) as src, open(dest, "wb") as dst:
            while True:
                chunk = src.read(1 << 20)
                if not chunk: break
                dst.write(chunk)
missing = want_libs - found
if missing:
    sys.exit(f"missing in {os.path.basename(wheel)}: {', '.join(sorted(missing))}")
PYEOF
  # The binding needs both the C API and the eager C API exported.
  nm -D --defined-only "$CACHE.tmp/lib/libtensorflow_cc.so.2" "$CACHE.tmp/lib/libtensorflow_framework.so.2" >"$CACHE.tmp/symbols.txt" 2>/dev/null \
    || fail "could not list the symbols of the wheel's libraries (nm, from binutils, is needed: apt-get install binutils)"
  for sym in TF_NewStatus TF_NewTensor TFE_NewContext TFE_Execute TFE_NewOp TFE_TensorHandleResolve; do
    grep -qw "$sym" "$CACHE.tmp/symbols.txt" \
      || fail "$TF_WHEEL $TF_VERSION does not export $sym: it cannot back tfjs-node's binding"
  done
  rm -rf "$CACHE.tmp/wheel" "$CACHE.tmp/pip.err" "$CACHE.tmp/symbols.txt" "$CACHE"
  mkdir -p "$(dirname "$CACHE")" && mv "$CACHE.tmp" "$CACHE"
fi

# 2. The tfjs-node package, without its download script (npm dropped it when that script failed).
if [ ! -f "$PKG_DIR/package.json" ]; then
  say "installing @tensorflow/tfjs-node@$TFJS_NODE_VERSION without its download script"
  npm install --no-save --ignore-scripts --no-audit --no-fund --loglevel=error "tfjs-node-native@npm:@tensorflow/tfjs-node@$TFJS_NODE_VERSION" \
    || fail "npm could not install @tensorflow/tfjs-node@$TFJS_NODE_VERSION; check that the npm registry is reachable"
fi

# 3. Libraries where binding.gyp looks: deps/lib (libtensorflow = the wheel's libtensorflow_cc) and deps/include.
rm -rf "$PKG_DIR/deps" && mkdir -p "$PKG_DIR/deps/lib"
for name in libtensorflow.so libtensorflow.so.2 libtensorflow_cc.so.2; do ln -s "$CACHE/lib/libtensorflow_cc.so.2" "$PKG_DIR/deps/lib/$name"; done
for name in libtensorflow_framework.so libtensorflow_framework.so.2; do ln -s "$CACHE/lib/libtensorflow_framework.so.2" "$PKG_DIR/deps/lib/$name"; done
ln -s "$CACHE/include" "$PKG_DIR/deps/include"

# 4. The addon: from the cache, or compiled once with node-gyp.
NAPI=$(node -p "Math.min(8, +process.versions.napi)")
ADDON_DIR="$PKG_DIR/lib/napi-v$NAPI"
if [ -f "$CACHE/addon/napi-v$NAPI/tfjs_binding.node" ]; then
  say "using the cached addon"
  mkdir -p "$ADDON_DIR" && cp "$CACHE/addon/napi-v$NAPI/tfjs_binding.node" "$ADDON_DIR/"
else
  say "compiling the addon with node-gyp (headers from $NODEDIR)"
  PRE_GYP="$ROOT/node_modules/.bin/node-pre-gyp"
  [ -x "$PRE_GYP" ] || fail "node-pre-gyp (a dependency of tfjs-node) is missing from node_modules; rerun this script"
  (cd "$PKG_DIR" && npm_config_nodedir="$NODEDIR" "$PRE_GYP" install --build-from-source >"$CACHE/build.log" 2>&1) \
    || fail "compiling the addon failed; the compiler output is in $CACHE/build.log"
  built=$(find "$PKG_DIR/lib" -name tfjs_binding.node | head -1)
  [ -n "$built" ] || fail "node-gyp reported success but no tfjs_binding.node was produced (see $CACHE/build.log)"
  mkdir -p "$CACHE/addon/napi-v$NAPI" && cp "$built" "$CACHE/addon/napi-v$NAPI/"
fi

works || fail "the addon was built but TensorFlow.js does not register the tensorflow backend; run: node -e \"require('tfjs-node-native')\" to see why"
say "ready: TensorFlow.js will use the native tensorflow backend (TensorFlow $TF_VERSION C library from PyPI)"

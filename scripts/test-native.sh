#!/usr/bin/env bash
# The core test suites on the native tensorflow backend (built from TensorFlow's PyPI wheel by
# scripts/native-backend.sh), plus the cross-backend agreement test. Used by `npm test` after the main run.
# If the native backend was not installed before, it is removed again afterwards, so the default install keeps
# running on wasm (faster for the small models of this project: see README "Backends").
# TSDL_NATIVE=0 skips this step; outside CI a failed build is reported and skipped, in CI it fails the run.
set -uo pipefail
cd "$(dirname "$0")/.."
say() { printf '[native tests] %s\n' "$*"; }
if [ "${TSDL_NATIVE:-1}" = 0 ]; then say "skipped (TSDL_NATIVE=0)"; exit 0; fi

installed_before=0
[ -d node_modules/tfjs-node-native/deps ] && installed_before=1
if ! bash scripts/native-backend.sh; then
  if [ "${CI:-}" = true ]; then say "the native backend could not be built (see above)"; exit 1; fi
  say "skipped: the native backend could not be built here (see above); the suite ran on wasm"
  exit 0
fi
cleanup() { [ "$installed_before" = 1 ] || bash scripts/native-backend.sh --remove >/dev/null; }
trap cleanup EXIT

say "core suites with TSDL_BACKEND=tensorflow"
TSDL_BACKEND=tensorflow npx mocha --no-config --require tsx/cjs --require test/setup.ts --timeout 120000 \
  'test/*.test.ts' 'test/data/**/*.test.ts' 'test/features/**/*.test.ts' 'test/preprocess/**/*.test.ts' \
  'test/models/**/*.test.ts' 'test/train/**/*.test.ts' 'test/metrics/**/*.test.ts' 'test/charts/**/*.test.ts' \
  'test/util/**/*.test.ts' 'test/kernels/**/*.test.ts' test/reliability/bad-input.test.ts test/reliability/leakage.property.test.ts

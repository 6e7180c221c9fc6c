#!/usr/bin/env bash
# Regenerates test/fixtures/keras/: the library saves seeded models, the tensorflowjs converter turns them into
# Keras files that Keras predicts with, and Keras models are converted the other way. Needs .venv-convert:
#   python3 -m venv .venv-convert && .venv-convert/bin/pip install -r requirements-converter.txt
#   .venv-convert/bin/pip install protobuf==6.31.1
# (tensorflowjs 4.22 pulls tensorflow-decision-forests 1.12, whose protobuf code needs runtime 6.31 although
# TensorFlow 2.19 declares <6; TensorFlow runs with it.)
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf test/fixtures/keras/tsdl
npx tsx scripts/export-portable-models.ts test/fixtures/keras/tsdl
.venv-convert/bin/python scripts/keras-fixtures.py

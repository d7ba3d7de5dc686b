#!/usr/bin/env bash
# Set up sigact with its test extras in ./.venv (first run only), lint, and run the test suite,
# including the evaluation gates on ../shared when that folder is present.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/pytest ] || ! .venv/bin/python -c "import sigact, hypothesis" 2>/dev/null; then
  "$PY" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e '.[test]'
fi
.venv/bin/ruff check src tests benchmarks
.venv/bin/python -m pytest "$@"

#!/usr/bin/env bash
# Set up sigact in ./.venv (first run only) and run it on the bundled sample articles:
# extract events into ./sigact.db (embedded SQLite) and print them as a table.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/sigact ]; then
  "$PY" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e .
fi
DB=${SIGACT_DB:-sigact.db}
.venv/bin/sigact ingest samples --db "$DB"
.venv/bin/sigact events --db "$DB"
echo "database: $(pwd)/$DB"

#!/usr/bin/env bash
# Cross-check our scheduler against py-fsrs (see fsrs-xcheck.py for what is compared).
# Sets up a venv under target/ with the reference implementation, builds the example that
# prints our values, and runs the comparison. Extra arguments go to fsrs-xcheck.py.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/fsrs-xcheck-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
# The version the reference values in guides/fsrs.md §6 were measured with.
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check fsrs==6.3.2

cargo build --quiet --example fsrs_xcheck
exec "$venv/bin/python" scripts/fsrs-xcheck.py --bin target/debug/examples/fsrs_xcheck "$@"

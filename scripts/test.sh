#!/usr/bin/env bash
# The README's second command: install what is missing, build everything, run the whole test
# suite through ctest. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"

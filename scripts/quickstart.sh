#!/usr/bin/env bash
# The README's first command: install what is missing, build (Release), run the main job.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh dse
mkdir -p results
# The main job: every variant of the paper's spaces (and the MCUNet reference nets) on the
# F469 in every mode, into results/dse.sqlite; prints the best models and the Pareto front.
./build/apps/dse/dse sweep --board f469

#!/usr/bin/env bash
# The README's first command: install what is missing, build (Release), run the main job.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
mkdir -p results
# The main job. Until `dse sweep` exists (issue 6) this is the most complete job there is:
# the spaces, then the exact counts of the paper's Table II models.
./build/apps/dse/dse spaces list
for v in proxyless-w0.30-r144 mbv3-w0.50-r112 mnasnet-w1.00-r080 mbv3-w0.75-r128 mbv3-w1.00-r160; do
  ./build/apps/dse/dse show "$v"
done

#!/usr/bin/env bash
# Builds and runs every benchmark in tests/bench/ on one core and prints their tables.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
for b in build/tests/bench/bench_*; do
  echo "== $(basename "$b")"
  taskset -c 0 "$b" --benchmark_min_time=1
done

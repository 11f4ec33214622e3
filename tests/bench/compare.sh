#!/usr/bin/env bash
# Latency predictions per second of two builds in one run (issue 13 item 7: the new one within
# 20 % of the old). Each bench_latency binary runs ROUNDS times, alternating, on one core; the
# medians of the predictions_per_s counter of the first benchmark (the default configuration) are
# compared.
# Usage: tests/bench/compare.sh OLD/bench_latency NEW/bench_latency [ROUNDS]   (from the repo root)
set -euo pipefail
OLD=${1:?usage: compare.sh OLD/bench_latency NEW/bench_latency [ROUNDS]}
NEW=${2:?usage: compare.sh OLD/bench_latency NEW/bench_latency [ROUNDS]}
ROUNDS=${3:-3}
rate() {  # rate BINARY: predictions per second of one run
  taskset -c 0 "$1" --benchmark_min_time=1 --benchmark_format=csv 2>/dev/null |
    awk -F, '/^"BM_/ { for (i = 1; i <= NF; ++i) if (h[i] == "predictions_per_s") { print $i; exit } }
             /^name,/ { for (i = 1; i <= NF; ++i) { h[i] = $i; gsub(/"/, "", h[i]) } }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
old=() new=()
for _ in $(seq "$ROUNDS"); do
  old+=("$(rate "$OLD")")
  new+=("$(rate "$NEW")")
done
o=$(printf '%s\n' "${old[@]}" | median)
n=$(printf '%s\n' "${new[@]}" | median)
echo "old: ${old[*]} predictions/s (median $o)"
echo "new: ${new[*]} predictions/s (median $n)"
awk -v o="$o" -v n="$n" 'BEGIN { r = n / o; printf "new / old = %.3f (%s)\n", r, (r >= 0.8 ? "within 20 %" : "SLOWER than 80 %"); exit (r >= 0.8 ? 0 : 1) }'

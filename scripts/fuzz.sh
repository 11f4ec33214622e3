#!/usr/bin/env bash
# Builds a libFuzzer target with clang (ASan + UBSan) and runs it for a number of seconds.
#
#   scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags...]
#
# TARGET is a file tests/fuzz/TARGET_fuzz.cpp; its seed corpus is tests/fuzz/corpus/TARGET/.
# The run works on a copy of the seeds in build-fuzz/corpus-TARGET (new inputs stay out of git);
# crashes land in build-fuzz/crashes-TARGET/. One worker: the machine is shared.
# Not part of the CMake build on purpose: it needs clang's -fsanitize=fuzzer.
set -euo pipefail

target=${1:?usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]}
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/build-fuzz
mkdir -p "$out/corpus-$target" "$out/crashes-$target"

case $target in
  tflite)
    sources=("$root"/lib/tflite/*.cpp "$root"/lib/graph/network.cpp
             "$root"/lib/analysis/cost.cpp "$root"/lib/analysis/liveness.cpp) ;;
  *) echo "fuzz.sh: unknown target '$target' (known: tflite)" >&2; exit 2 ;;
esac

clang++ -std=c++20 -O1 -g -fno-omit-frame-pointer \
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I"$root/lib" "$root/tests/fuzz/${target}_fuzz.cpp" "${sources[@]}" -lfmt \
  -o "$out/${target}_fuzz"

cp -n "$root/tests/fuzz/corpus/$target"/* "$out/corpus-$target/" 2>/dev/null || true
cd "$out/crashes-$target"
exec "$out/${target}_fuzz" "$out/corpus-$target" -max_total_time="$seconds" \
  -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "$@"

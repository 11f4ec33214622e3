#!/usr/bin/env bash
# Builds libFuzzer targets with clang (ASan + UBSan) and runs them for a number of seconds.
#
#   scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags...]
#   scripts/fuzz.sh all SECONDS [...]     every target, one after the other, SECONDS each
#   scripts/fuzz.sh list                  the known targets
#
# TARGET is a file tests/fuzz/TARGET_fuzz.cpp; its seed corpus is tests/fuzz/corpus/TARGET/.
# The lib/ modules a target needs are built by CMake with clang into build-fuzz/cmake
# (instrumented for coverage and the sanitizers, incrementally); the target itself is linked
# with -fsanitize=fuzzer. A run works on a copy of the seeds in build-fuzz/corpus-TARGET (new
# inputs stay out of git); crashes land in build-fuzz/crashes-TARGET/. One worker: the machine
# is shared. Exits non-zero when a target finds a crash.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/build-fuzz
usage="usage: scripts/fuzz.sh TARGET|all|list SECONDS [libFuzzer flags...]"

# The lib/ modules (CMake targets dse_<module>) each fuzz target links.
modules_of() {
  case $1 in
    tflite) echo "tflite graph analysis util" ;;
    space) echo "searchspace graph tomlspec util" ;;
    board) echo "hw tomlspec util" ;;
    latency_csv) echo "latency hw placement tinyops searchspace analysis graph tomlspec util" ;;
    accuracy_import | accuracy_published)
      echo "accuracy searchspace analysis graph tomlspec util" ;;
    *) return 1 ;;
  esac
}
targets=(tflite space board latency_csv accuracy_import accuracy_published)

build_target() {
  local target=$1 flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
  local libs=() m
  cmake -S "$root" -B "$out/cmake" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link $flags" >/dev/null
  for m in $(modules_of "$target"); do libs+=("dse_$m"); done
  ninja -C "$out/cmake" -j 2 "${libs[@]}" >/dev/null
  local archives=()
  for m in $(modules_of "$target"); do archives+=("$out/cmake/lib/libdse_$m.a"); done
  # shellcheck disable=SC2086  # $flags is a list of flags
  clang++ -std=c++20 -O1 -g $flags -fsanitize=fuzzer \
    -I"$root/lib" -I/usr/include/eigen3 -DDSE_SOURCE_DIR="\"$root\"" \
    "$root/tests/fuzz/${target}_fuzz.cpp" -Wl,--start-group "${archives[@]}" -Wl,--end-group \
    -ltomlplusplus -lfmt -o "$out/${target}_fuzz"
}

run_target() {
  local target=$1 seconds=$2
  shift 2
  mkdir -p "$out/corpus-$target" "$out/crashes-$target"
  build_target "$target"
  cp -n "$root/tests/fuzz/corpus/$target"/* "$out/corpus-$target/" 2>/dev/null || true
  echo "== fuzz $target for ${seconds}s" >&2
  (cd "$out/crashes-$target" &&
   "$out/${target}_fuzz" "$out/corpus-$target" -max_total_time="$seconds" -workers=1 \
     -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "$@")
}

target=${1:?$usage}
if [ "$target" = list ]; then
  printf '%s\n' "${targets[@]}"
  exit 0
fi
seconds=${2:?$usage}
shift 2
if [ "$target" = all ]; then
  status=0
  for t in "${targets[@]}"; do run_target "$t" "$seconds" "$@" || status=1; done
  exit $status
fi
modules_of "$target" >/dev/null || {
  echo "fuzz.sh: unknown target '$target' (known: ${targets[*]})" >&2
  exit 2
}
run_target "$target" "$seconds" "$@"

#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer, in build-asan/.
# Any sanitizer report fails the run: ASan and UBSan halt on the first error (UBSan is built
# with -fno-sanitize-recover, so it aborts instead of printing and going on), and LeakSanitizer
# runs at exit. `.ci/run` calls this after scripts/test.sh.
#
#   scripts/test-sanitize.sh [ctest flags...]
#
# Builds only `dse` and the test binaries (the benchmarks are not run by ctest).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDSE_SANITIZE=ON \
  -DCMAKE_CXX_FLAGS="-fno-sanitize-recover=undefined" >/dev/null
mapfile -t targets < <(ninja -C build-asan -t targets all |
                       sed -n 's/^\(dse\|vocab_check\|[a-z0-9]*_test\): phony$/\1/p')
ninja -C build-asan -j "$(nproc)" "${targets[@]}"

export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
ctest --test-dir build-asan --output-on-failure -j "$(nproc)" "$@"

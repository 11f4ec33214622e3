#!/usr/bin/env bash
# End-to-end CLI tests: runs `dse` as a user would and checks exit codes and messages.
# Usage: tests/cli/run.sh path/to/dse   (run from the repository root; ctest does this)
set -uo pipefail
DSE=${1:?usage: run.sh path/to/dse}
DATA=tests/cli/data
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

# check NAME EXPECTED_CODE PATTERN -- ARGS...: runs dse ARGS, expects the exit code and
# PATTERN (grep -E) in stdout+stderr.
check() {
  local name=$1 code=$2 pattern=$3
  shift 4
  local out
  out=$("$DSE" "$@" 2>&1)
  local got=$?
  if [ "$got" -eq "$code" ] && grep -qE -- "$pattern" <<<"$out"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name: exit $got (want $code), output:" >&2
    sed 's/^/    /' <<<"$out" | head -12 >&2
  fi
}

# expect NAME COMMAND...: COMMAND must succeed (for checks that are not one dse run).
expect() {
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name: '$*' does not hold" >&2
  fi
}

for f in tests/cli/cases/*.sh; do
  # shellcheck source=/dev/null
  . "$f"
done

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

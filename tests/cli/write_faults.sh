#!/usr/bin/env bash
# Failing writes, run by ctest: what dse leaves behind when the disk fills up mid-write. A full
# disk is simulated without root or a mount: a subshell lowers the file-size limit
# (`ulimit -f`, in 1024-byte blocks) and ignores SIGXFSZ (`trap '' XFSZ`), so a write past the
# limit fails with EFBIG ("File too large") the way it would with ENOSPC; without the trap the
# kernel kills dse mid-write instead (an interrupted write).
#   1. `dse calibrate --out FILE` writes through a temporary file and a rename: a failed or
#      interrupted write leaves FILE as it was (never truncated) and no temporary file; the
#      error names FILE and the reason, exit 2.
# Usage: tests/cli/write_faults.sh path/to/dse   (from the repository root; ctest does this)
set -uo pipefail
DSE=${1:?usage: write_faults.sh path/to/dse}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  echo "FAIL $1" >&2
}
# same NAME WANT GOT: exact text.
same() {
  if [ "$2" = "$3" ]; then pass; else fail "$1: want '$2', got '$3'"; fi
}
# limited BLOCKS CMD...: runs CMD with writes limited to BLOCKS KiB per file, failing with EFBIG.
limited() {
  (
    trap '' XFSZ
    ulimit -f "$1" || exit 99
    shift
    "$@"
  )
}
# leftovers DIR: temporary files dse left in DIR.
leftovers() { find "$1" -name '*.tmp.*' | sort | tr '\n' ' '; }

# --- 1. dse calibrate --out: the coefficients file is replaced whole or not at all.
dir=$TMP/cal
mkdir -p "$dir"
coefs=$dir/coefficients.toml
"$DSE" --quiet calibrate --out "$coefs" >/dev/null 2>"$TMP/err"
code=$?
if [ "$code" -eq 0 ] && [ -s "$coefs" ] && [ "$(wc -c <"$coefs")" -gt 2048 ]; then pass; else
  fail "calibrate --out: exit $code, $(wc -c <"$coefs" 2>/dev/null) bytes: $(cat "$TMP/err")"
fi
cp "$coefs" "$TMP/coefs.ref"

# A full disk: the old file stays byte for byte, the error says which file and why.
limited 1 "$DSE" calibrate --out "$coefs" >/dev/null 2>"$TMP/err"
same "calibrate on a full disk: exit" 2 $?
same "calibrate on a full disk: message" \
  "dse: error: $coefs: cannot write the coefficients: File too large; the file is unchanged" \
  "$(cat "$TMP/err")"
if cmp -s "$coefs" "$TMP/coefs.ref"; then pass; else
  fail "calibrate on a full disk: $coefs changed ($(wc -c <"$coefs") bytes, was $(wc -c <"$TMP/coefs.ref"))"
fi
same "calibrate on a full disk: temporary files left" "" "$(leftovers "$dir")"

# Killed mid-write (SIGXFSZ not ignored): the old file is still whole.
{
  (
    ulimit -f 1
    exec "$DSE" --quiet calibrate --out "$coefs"
  ) >/dev/null
} 2>/dev/null  # also bash's own "File size limit exceeded"
code=$?
if [ "$code" -ne 0 ]; then pass; else fail "calibrate killed mid-write: exit 0"; fi
if cmp -s "$coefs" "$TMP/coefs.ref"; then pass; else
  fail "calibrate killed mid-write: $coefs changed ($(wc -c <"$coefs") bytes, was $(wc -c <"$TMP/coefs.ref"))"
fi
rm -f "$dir"/*.tmp.*

# A new file on a full disk is not created at all (no empty or partial file).
limited 1 "$DSE" calibrate --out "$dir/new.toml" >/dev/null 2>"$TMP/err"
same "calibrate of a new file on a full disk: message" \
  "dse: error: $dir/new.toml: cannot write the coefficients: File too large" "$(cat "$TMP/err")"
if [ ! -e "$dir/new.toml" ]; then pass; else fail "calibrate on a full disk created $dir/new.toml"; fi
same "calibrate of a new file on a full disk: temporary files left" "" "$(leftovers "$dir")"

# A directory that does not exist: exit 2, named.
"$DSE" calibrate --out "$dir/missing/coefficients.toml" >/dev/null 2>"$TMP/err"
same "calibrate into a missing directory: exit" 2 $?
same "calibrate into a missing directory: message" \
  "dse: error: $dir/missing/coefficients.toml: cannot write the coefficients: No such file or directory" \
  "$(cat "$TMP/err")"

echo "write_faults: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

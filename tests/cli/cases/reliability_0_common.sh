# Helpers and fixtures of the reliability cases (issue 8). Sourced by tests/cli/run.sh before
# the other reliability_*.sh files (the name sorts first); $TMP is scratch.
#
# bad NAME PATTERN -- ARGS...: runs dse ARGS and expects what every rejected input must give:
#   exit 2; PATTERN (grep -E) in stdout+stderr; at most $BAD_MAX_LINES lines of output; no crash
#   or sanitizer report; and the reference database $RDB byte-for-byte unchanged (cmp against
#   the copy taken when it was made). Cases pass --db "$RDB" wherever a database is read or
#   written, so a command that wrongly wrote would show here.
BAD_MAX_LINES=16
RDB=$TMP/rel.sqlite
REL=$DATA

bad() {
  local name=$1 pattern=$2
  shift 3
  local out got lines
  "$DSE" "$@" >"$TMP/bad.out" 2>&1
  got=$?
  out=$(tr -d '\000' <"$TMP/bad.out")  # binary input may be echoed back
  lines=$(printf '%s\n' "$out" | wc -l)
  local why=""
  if [ "$got" -ne 2 ]; then why="exit $got (want 2)"; fi
  if ! grep -qE -- "$pattern" <<<"$out"; then why="$why; no match for '$pattern'"; fi
  if [ "$lines" -gt "$BAD_MAX_LINES" ]; then why="$why; $lines lines (want <= $BAD_MAX_LINES)"; fi
  if grep -qE 'Sanitizer|runtime error:|terminate called|Segmentation|Aborted' <<<"$out"; then
    why="$why; crash or sanitizer report"
  fi
  if ! cmp -s "$RDB" "$RDB.ref"; then
    why="$why; $RDB changed"
    cp "$RDB.ref" "$RDB"  # so that later cases are judged on their own
  fi
  if [ -z "$why" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name: ${why#; }, output:" >&2
    sed 's/^/    /' <<<"$out" | head -14 >&2
  fi
}

# The reference database: one small run (mbv3 on the F469, TinyOps mode only).
check rel-make-db 0 "run 1 in $RDB" -- --quiet sweep --board f469 --spaces mbv3 --modes tinyops --db "$RDB"
cp "$RDB" "$RDB.ref"

#!/usr/bin/env bash
# Fault tests of the results database (issue 8), run by ctest:
#   1. SIGINT and SIGKILL at many points of a sweep leave earlier runs intact and no partial
#      run: every run present has all its evaluation rows (variants x boards x modes) and its
#      Pareto rows, and the file passes PRAGMA integrity_check.
#   2. Two concurrent sweeps into one database (new and existing) both land with every row.
#   3. A database of a newer schema is refused and left byte-for-byte unchanged.
#   4. A read-only database file and a read-only directory give a clear error and change
#      nothing. Tests run as root, where chmod does not stop writes, so as root the files are
#      made immutable with `chattr +i`; where that is not permitted the case is skipped with
#      the reason printed.
#   5. Determinism: the same sweep twice writes identical evaluation and Pareto rows.
# Usage: tests/cli/faults.sh path/to/dse   (from the repository root; ctest does this)
set -uo pipefail
DSE=${1:?usage: faults.sh path/to/dse}
TMP=$(mktemp -d)
immutable=()
cleanup() {
  local f
  for f in "${immutable[@]}"; do chattr -i "$f" 2>/dev/null; done
  rm -rf "$TMP"
}
trap cleanup EXIT
passed=0
failed=0
skipped=0

pass() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  echo "FAIL $1" >&2
}
q() { sqlite3 -batch "$1" "$2"; }

# The sweep every kill case runs: every built-in board, the default spaces and modes.
SWEEP=(--quiet sweep --board all)

# complete DB WANT: every run in DB has WANT evaluations and some Pareto rows, no evaluation or
# Pareto row belongs to a missing run, and the file is intact. Prints what is wrong.
complete() {
  local db=$1 want=$2 bad
  [ "$(q "$db" 'PRAGMA integrity_check')" = ok ] || { echo "integrity_check failed"; return 1; }
  bad=$(q "$db" "SELECT r.id || ': ' || (SELECT count(*) FROM evaluations e WHERE e.run_id = r.id)
                 FROM runs r WHERE (SELECT count(*) FROM evaluations e WHERE e.run_id = r.id) != $want
                    OR NOT EXISTS (SELECT 1 FROM pareto p WHERE p.run_id = r.id)")
  [ -z "$bad" ] || { echo "incomplete runs (id: evaluations, want $want): $bad"; return 1; }
  bad=$(q "$db" "SELECT count(*) FROM evaluations WHERE run_id NOT IN (SELECT id FROM runs)")
  bad=$((bad + $(q "$db" "SELECT count(*) FROM pareto WHERE run_id NOT IN (SELECT id FROM runs)")))
  [ "$bad" -eq 0 ] || { echo "$bad rows of missing runs"; return 1; }
}

# --- 1. Interrupts. Two uninterrupted runs give the row count and the duration (of the second:
# the first also creates the file).
db=$TMP/kill.sqlite
"$DSE" "${SWEEP[@]}" --db "$db" >/dev/null
start=$(date +%s%N)
out=$("$DSE" "${SWEEP[@]}" --json --db "$db")
end=$(date +%s%N)
want=$(sed -n 's/.*"evaluations": \([0-9]*\).*/\1/p' <<<"$out")
ms=$(((end - start) / 1000000))
if [ -z "$want" ] || [ "$want" -lt 1000 ]; then
  fail "reference sweep: no evaluation count in: $out"
  want=1
fi
echo "faults: reference sweep ${ms} ms, $want evaluations per run"
runs=2
# Kill points as per-mille of the reference duration, dense where the run is written (about
# 70-80% in; the time varies with load), plus a few past the end (those runs complete).
for sig in INT KILL; do
  for permille in 50 200 350 500 600 650 700 725 750 775 800 850 900 1050; do
    before=$(cp "$db" "$TMP/before.sqlite" && q "$TMP/before.sqlite" "SELECT group_concat(id) FROM runs")
    # A script's background jobs start with SIGINT ignored; give dse the default action, as
    # a terminal's Ctrl-C would find it.
    env --default-signal=INT "$DSE" "${SWEEP[@]}" --db "$db" >/dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v ms="$ms" -v p="$permille" 'BEGIN { printf "%.3f", ms * p / 1e6 }')"
    kill -s "$sig" "$pid" 2>/dev/null
    wait "$pid"
    code=$?
    now=$(q "$db" "SELECT group_concat(id) FROM runs")
    if why=$(complete "$db" "$want"); then
      pass
    else
      fail "SIG$sig at ${permille}/1000 (exit $code): $why"
    fi
    # Earlier runs are still there, unchanged in number of rows.
    case ",$now," in
      ",$before,"*) pass ;;
      *) fail "SIG$sig at ${permille}/1000: runs were '$before', now '$now'" ;;
    esac
    [ "$code" -eq 0 ] && runs=$((runs + 1))
    echo "faults: SIG$sig after ${permille}/1000 of ${ms} ms: exit $code, runs $now"
  done
done
echo "faults: 28 interrupted sweeps, $((runs - 2)) finished before the signal; runs now: $(q "$db" 'SELECT count(*) FROM runs')"
# The database still takes a new run after all that.
if "$DSE" "${SWEEP[@]}" --db "$db" >/dev/null 2>&1 && complete "$db" "$want" >/dev/null; then pass; else fail "sweep after interrupts"; fi

# --- 2. Concurrent sweeps: into a new file (both create it) and into an existing one.
for kind in new existing; do
  cdb=$TMP/concurrent-$kind.sqlite
  [ "$kind" = existing ] && cp "$db" "$cdb"
  n0=$( [ -e "$cdb" ] && q "$cdb" "SELECT count(*) FROM runs" || echo 0)
  "$DSE" "${SWEEP[@]}" --db "$cdb" >"$TMP/c1.out" 2>&1 &
  p1=$!
  "$DSE" "${SWEEP[@]}" --db "$cdb" >"$TMP/c2.out" 2>&1 &
  p2=$!
  wait "$p1"; c1=$?
  wait "$p2"; c2=$?
  if [ "$c1" -eq 0 ] && [ "$c2" -eq 0 ]; then pass; else
    fail "concurrent sweeps into a $kind file: exit $c1 and $c2: $(cat "$TMP/c1.out" "$TMP/c2.out")"
  fi
  n1=$(q "$cdb" "SELECT count(*) FROM runs")
  if [ "$n1" -eq $((n0 + 2)) ]; then pass; else fail "concurrent sweeps into a $kind file: $n0 runs before, $n1 after"; fi
  if why=$(complete "$cdb" "$want"); then pass; else fail "concurrent sweeps into a $kind file: $why"; fi
done

# --- 3. A newer schema is refused, untouched.
cp "$db" "$TMP/newer.sqlite"
q "$TMP/newer.sqlite" "PRAGMA user_version=4"
cp "$TMP/newer.sqlite" "$TMP/newer.ref"
out=$("$DSE" --quiet sweep --board f469 --spaces mcunet-in3 --db "$TMP/newer.sqlite" 2>&1)
code=$?
if [ "$code" -eq 2 ] && grep -q "newer dse (schema version 4; this build reads up to 3)" <<<"$out"; then pass; else
  fail "newer schema: exit $code: $out"
fi
if cmp -s "$TMP/newer.sqlite" "$TMP/newer.ref"; then pass; else fail "newer schema: file changed"; fi

# --- 4. Read-only file and directory. Expected: a non-zero exit, a message naming the file and
# saying it cannot be written, and nothing changed.
readonly_case() {  # NAME DB PATTERN
  local name=$1 target=$2 pattern=$3 out code
  out=$("$DSE" --quiet sweep --board f469 --spaces mcunet-in3 --db "$target" 2>&1)
  code=$?
  echo "faults: $name: exit $code: $out"
  if [ "$code" -ne 0 ] && grep -qiE -- "$pattern" <<<"$out" && [ "$(wc -l <<<"$out")" -le 3 ]; then pass; else
    fail "$name: exit $code, output: $out"
  fi
}
make_readonly() {  # PATH: 0 when writes to PATH are now refused
  if [ "$(id -u)" -ne 0 ]; then
    chmod a-w "$1"
    return 0
  fi
  chattr +i "$1" 2>/dev/null || return 1
  immutable+=("$1")
}
mkdir -p "$TMP/ro-file" "$TMP/ro-dir"
cp "$db" "$TMP/ro-file/x.sqlite"
cp "$db" "$TMP/ro-file/x.ref"
if make_readonly "$TMP/ro-file/x.sqlite"; then
  readonly_case "read-only database file" "$TMP/ro-file/x.sqlite" "x\.sqlite: the database file is read-only"
  if cmp -s "$TMP/ro-file/x.sqlite" "$TMP/ro-file/x.ref"; then pass; else fail "read-only file changed"; fi
  cp "$db" "$TMP/ro-dir/y.sqlite"
  cp "$db" "$TMP/ro-dir.ref"
  if make_readonly "$TMP/ro-dir"; then
    readonly_case "database in a read-only directory" "$TMP/ro-dir/y.sqlite" "y\.sqlite: cannot read the database: .*read-only"
    if cmp -s "$TMP/ro-dir/y.sqlite" "$TMP/ro-dir.ref"; then pass; else fail "database in a read-only directory changed"; fi
    readonly_case "new database in a read-only directory" "$TMP/ro-dir/new.sqlite" "new\.sqlite: .*(read-?only|cannot (open|create|write)|not writable)"
    if [ ! -e "$TMP/ro-dir/new.sqlite" ]; then pass; else fail "a database appeared in a read-only directory"; fi
  fi
else
  skipped=$((skipped + 1))
  echo "faults: SKIP read-only cases: running as root and 'chattr +i' is not permitted here" >&2
fi

# --- 5. Determinism: two runs of the same sweep write the same rows (run ids and time aside).
ddb=$TMP/det.sqlite
"$DSE" "${SWEEP[@]}" --db "$ddb" >/dev/null 2>&1
"$DSE" "${SWEEP[@]}" --db "$ddb" >/dev/null 2>&1
for table in "evaluation_view" "pareto JOIN variants ON variants.id = pareto.variant_id"; do
  for run in 1 2; do
    q "$ddb" "SELECT * FROM $table WHERE run_id = $run ORDER BY 2, 3, 4, 5, 6, 7, 8, 9, 10, 11" |
      cut -d'|' -f2- >"$TMP/det-$run.txt"
  done
  if [ -s "$TMP/det-1.txt" ] && cmp -s "$TMP/det-1.txt" "$TMP/det-2.txt"; then pass; else
    fail "determinism: rows of $table differ between run 1 and run 2"
    diff "$TMP/det-1.txt" "$TMP/det-2.txt" | head -5 >&2
  fi
done
if [ "$(q "$ddb" "SELECT count(DISTINCT inputs_hash || git_revision || command_line) FROM runs")" -eq 1 ]; then pass; else
  fail "determinism: the two runs record different inputs"
fi

echo "faults: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Failing writes, run by ctest: what dse leaves behind when the disk fills up mid-write. A full
# disk is simulated without root or a mount: a subshell lowers the file-size limit
# (`ulimit -f`, in 1024-byte blocks) and ignores SIGXFSZ (`trap '' XFSZ`), so a write past the
# limit fails with EFBIG ("File too large") the way it would with ENOSPC; without the trap the
# kernel kills dse mid-write instead (an interrupted write).
#   1. `dse calibrate --out FILE` writes through a temporary file and a rename: a failed or
#      interrupted write leaves FILE as it was (never truncated) and no temporary file; the
#      error names FILE and the reason, exit 2.
#   2. `dse sweep` into a database that already holds one complete run, on a full disk: when
#      the write fails while inserting (the run is larger than SQLite's page cache) or while
#      committing, and when dse is killed mid-write, the run is rolled back: exit 1, one clear
#      line naming the database and the reason, the file passes PRAGMA integrity_check and holds
#      exactly the earlier run's rows (every table, and `dse pareto` prints the same front). A
#      limit too small to even open the database is reported the same way. Afterwards a sweep
#      without the limit lands as usual.
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
# in_scratch CMD...: runs CMD from $TMP, so that a results/dse.sqlite in the working directory
# (the one `scripts/quickstart.sh` writes, which commands read for measured accuracies) is not
# opened under the limit: the failure tested is the file CMD writes, not that database.
in_scratch() { (cd "$TMP" && "$@"); }
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
in_scratch limited 1 "$DSE" calibrate --out "$coefs" >/dev/null 2>"$TMP/err"
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
in_scratch limited 1 "$DSE" calibrate --out "$dir/new.toml" >/dev/null 2>"$TMP/err"
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

# --- 2. dse sweep into a database holding one complete run, on a full disk.
q() { sqlite3 -batch "$1" "$2"; }
# state DB: everything a reader of DB sees: the row count of every table, the rows of runs,
# evaluations and Pareto memberships, and the front `dse pareto` prints.
state() {
  local table
  for table in runs variants evaluations pareto op_costs; do
    echo "$table: $(q "$1" "SELECT count(*) FROM $table")"
  done
  q "$1" "SELECT * FROM runs ORDER BY id"
  q "$1" "SELECT * FROM evaluation_view ORDER BY run_id, variant, board, mode" | md5sum
  q "$1" "SELECT * FROM pareto ORDER BY 1, 2, 3, 4, 5, 6, 7" | md5sum
  "$DSE" --quiet pareto --board f469 --db "$1" 2>&1
}
SMALL=(--quiet sweep --board f469 --spaces mbv3 --modes tinyops)
LARGE=(--quiet sweep --board all)
ddir=$TMP/db
mkdir -p "$ddir"
db=$ddir/results.sqlite
"$DSE" "${SMALL[@]}" --db "$db" >/dev/null 2>"$TMP/err" || fail "first sweep: $(cat "$TMP/err")"
state "$db" >"$TMP/state.before"
if grep -qx "runs: 1" "$TMP/state.before" && grep -qE "^evaluations: [1-9][0-9]+$" "$TMP/state.before"; then pass; else
  fail "first sweep: unexpected database: $(head -5 "$TMP/state.before")"
fi

# unchanged NAME: the database is intact and holds exactly what it held before.
unchanged() {
  same "$1: integrity_check" ok "$(q "$db" 'PRAGMA integrity_check')"
  state "$db" >"$TMP/state.after"
  if cmp -s "$TMP/state.before" "$TMP/state.after"; then pass; else
    fail "$1: the database changed: $(diff "$TMP/state.before" "$TMP/state.after" | head -8)"
  fi
}
# full_disk NAME BLOCKS WHILE SWEEP...: the sweep fails on a BLOCKS KiB limit with exit 1 and
# exactly one line naming the database, the reason, and what it was doing (WHILE, a regex).
full_disk() {
  local name=$1 blocks=$2 while_=$3 code err want
  shift 3
  want="dse: error: $db: cannot write the run: disk I/O error \(File too large\) while $while_;"
  want="$want rolled back, earlier runs are untouched"
  limited "$blocks" "$DSE" "$@" --db "$db" >/dev/null 2>"$TMP/err"
  code=$?
  err=$(cat "$TMP/err")
  echo "write_faults: $name: exit $code: $err"
  same "$name: exit" 1 "$code"
  if [ "$(wc -l <"$TMP/err")" -eq 1 ] &&
     grep -qxE -- "$want" "$TMP/err"; then
    pass
  else
    fail "$name: message: $err"
  fi
  unchanged "$name"
}
# A run larger than SQLite's page cache fails while inserting (today, where the cache spills
# to the log; a larger cache would move that to the commit); a small one when it commits.
full_disk "sweep on a full disk (while inserting)" 40 "(inserting .*|committing)" "${LARGE[@]}"
full_disk "sweep on a full disk (at commit)" 40 "committing" "${SMALL[@]}"

# Too little room to open the database at all (its shared-memory index needs 32 KiB).
limited 8 "$DSE" "${SMALL[@]}" --db "$db" >/dev/null 2>"$TMP/err"
code=$?
echo "write_faults: sweep on a full disk (at open): exit $code: $(cat "$TMP/err")"
same "sweep on a full disk (at open): exit" 1 "$code"
same "sweep on a full disk (at open): message" \
  "dse: error: $db: cannot read the database: disk I/O error (File too large)" "$(cat "$TMP/err")"
unchanged "sweep on a full disk (at open)"

# Killed mid-write (SIGXFSZ not ignored): no partial run either.
{
  (
    ulimit -f 40
    exec "$DSE" "${SMALL[@]}" --db "$db"
  ) >/dev/null
} 2>/dev/null
code=$?
if [ "$code" -ne 0 ]; then pass; else fail "sweep killed mid-write: exit 0"; fi
unchanged "sweep killed mid-write"

# A new database on a full disk: the error names it and the reason, and what is left of it
# becomes a database like any other at the next sweep.
new=$ddir/new.sqlite
limited 40 "$DSE" "${SMALL[@]}" --db "$new" >/dev/null 2>"$TMP/err"
code=$?
echo "write_faults: new database on a full disk: exit $code: $(cat "$TMP/err")"
same "new database on a full disk: exit" 1 "$code"
if grep -qxE -- "dse: error: $new: .*disk I/O error \(File too large\).*" "$TMP/err"; then pass; else
  fail "new database on a full disk: message: $(cat "$TMP/err")"
fi
"$DSE" "${SMALL[@]}" --db "$new" >/dev/null 2>"$TMP/err" || fail "sweep into $new after the failure: $(cat "$TMP/err")"
same "new database after the failure: runs" 1 "$(q "$new" "SELECT count(*) FROM runs")"

# The database still takes a run: the same sweep again, as run 2 with as many rows as run 1.
"$DSE" "${SMALL[@]}" --db "$db" >/dev/null 2>"$TMP/err" || fail "sweep after the failures: $(cat "$TMP/err")"
same "sweep after the failures: runs" "1 2" "$(q "$db" "SELECT group_concat(id, ' ') FROM runs")"
same "sweep after the failures: evaluations per run" 1 \
  "$(q "$db" "SELECT count(DISTINCT n) FROM (SELECT count(*) AS n FROM evaluations GROUP BY run_id)")"
same "sweep after the failures: integrity_check" ok "$(q "$db" 'PRAGMA integrity_check')"

echo "write_faults: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

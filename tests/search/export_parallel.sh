#!/usr/bin/env bash
# The export-training loop end to end (issue 15 item 4), run by ctest: `dse search` writes a
# run, `dse export-training --format gnu-parallel` writes its front, GNU parallel runs a
# stand-in training command per candidate that writes a deterministic accuracy, and the
# results are gathered into one CSV of columns variant,top1,precision,task,dataset,source (what
# `dse accuracy import` reads). Also: shards of a search merged by `dse db merge`, and the exit
# codes of bad input.
# Usage: tests/search/export_parallel.sh path/to/dse   (from the repository root)
set -euo pipefail
DSE=${1:?usage: export_parallel.sh path/to/dse}
command -v parallel >/dev/null || { echo "GNU parallel is missing: run scripts/install-deps.sh" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$DSE" -q search --board f746 --space mbv3 --evaluations 40 --seed 3 --db "$TMP/r.sqlite" --json > "$TMP/search.json"
grep -q '"evaluations": 40' "$TMP/search.json" || fail "search did not report 40 evaluations"

# The stand-in trainer: top-1 = resolution / 4 + the width's hundredths (deterministic).
cat > "$TMP/train.sh" <<'SH'
#!/bin/sh
# usage: train.sh VARIANT CONFIG WIDTH RESOLUTION OUT
test -s "$2" || exit 1
top1=$(awk -v w="$3" -v r="$4" 'BEGIN { printf "%.2f", r / 4 + w * 100 / 100 }')
printf '%s,%s,int8,classification,imagenet,stand-in trainer\n' "$1" "$top1" > "$5/$1.csv"
SH
chmod +x "$TMP/train.sh"
"$DSE" export-training --db "$TMP/r.sqlite" --run 1 --front --format gnu-parallel \
  --command "$TMP/train.sh {variant} $TMP/out/{config} {width} {resolution} $TMP/results" --out "$TMP/out" > /dev/null
mkdir -p "$TMP/results"
parallel --jobs 2 < "$TMP/out/jobs.txt"
rows=$(($(wc -l < "$TMP/out/manifest.csv") - 1))
{ echo "variant,top1,precision,task,dataset,source"; cat "$TMP"/results/*.csv; } > "$TMP/accuracy.csv"
[ "$(($(wc -l < "$TMP/accuracy.csv") - 1))" -eq "$rows" ] || fail "expected $rows result rows"
# Every manifest row trained once, with its deterministic accuracy.
tail -n +2 "$TMP/out/manifest.csv" | while IFS=, read -r variant _ width resolution _; do
  want=$(awk -v w="$width" -v r="$resolution" 'BEGIN { printf "%.2f", r / 4 + w }')
  grep -qx "$variant,$want,int8,classification,imagenet,stand-in trainer" "$TMP/accuracy.csv" || fail "$variant: no row with top1 $want"
done

# Import the trained accuracies and resume: one new run re-evaluates the old run's designs with
# their measured top-1 and searches on from them.
"$DSE" -q accuracy import "$TMP/accuracy.csv" --db "$TMP/r.sqlite" 2> /dev/null
"$DSE" -q search --board f746 --space mbv3 --evaluations 20 --seed 3 --db "$TMP/r.sqlite" --resume 1 --json > "$TMP/resume.json"
grep -q '"run_id": 2' "$TMP/resume.json" || fail "resume: not a new run 2"
resumed=$(grep -o '"resumed": [0-9]*' "$TMP/resume.json" | grep -o '[0-9]*$')
# Run 1 stored its candidates on some front (keep-all off): at least the exported front's.
[ "$resumed" -ge "$rows" ] || fail "resume: expected the designs of run 1 (>= $rows) re-evaluated, got $resumed"
grep -q '"evaluations": '"$((resumed + 20))," "$TMP/resume.json" || fail "resume: expected $resumed + 20 evaluations"
# Every measured design on the resumed run's front carries its measurement.
"$DSE" export-training --db "$TMP/r.sqlite" --run 2 --front --format gnu-parallel --command "true {variant}" --out "$TMP/out2" > /dev/null
matched=0
while IFS=, read -r variant _ _ _ _ _ top1 _; do
  want=$(grep "^$variant," "$TMP/accuracy.csv" | cut -d, -f2) || continue
  [ "$top1" = "$want" ] || fail "resume: $variant has top-1 $top1, measured $want"
  matched=$((matched + 1))
done < <(tail -n +2 "$TMP/out2/manifest.csv")
[ "$matched" -gt 0 ] || fail "resume: no measured design on the resumed front"

# The same loop on a per-stage space: points exported, trained, imported; the resumed search's
# predictor is refitted on them (its regime says so).
"$DSE" -q search --board f746 --space ofa-mbv3-w1.0 --evaluations 24 --seed 5 --db "$TMP/p.sqlite" > /dev/null
cat > "$TMP/train_point.sh" <<'SH'
#!/bin/sh
# usage: train_point.sh VARIANT CONFIG RESOLUTION OUT INDEX (a point's name holds commas: quoted)
test -s "$2" || exit 1
printf '"%s",%s,int8,classification,imagenet,stand-in trainer\n' "$1" "$(awk -v r="$3" 'BEGIN { printf "%.2f", 40 + r / 8 }')" > "$4/$5.csv"
SH
chmod +x "$TMP/train_point.sh"
"$DSE" export-training --db "$TMP/p.sqlite" --run 1 --front --format gnu-parallel \
  --command "$TMP/train_point.sh {variant} $TMP/pout/{config} {resolution} $TMP/presults {index}" --out "$TMP/pout" > /dev/null
mkdir -p "$TMP/presults"
parallel --jobs 2 < "$TMP/pout/jobs.txt"
{ echo "variant,top1,precision,task,dataset,source"; cat "$TMP"/presults/*.csv; } > "$TMP/paccuracy.csv"
prows=$(($(wc -l < "$TMP/pout/manifest.csv") - 1))
[ "$(($(wc -l < "$TMP/paccuracy.csv") - 1))" -eq "$prows" ] || fail "points: expected $prows result rows"
grep -q '"name": "ofa-mbv3-w1.0:d=' "$TMP"/pout/configs/point-0.json || fail "points: no architecture JSON"
"$DSE" -q accuracy import "$TMP/paccuracy.csv" --db "$TMP/p.sqlite" 2> /dev/null
"$DSE" -q search --board f746 --space ofa-mbv3-w1.0 --evaluations 16 --seed 5 --db "$TMP/p.sqlite" --resume 1 > "$TMP/presume.txt"
grep -q "refitted on $prows measured" "$TMP/presume.txt" || fail "points: predictor not refitted on the $prows measured designs"
grep -q "resumed: .* re-evaluated first (0 not points of this space), 16 new" "$TMP/presume.txt" || fail "points: resume counts"

# Shards of a search, merged: one run with both shards' rows.
"$DSE" -q search --board f746 --space mbv3 --evaluations 30 --shard 1/2 --db "$TMP/s1.sqlite" > /dev/null
"$DSE" -q search --board f746 --space mbv3 --evaluations 30 --shard 2/2 --db "$TMP/s2.sqlite" > /dev/null
"$DSE" db merge "$TMP/s1.sqlite" "$TMP/s2.sqlite" --out "$TMP/m.sqlite" | grep -q "2 runs read, 1 written" || fail "shards not joined"
# A resumed run keeps naming its origin after a merge renumbers both: p.sqlite's runs 1 and 2
# (2 resumed from 1) come after s1.sqlite's run 1, as runs 2 and 3.
"$DSE" db merge "$TMP/s1.sqlite" "$TMP/p.sqlite" --out "$TMP/mp.sqlite" > /dev/null
[ "$(sqlite3 "$TMP/mp.sqlite" "SELECT id || ':' || ifnull(resumed_from, '-') FROM runs ORDER BY id" | tr '\n' ' ')" = "1:- 2:- 3:2 " ] \
  || fail "merge: resumed_from not remapped"

# Bad input: exit 2 for malformed objectives and constraints, 4 for unsatisfiable ones.
set +e
"$DSE" -q search --board f746 --space mbv3 --objectives top1,latncy --db "$TMP/x.sqlite" 2> "$TMP/err"; [ $? -eq 2 ] || fail "bad objective: exit 2"
grep -q "did you mean 'latency'" "$TMP/err" || fail "bad objective: no suggestion"
"$DSE" -q search --board f746 --space mbv3 --constraint 'latency<5' --db "$TMP/x.sqlite" 2> /dev/null; [ $? -eq 2 ] || fail "bad constraint: exit 2"
"$DSE" -q search --board f746 --space mbv3 --evaluations 20 --constraint 'latency<=1ms' --db "$TMP/x.sqlite" 2> "$TMP/err"; [ $? -eq 4 ] || fail "unsatisfiable: exit 4"
grep -q "tightest: 'latency<=1ms'" "$TMP/err" || fail "unsatisfiable: tightest constraint not named"
echo "export_parallel: all checks passed"

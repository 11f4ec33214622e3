#!/usr/bin/env bash
# Issue 16, "one vocabulary": runs EVERY dse command that has --json and checks each document
# with vocab_check: the envelope (schema_version, tool_version, git_revision; run_id for a
# document from a run of the results database) and every key in the vocabulary table
# (lib/explore/vocabulary.cpp + fields.cpp, the README's JSON table). A command that gains
# --json without a case here fails the test (the list is read from `dse ... --help`).
# Usage: tests/cli/vocabulary.sh path/to/dse path/to/vocab_check   (from the repository root)
set -uo pipefail
DSE=${1:?usage: vocabulary.sh DSE VOCAB_CHECK}
CHECK=${2:?usage: vocabulary.sh DSE VOCAB_CHECK}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0
KWS=tests/data/mlperf-tiny-kws-dscnn_int8.tflite
DB=$TMP/v.sqlite

# Every case: "command path|arguments|run" (run: the document comes from a run and carries
# run_id). The sweep comes first: pareto and export read its database.
CASES=(
  "sweep|--board f469 --spaces mcunet-in0,mcunet-in1 --db $DB|run"
  "pareto|--board f469 --db $DB|run"
  "search|--board f746 --space mbv3 --evaluations 12 --seed 3 --db $TMP/s.sqlite|run"
  "show|mbv3-w0.50-r128|"
  "show|mcunet-in3 --per-op --board f746|"
  "analyze|$KWS --board f746 --per-op|"
  "fit|mbv3-w0.50-r128 --board f746|"
  "partition|proxyless-w0.30-r144 --board f469 --budget 258000|"
  "pick|--board f746 --max-latency 100|"
  "boards list||"
  "boards show|h743|"
  "spaces list||"
  "spaces show|mbv3|"
  "accuracy fit||"
  "accuracy predict|--family mbv3 --width 0.5 --resolution 128 --macs 30M|"
  "accuracy predict|--point ofa-mbv3-w1.0:d=2,2,2,2,2:k=3,3,0,0,3,3,0,0,3,3,0,0,3,3,0,0,3,3,0,0:e=3,3,0,0,3,3,0,0,3,3,0,0,3,3,0,0,3,3,0,0:r=160|"
  "calibrate|--no-write|"
  "reproduce||"
  "runtimes list||"
  "runtimes lobo|--data data/latency/paper.csv --data data/latency/public/latency.csv|"
)

covered=""
for c in "${CASES[@]}"; do
  IFS='|' read -r cmd args run <<<"$c"
  covered+="$cmd "$'\n'
  out=$TMP/$(tr ' ' _ <<<"$cmd").$passed.$failed.json
  # shellcheck disable=SC2086
  if ! "$DSE" --quiet $cmd $args --json >"$out" 2>"$out.err"; then
    failed=$((failed + 1)); echo "FAIL $cmd $args --json: exit $?: $(head -c 300 "$out.err")" >&2; continue
  fi
  if problems=$("$CHECK" ${run:+run:}"$out"); then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL $cmd --json:" >&2; sed 's/^/    /' <<<"$problems" | head -20 >&2
  fi
done

# Every (sub)command whose --help offers --json has a case above.
subcommands() { "$DSE" "$@" --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && /^  [a-z]/ {print $1}'; }
for top in $(subcommands); do
  for cmd in "$top" $(subcommands "$top" | sed "s/^/$top /"); do
    # shellcheck disable=SC2086
    if "$DSE" $cmd --help 2>/dev/null | grep -q -- '--json'; then
      if grep -qxF "$cmd " <<<"$covered"; then passed=$((passed + 1)); else
        failed=$((failed + 1)); echo "FAIL '$cmd' has --json but no case in tests/cli/vocabulary.sh" >&2
      fi
    fi
  done
done

echo "vocabulary: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

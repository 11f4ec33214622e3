#!/usr/bin/env bash
# The Pareto regression check: sweep every built-in board into a scratch database and compare
# each board's fronts with tests/golden/pareto_<board>.csv. Exit 3 (from dse) when one changed;
# accept an intended change with:
#   dse sweep --board all --db X && dse pareto --board B --db X --check tests/golden/pareto_B.csv --update-golden
set -euo pipefail
DSE=${1:?usage: pareto_golden.sh path/to/dse}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$DSE" --quiet sweep --board all --db "$TMP/dse.sqlite" > /dev/null
status=0
for golden in tests/golden/pareto_*.csv; do
  board=$(basename "$golden" .csv)
  board=${board#pareto_}
  "$DSE" --quiet pareto --board "$board" --db "$TMP/dse.sqlite" --check "$golden" || status=$?
done
exit $status

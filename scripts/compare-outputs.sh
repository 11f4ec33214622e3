#!/usr/bin/env bash
# Runs the same commands through two dse binaries and reports every output that differs: the
# check behind "behaviour unchanged" claims in refactors (stdout, stderr, exit code, plot files
# and SQL dumps of the databases written). Paths of the two output folders and the JSON
# envelope's git revision are masked.
#
#   scripts/compare-outputs.sh OLD_DSE NEW_DSE      (from the source tree the binaries read)
#
# Exits 0 when every output is identical, 3 otherwise (the differing outputs are listed).
set -euo pipefail
shopt -s nullglob
old=${1:?usage: scripts/compare-outputs.sh OLD_DSE NEW_DSE}
new=${2:?usage: scripts/compare-outputs.sh OLD_DSE NEW_DSE}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DSE_DATA_DIR=$PWD

run_all() {
  local bin=$1 out=$2 i=0
  mkdir -p "$out"
  run() { i=$((i + 1)); "$bin" "$@" >"$out/$i.out" 2>"$out/$i.err" || echo "exit $?" >>"$out/$i.out"; }
  run reproduce
  run reproduce --json
  run sweep --board all --db "$out/all.sqlite"
  run sweep --board f469 --per-op --db "$out/f469.sqlite"
  run show mbv3-w1.00-r160 --board f746 --mode tinyops --per-op
  run show mbv3-w1.00-r160 --board f469 --mode tinyops --json --per-op
  run show mcunet-in3 --board l552 --mode internal --per-op
  run fit mbv3-w1.00-r160 --board f469
  run fit mbv3-w0.50-r128 --board f746 --json
  run partition proxyless-w0.30-r144 --board f469 --budget 258000
  run partition mbv3-w1.00-r160 --board f469 --json
  run plot ops mbv3-w1.00-r160 mbv3-w0.35-r224 --board f746 --out "$out/plots"
  run plot budget mbv3-w1.00-r160 --board f469 --out "$out/plots"
  run analyze tests/data/mlperf-tiny-kws-dscnn_int8.tflite --board f746 --per-op
  run analyze tests/data/proxyless-w0.30-r144_int8.tflite --board f469 --json
  run calibrate --no-write
  run sweep --board f746 --models tests/data --db "$out/models.sqlite"
  run pareto --board f469 --x latency --db "$out/all.sqlite"
  run boards show f469
  run accuracy fit
  for db in "$out"/*.sqlite; do
    # A database the binary failed to fill dumps its error instead (the comparison shows it).
    sqlite3 "$db" "SELECT * FROM evaluation_view ORDER BY variant, board, mode" \
      >"$db.evaluations" 2>&1 || true
    sqlite3 "$db" "SELECT board, x_objective, design_space, variant_id, mode FROM pareto
                   ORDER BY 1, 2, 3, 4, 5" >"$db.pareto" 2>&1 || true
    sqlite3 "$db" "SELECT * FROM op_costs ORDER BY variant_id, board, mode, op_index" \
      >"$db.ops" 2>&1 || true
    rm "$db"
  done
}

run_all "$old" "$work/old"
run_all "$new" "$work/new"
status=0
for f in "$work"/old/* "$work"/old/plots/*; do
  [ -f "$f" ] || continue
  rel=${f#"$work"/old/}
  # The JSON envelope's git revision names the commit each binary was built from.
  mask='s/"git_revision": "[^"]*"/"git_revision": "REV"/'
  if ! cmp -s <(sed -e "s#$work/old#OUT#g" -e "$mask" "$f") \
              <(sed -e "s#$work/new#OUT#g" -e "$mask" "$work/new/$rel"); then
    echo "differs: $rel"
    status=3
  fi
done
[ $status -eq 0 ] && echo "compare-outputs: every output identical"
exit $status

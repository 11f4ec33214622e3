# Cases for `dse sweep` and `dse pareto` (issue 6). Sourced by tests/cli/run.sh; $TMP is scratch.

check sweep-f469 0 "run 1 in $TMP/s.sqlite: 694 variants x 1 board, 2082 evaluations, every variant fits somewhere$" -- sweep --board f469 --db $TMP/s.sqlite
check sweep-second-run 0 "run 2 in $TMP/s.sqlite" -- --quiet sweep --board f469 --spaces mbv3 --modes tinyops --db $TMP/s.sqlite
check pareto-text 0 "f469 front \(all designs\), top-1 vs latency" -- --quiet pareto --board f469 --db $TMP/s.sqlite
check pareto-csv 0 "^variant,mode,macs,top1" -- --quiet pareto --board f469 --x macs --csv --db $TMP/s.sqlite
check pareto-json 0 '"x_objective": "energy"' -- --quiet pareto --board f469 --x energy --json --db $TMP/s.sqlite
check pareto-plot 0 "pareto_f469_latency.svg" -- pareto --board f469 --plot --out $TMP/plots --db $TMP/s.sqlite
check pareto-check-changed 3 "Pareto fronts of f469 changed" -- --quiet pareto --board f469 --db $TMP/s.sqlite --check tests/golden/pareto_l552.csv

check sweep-unknown-board 2 "f496.*did you mean 'f469'" -- sweep --board f496 --db $TMP/x.sqlite
check sweep-unknown-space 2 "unknown space 'mbv4' \(did you mean 'mbv2'\?\)" -- sweep --board f469 --spaces mbv4 --db $TMP/x.sqlite
check sweep-bad-mode 2 "internl" -- sweep --board f469 --modes internl --db $TMP/x.sqlite
check sweep-bad-budget 2 "--budget must be a whole number of bytes" -- sweep --board f469 --budget 12kb --db $TMP/x.sqlite
check sweep-negative-budget 2 "--budget must be a positive number of bytes" -- sweep --board f469 --budget -5 --db $TMP/x.sqlite
check sweep-no-board 2 "--board is required" -- sweep
printf 'not a database at all\n' > $TMP/text.sqlite
check sweep-not-sqlite 2 "not a dse results database" -- sweep --board f469 --db $TMP/text.sqlite
sqlite3 $TMP/foreign.sqlite "CREATE TABLE t(x); PRAGMA application_id=7;"
check sweep-foreign 2 "application_id 0x7, expected 0x44534531" -- sweep --board f469 --db $TMP/foreign.sqlite
cp $TMP/s.sqlite $TMP/newer.sqlite
sqlite3 $TMP/newer.sqlite "PRAGMA user_version=99;"
check sweep-newer 2 "schema version 99; this build reads up to 3" -- sweep --board f469 --db $TMP/newer.sqlite
check pareto-no-db 2 "no such database; run 'dse sweep --board f469' first" -- pareto --board f469 --db $TMP/none.sqlite
check pareto-no-run 2 "no run evaluated board 'f746'" -- pareto --board f746 --db $TMP/s.sqlite
check pareto-bad-x 2 "--x: (flops|.*not in)" -- pareto --board f469 --x flops --db $TMP/s.sqlite
check pareto-update-needs-check 2 "--update-golden needs --check" -- pareto --board f469 --update-golden --db $TMP/s.sqlite
check pareto-bad-golden 2 "bad_golden.csv:1: not a Pareto golden file" -- pareto --board f469 --db $TMP/s.sqlite --check $DATA/bad_golden.csv
# The refused file is left byte-for-byte as it was.
if [ "$(cat $TMP/text.sqlite)" = "not a database at all" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL refused file changed" >&2; fi

# --per-op stores the predicted latency of every op; they add up to the evaluation's latency
# (mbv3-w1.00-r160 has 60 ops: analysis of the built network, tests/analysis).
check sweep-per-op 0 "run 1 in $TMP/po.sqlite" -- sweep --board f469 --spaces mbv3 --modes tinyops --per-op --db $TMP/po.sqlite
per_op=$(sqlite3 $TMP/po.sqlite "SELECT count(*), round(sum(o.latency_ms), 3) = round(e.latency_ms, 3)
  FROM op_costs o JOIN variants v ON v.id = o.variant_id
  JOIN evaluations e ON e.run_id = o.run_id AND e.variant_id = o.variant_id AND e.board = o.board AND e.mode = o.mode
  WHERE v.name = 'mbv3-w1.00-r160'")
if [ "$per_op" = "60|1" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL sweep-per-op rows: got '$per_op', want '60|1'" >&2; fi

# An all-mode sweep's figure draws a front for every mode of the run, the opt-in schedules too
# (it drew internal, external and tinyops only), each with the members `pareto --space MODE`
# prints: the patch front's lines in the .dat are the CSV's rows.
check sweep-all-modes 0 "4164 evaluations" -- sweep --board f469 --modes all --db $TMP/am.sqlite
# The JSON's best design per mode lists every swept mode, the opt-in schedules too (the text
# summary did; the JSON listed the three default modes only).
"$DSE" --quiet sweep --board f469 --modes all --json --db $TMP/am-json.sqlite > $TMP/am.json
expect sweep-all-modes-json-best test "$(awk '/"best": \[/ {f = 1; next} f && /^      \]/ {f = 0} f' \
  $TMP/am.json | grep -c '"mode": ')" = 6
check pareto-space-patch 0 "^f469 front \(patch designs\)" -- --quiet pareto --board f469 --space patch --db $TMP/am.sqlite
check pareto-plot-all-modes 0 "pareto_f469_latency.png" -- pareto --board f469 --db $TMP/am.sqlite --plot --out $TMP/am-plots
for m in patch reorder pex; do
  expect pareto-plot-$m-front grep -qx "# $m front" $TMP/am-plots/pareto_f469_latency.dat
done
expect pareto-plot-patch-as-csv test "$(awk '$0 == "# patch front" {f = 1; next} /^#/ {f = 0} f && NF' \
  $TMP/am-plots/pareto_f469_latency.dat | wc -l)" = "$("$DSE" --quiet pareto --board f469 --space patch \
  --csv --db $TMP/am.sqlite | grep -v '^#' | tail -n +2 | wc -l)"

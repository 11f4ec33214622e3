# Cases of a new user's first session with a board profile of their own (tests/cli/data/
# no_ext_ram.toml, board name 'f746-noram', no latency rows of its own). Sourced by
# tests/cli/run.sh after reliability_0_common.sh (its `expect`); $TMP is scratch.
OWN=$DATA/no_ext_ram.toml
NUDB=$TMP/new_user.sqlite

# The sweep summary labels its front's latencies: calibrated on the board's rows (f469: the
# paper's rows, data/latency/paper.csv) or a user board's priors times the cortex-m7 family
# correction ("uncalibrated board").
check nu-sweep 0 "^run 1 in $NUDB" -- --quiet sweep --board f469 --board $OWN --spaces mcunet-in1 --modes internal --db $NUDB
check nu-front-calibrated 0 "^f469 — Pareto front, top-1 \(%\) vs latency \(ms, predicted\), all modes:$" -- --quiet sweep --board f469 --spaces mcunet-in1 --modes internal --db $TMP/nu2.sqlite
check nu-front-uncalibrated 0 "^f746-noram — Pareto front, top-1 \(%\) vs latency \(ms, predicted, uncalibrated board\), all modes:$" -- --quiet sweep --board $OWN --spaces mcunet-in1 --modes internal --db $TMP/nu3.sqlite

# pareto takes the board's name as the sweep stored it, or the profile file (read for its
# name, as every other command reads it); a typo is told the database's boards and the nearest.
check nu-pareto-file 0 "f746-noram front" -- --quiet pareto --board $OWN --db $NUDB
check nu-pareto-typo 2 "no run evaluated board 'f746-norm' \(did you mean 'f746-noram'\?\)" -- pareto --board f746-norm --db $NUDB
check nu-pareto-name 0 "f746-noram front" -- --quiet pareto --board f746-noram --db $NUDB

# Tables stay in columns whatever a board's name, title or core: every row of `boards list`
# has its clock at one offset (g0b1's core is 'cortex-m0plus', psoc62's title 58 characters),
# and calibrate's rows and MAPE groups stay under their headers for a 10-character board name
# ("f746-noram/internal" is 19 characters; the group column was 15).
expect nu-boards-list-aligned test "$("$DSE" boards list | awk '{print index($0, " MHz")}' | sed 1d | sort -u | wc -l)" -eq 1
printf 'board,variant,mode,latency_ms,source\nf746-noram,mcunet-in1,internal,400,a\nf746-noram,mbv3-w0.35-r128,internal,300,a\n' >$TMP/nu.csv
"$DSE" calibrate --board $OWN --data $TMP/nu.csv --no-write >$TMP/nu_cal.txt 2>/dev/null
expect nu-calibrate-aligned test "$(awk 'NR == 1 {print index($0, "variant")} /^f746-noram +mcunet-in1/ {print index($0, "mcunet-in1")}' $TMP/nu_cal.txt | sort -u | wc -l)" -eq 1
expect nu-calibrate-mape-aligned test "$(grep -E '^(MAPE|f746-noram/internal|all/all) ' $TMP/nu_cal.txt | awk '{print index($0, $2) + length($2)}' | sort -u | wc -l)" -eq 1

# The README's example queries (its ```sql block, one query per paragraph) each return rows,
# also when the file's newest run is of another board (each reads its board's newest run).
"$DSE" --quiet sweep --board f469 --board f746 --spaces mbv3 --db $TMP/nu_sql.sqlite >/dev/null 2>&1
"$DSE" --quiet sweep --board l552 --spaces mbv3 --modes internal --db $TMP/nu_sql.sqlite >/dev/null 2>&1
awk '/^```sql/ {f = 1; next} /^```/ {f = 0} f' README.md >$TMP/nu_readme.sql
rows_of() { local out; out=$(sqlite3 -batch "$1" <<<"$2") && [ -n "$out" ]; }  # ran, with rows
nq=0
while IFS= read -r -d '' query; do
  nq=$((nq + 1))
  expect "nu-readme-query-$nq" rows_of $TMP/nu_sql.sqlite "$query"
done < <(awk 'BEGIN {RS = ""} {printf "%s%c", $0, 0}' $TMP/nu_readme.sql)
expect nu-readme-queries test "$nq" -eq 5

# boards show says where the default TinyOps budget comes from (f469: data/tinyops/budgets.csv,
# 258,000 B; a profile without a row: its available SRAM, e.g. the test board f746-sram below,
# 327,680 - 12,680 = 315,000 B) and that a board without external RAM has no tinyops mode.
check nu-budget-row 0 "^  TinyOps budget 258000 B \(data/tinyops/budgets.csv; --budget to choose\)$" -- boards show f469
sed 's/^name = "f746-noram"/name = "f746-sram"/' $OWN | sed 's/^\[\[external\]\]$/[[external]]\nname = "sdram"\nkind = "sdram"\nsize_bytes = 8_388_608\nbus_width_bits = 16\nclock_hz = 108_000_000\ncas_latency_cycles = 2\n\n[[external]]/' >$TMP/nu_sdram.toml
check nu-budget-available 0 "^  TinyOps budget 315000 B \(the SRAM left to a network; --budget to choose\)$" -- boards show $TMP/nu_sdram.toml
check nu-budget-no-ram 0 "^  TinyOps budget 315000 B \(unused: no external RAM, no tinyops mode\)$" -- boards show $OWN

# calibrate --board with no row of that board (here only an f746 row, or the profile's file
# name in the board column): exit 2 before any report is printed, naming the profile's name.
printf 'board,variant,mode,latency_ms\nf746,mbv3-w0.35-r128,internal,151\n' >$TMP/nu_other.csv
"$DSE" calibrate --board $OWN --data $TMP/nu_other.csv --out $TMP/nu_other.toml >$TMP/nu_other.out 2>$TMP/nu_other.err
code=$?
expect nu-calibrate-no-row-exit test "$code" -eq 2
expect nu-calibrate-no-row-quiet test ! -s $TMP/nu_other.out -a ! -e $TMP/nu_other.toml
expect nu-calibrate-no-row-text grep -q "^dse: error: --board $OWN: no row of --data names board 'f746-noram' with runtime tflm-cmsis-nn (the board column takes the profile's name)$" $TMP/nu_other.err

# Only imported models (no top-1 without a measured one): the empty front says why.
check nu-front-empty 0 "^  none: no feasible design has a top-1 \('dse accuracy import' adds measured ones\)$" -- --quiet sweep --board f469 --spaces none --model tests/data/mlperf-tiny-kws-dscnn_int8.tflite --db $TMP/nu_models.sqlite

# show --json gives the shown mode's latency with its 80 % interval, as each mode under "modes"
# has it (README: every predicted latency carries one).
"$DSE" show mbv3-w0.35-r128 --board f746 --json >$TMP/nu_show.json 2>/dev/null
expect nu-show-json-interval python3 -c "
import json, sys
d = json.load(open('$TMP/nu_show.json'))
m = [x for x in d['modes'] if x['mode'] == d['mode']][0]
sys.exit(not (d['latency_ms_low'] < d['latency_ms'] < d['latency_ms_high']
              and abs(d['latency_ms_low'] - m['latency_ms_low']) < 1e-9))"

# Cases for the integrity issue's command-line findings 4, 5 and 7 (defaults that break, energy
# without power data, command-line friction). Sourced by tests/cli/run.sh after
# reliability_0_common.sh (its `expect`); $TMP is scratch.
NORAM=$DATA/no_ext_ram.toml  # f746 without its SDRAM: no external RAM

# only_stderr NAME CODE PATTERN -- ARGS...: exit CODE, PATTERN on stderr and nothing on stdout.
only_stderr() {
  local name=$1 code=$2 pattern=$3
  shift 4
  "$DSE" "$@" >"$TMP/os.out" 2>"$TMP/os.err"
  local got=$?
  if [ "$got" -eq "$code" ] && [ ! -s "$TMP/os.out" ] && grep -qE -- "$pattern" "$TMP/os.err"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name: exit $got (want $code), stdout $(wc -c <"$TMP/os.out") B, stderr:" >&2
    sed 's/^/    /' "$TMP/os.err" | head -8 >&2
  fi
}

# 4. No --mode on a board without external RAM: internal, with a note; --mode tinyops stays an
# error. (The latency figures are asserted by the show/analyze goldens on built-in boards.)
check noram-show-default 0 "latency on f746-noram \(internal\) .* ms predicted" -- show mbv3-w0.35-r128 --board $NORAM
check noram-show-note 0 "^note: f746-noram has no external RAM: latency in the internal mode \(--mode to choose\)$" -- show mbv3-w0.35-r128 --board $NORAM
check noram-show-json 0 '"latency_ms"' -- show mbv3-w0.35-r128 --board $NORAM --json
check noram-show-tinyops 2 "^dse: error: board 'f746-noram' has no external RAM for the tinyops mode$" -- show mbv3-w0.35-r128 --board $NORAM --mode tinyops
check noram-analyze-default 0 "latency on f746-noram \(internal\)" -- analyze tests/data/mlperf-tiny-kws-dscnn_int8.tflite --board $NORAM
check builtin-default-tinyops 0 "latency on f746 \(tinyops\)" -- show mbv3-w0.35-r128 --board f746

# 5. Energy front of a board with no measured power: exit 4 naming why; --plot writes nothing.
check int-h743-db 0 "run 1 in $TMP/h743.sqlite" -- --quiet sweep --board h743 --spaces mbv3 --modes tinyops --db $TMP/h743.sqlite
only_stderr pareto-energy-no-power 4 "^dse: error: no design on h743 has an energy per inference: no measured power for h743 in data/power/measured.csv$" -- --quiet pareto --board h743 --x energy --db $TMP/h743.sqlite
only_stderr pareto-energy-no-power-plot 4 "no measured power for h743" -- --quiet pareto --board h743 --x energy --plot --out $TMP/h743-plots --db $TMP/h743.sqlite
expect pareto-energy-no-plot-files test ! -e "$TMP/h743-plots"
check pareto-latency-h743 0 "h743 front \(all designs\), top-1 vs latency" -- --quiet pareto --board h743 --db $TMP/h743.sqlite

# 7a. Sizes in bytes take K/KiB/M/MiB (x 1024) everywhere; 256K = 262144 B.
check budget-256K 0 "tinyops .* budget 262144 B" -- fit mbv3-w0.35-r128 --board f746 --budget 256K
check budget-256KiB 0 "tinyops .* budget 262144 B" -- fit mbv3-w0.35-r128 --board f746 --budget 256KiB
check budget-partition-K 0 "262144" -- partition mbv3-w0.35-r128 --board f746 --budget 256K
check budget-kb-refused 2 "^dse: error: --budget must be a whole number of bytes \(e.g. 262144, 256K or 256KiB; K = 1024\), got '12kb'$" -- fit mbv3-w0.35-r128 --board f746 --budget 12kb
check budget-zero-K 2 "^dse: error: --budget must be a positive number of bytes, got '0K'$" -- fit mbv3-w0.35-r128 --board f746 --budget 0K
if "$DSE" plot --help >/dev/null 2>&1; then
  check plot-step-K 0 "TinyOps plan per SRAM budget" -- --quiet plot budget mbv3-w1.00-r160 --board f469 --from 128K --to 192K --step 64K --out $TMP/k-plots
  check plot-from-refused 2 "^dse: error: --from must be a positive whole number of bytes \(e.g. 262144 or 256K; K = 1024\), got '1.5M'$" -- plot budget mbv3-w1.00-r160 --board f469 --from 1.5M --out $TMP/k-plots2
fi

# 7b. A family's name alone: say it is a family and give an example variant.
check show-family 2 "^dse: error: 'mbv3' is a family, not a variant: add a width and a resolution, FAMILY-wW.WW-rRRR \(e.g. mbv3-w1.00-r224; 'dse spaces show mbv3' lists its grid\)$" -- show mbv3

# 7c. A directory given as the model.
only_stderr analyze-directory 2 "^dse: error: $DATA is a directory; give a .tflite file$" -- analyze $DATA

# 7d. A bad --data-dir: the error first, nothing on stdout.
only_stderr boards-list-bad-data-dir 2 "^dse: error: $TMP/nowhere/hwprofiles: cannot read the directory" -- --data-dir $TMP/nowhere boards list

# 7e. fit exits 4 when no mode fits, its report still on stdout.
check fit-none 4 "^dse: error: mcunet-in4 does not fit l552 in any mode$" -- fit mcunet-in4 --board l552
check fit-none-report 4 "^tinyops +no" -- fit mcunet-in4 --board l552
check fit-some 0 "tinyops +yes" -- fit mbv3-w0.35-r128 --board f746

# 7f. A bad board file: the board error before any report.
only_stderr show-bad-board 2 "rel_board_empty.toml:1: missing key 'name'" -- show mbv3-w0.35-r128 --board $DATA/rel_board_empty.toml

# 7g. Plurals in the sweep summary.
check sweep-one-nowhere 0 "^run 1 in $TMP/one.sqlite: 1 variant x 1 board, 1 evaluation, 1 variant fits nowhere$" -- --quiet sweep --board l552 --spaces mcunet-in4 --modes internal --db $TMP/one.sqlite

# A user's own board and build calibrated with a few rows, then used by the other commands
# (README "Latency coefficients"; lib/latency/coefficient_layers.h). Sourced by tests/cli/run.sh
# after reliability_0_common.sh (its `expect`); $TMP is scratch. The board: hwprofiles/f746.toml
# renamed 'my-m7' at 400 MHz (external SDRAM kept, so every mode fits).
UB=$TMP/ub
mkdir -p $UB
sed 's/^name = "f746"/name = "my-m7"/; s/^clock_hz = 216_000_000 /clock_hz = 400_000_000 /' hwprofiles/f746.toml >$UB/my-m7.toml
printf 'board,variant,mode,latency_ms,runtime,source\nmy-m7,mcunet-in1,internal,50,x-cube-ai-7.3,bench\nmy-m7,mbv3-w0.25-r112,internal,24,x-cube-ai-7.3,bench\n' >$UB/xcube.csv
printf 'board,variant,mode,latency_ms,source\nmy-m7,mcunet-in1,internal,110,bench\n' >$UB/tflm.csv

# calibrate --runtime writes the ["my-m7/x-cube-ai-7.3"] table, and --runtime x-cube-ai-7.3
# predicts the board with it (the table was fitted with the runtime's factors in its terms);
# it was never read: the board kept its family-inherited tflm-cmsis-nn values.
"$DSE" calibrate --board $UB/my-m7.toml --data $UB/xcube.csv --runtime x-cube-ai-7.3 --out $UB/x.toml >$UB/x.out 2>/dev/null
check ub-runtime-table 0 "latency provenance   calibrated on 2 rows \($UB/xcube.csv" -- --coefficients $UB/x.toml show mcunet-in1 --board $UB/my-m7.toml --mode internal --runtime x-cube-ai-7.3
check ub-runtime-table-default 0 "latency provenance   prior x cortex-m7 family correction" -- --coefficients $UB/x.toml show mcunet-in1 --board $UB/my-m7.toml --mode internal
# The next measurement is one the build can run: X-CUBE-AI has no tinyops mode (it was named).
expect ub-next-runs-under-runtime grep -qE "^Next measurement .*: [^ ]+ in the (internal|external) mode" $UB/x.out

# A second calibration into the same file keeps the first one's table (it replaced the file
# with its own table only, so the first build's predictions fell back to the family's).
"$DSE" calibrate --board $UB/my-m7.toml --data $UB/tflm.csv --out $UB/x.toml >/dev/null 2>&1
expect ub-merge-keeps grep -q '^\["my-m7/x-cube-ai-7.3"\]$' $UB/x.toml
expect ub-merge-adds grep -q '^\[my-m7\]$' $UB/x.toml
check ub-merge-keeps-prediction 0 "latency provenance   calibrated on 2 rows \($UB/xcube.csv" -- --coefficients $UB/x.toml show mcunet-in1 --board $UB/my-m7.toml --mode internal --runtime x-cube-ai-7.3

# $DSE_COEFFICIENTS, the default location, need not exist before the first calibrate writes it
# (every command, calibrate too, refused a missing file: "no such coefficients file").
DSE_COEFFICIENTS=$UB/default.toml "$DSE" calibrate --board $UB/my-m7.toml --data $UB/tflm.csv >/dev/null 2>&1
expect ub-env-written test -s $UB/default.toml
DSE_COEFFICIENTS=$UB/default.toml check ub-env-read 0 "latency provenance   calibrated on 1 row \($UB/tflm.csv" -- show mcunet-in1 --board $UB/my-m7.toml --mode internal

# A table naming an unregistered runtime is refused at its line (it was kept and never used).
sed 's/x-cube-ai-7\.3/x-cube-ai-73/' $UB/x.toml >$UB/typo.toml
check ub-runtime-typo 2 "typo.toml:[0-9]+: \[my-m7/x-cube-ai-73\]: unknown runtime 'x-cube-ai-73' \(did you mean 'x-cube-ai-7.3'\?\)" -- --coefficients $UB/typo.toml show mcunet-in1 --board $UB/my-m7.toml

# pareto's text front says its latencies are of an uncalibrated board, as the sweep summary's
# front and the plot title do (it said "(ms, predicted)" for every board).
"$DSE" --quiet sweep --board $UB/my-m7.toml --spaces mcunet-in1 --modes internal --db $UB/ub.sqlite >/dev/null 2>&1
check ub-pareto-uncalibrated 0 "^my-m7 front \(all designs\), top-1 vs latency \(ms, predicted, uncalibrated board\):$" -- --quiet pareto --board my-m7 --db $UB/ub.sqlite

# Named as --out, the shipped file gets the board's table beside its own, every line of it kept
# (priors' comments too): it was replaced by the board's table alone, so every shipped board
# lost its calibration.
cp data/latency/coefficients.toml $UB/shipped.toml
"$DSE" calibrate --board $UB/my-m7.toml --data $UB/tflm.csv --out $UB/shipped.toml >/dev/null 2>&1
expect ub-shipped-kept test -z "$(grep -vxFf $UB/shipped.toml data/latency/coefficients.toml)"
expect ub-shipped-adds grep -q '^\[my-m7\]$' $UB/shipped.toml

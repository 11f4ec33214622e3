# Bad arguments to every subcommand (issue 8): missing, malformed, out of range, unknown.
# Each must exit 2 with a short message naming the argument. Sourced by tests/cli/run.sh.

# Global options and subcommand names.
bad rel-no-args "subcommand" --
bad rel-unknown-global "--verbose" -- --verbose spaces list
bad rel-data-dir-missing "nowhere" -- --data-dir "$TMP/nowhere" spaces list
bad rel-data-dir-empty "searchspaces" -- --data-dir "$TMP" spaces list
bad rel-space-no-value "--space" -- spaces list --space
bad rel-space-directory "--space" -- --space "$REL" spaces list

# spaces
bad rel-spaces-no-sub "subcommand|spaces" -- spaces
bad rel-spaces-unknown-sub "unknown command 'spaces lst' \(did you mean 'list'\?\)" -- spaces lst
bad rel-spaces-show-missing "space is required|space" -- spaces show
bad rel-spaces-list-flag "--jsn" -- spaces list --jsn
bad rel-spaces-show-extra "extra|mbv3-w1" -- spaces show mbv3 mbv3-w1

# show
bad rel-show-missing "variant is required|variant" -- show
bad rel-show-empty-name "variant ''|unknown variant|empty" -- show ""
bad rel-show-no-resolution "mbv3-w1.00" -- show mbv3-w1.00
bad rel-show-trailing "mbv3-w1.00-r160-x" -- show mbv3-w1.00-r160-x
bad rel-show-inf-width "bad width" -- show mbv3-winf-r160
bad rel-show-nan-width "bad width" -- show mbv3-wnan-r160
bad rel-show-exp-width "bad width|width" -- show mbv3-w1e400-r160
bad rel-show-huge-resolution "resolution" -- show mbv3-w1.00-r99999999999999999999
bad rel-show-zero-resolution "resolution" -- show mbv3-w1.00-r0
bad rel-show-extra "extra|mcunet-in3" -- show mbv3-w1.00-r160 mcunet-in3

# boards
bad rel-boards-no-sub "subcommand|boards" -- boards
bad rel-boards-unknown-sub "unknown command 'boards shw' \(did you mean 'show'\?\)" -- boards shw f469
bad rel-boards-show-missing "board is required|board" -- boards show
bad rel-boards-show-unknown "f496.*did you mean 'f469'" -- boards show f496
bad rel-boards-show-no-file "nope.toml" -- boards show "$TMP/nope.toml"
bad rel-boards-show-directory "hwprofiles|directory|board" -- boards show hwprofiles

# fit and partition
for cmd in fit partition; do
  bad rel-$cmd-missing-variant "variant is required|variant" -- $cmd --board f469
  bad rel-$cmd-missing-board "--board is required" -- $cmd mbv3-w0.50-r112
  bad rel-$cmd-board-no-value "--board" -- $cmd mbv3-w0.50-r112 --board
  bad rel-$cmd-unknown-board "f496.*did you mean 'f469'" -- $cmd mbv3-w0.50-r112 --board f496
  bad rel-$cmd-unknown-variant "unknown family 'mbv4'" -- $cmd mbv4-w0.50-r112 --board f469
  bad rel-$cmd-budget-zero "--budget must be a positive" -- $cmd mbv3-w0.50-r112 --board f469 --budget 0
  bad rel-$cmd-budget-negative "--budget must be a positive" -- $cmd mbv3-w0.50-r112 --board f469 --budget -1
  bad rel-$cmd-budget-float "--budget must be a whole number" -- $cmd mbv3-w0.50-r112 --board f469 --budget 1e5
  bad rel-$cmd-budget-huge "--budget" -- $cmd mbv3-w0.50-r112 --board f469 --budget 99999999999999999999999
  bad rel-$cmd-unknown-flag "--jsn" -- $cmd mbv3-w0.50-r112 --board f469 --jsn
done

# calibrate (never writes here: every case fails before the fit)
bad rel-calibrate-no-file "nope.csv" -- calibrate --no-write --data "$TMP/nope.csv"
bad rel-calibrate-directory "--data" -- calibrate --no-write --data "$REL"
bad rel-calibrate-unknown-flag "--dat" -- calibrate --no-write --dat x.csv
bad rel-calibrate-no-value "--data" -- calibrate --no-write --data

# accuracy
bad rel-acc-no-sub "subcommand|accuracy" -- accuracy
bad rel-acc-unknown-sub "unknown command 'accuracy fitt' \(did you mean 'fit'\?\)" -- accuracy fitt
bad rel-acc-predict-missing "--family is required|required" -- accuracy predict --width 1 --resolution 224 --macs 300M
bad rel-acc-predict-width-zero "width" -- accuracy predict --family mbv3 --width 0 --resolution 224 --macs 300M
bad rel-acc-predict-width-negative "width" -- accuracy predict --family mbv3 --width -1 --resolution 224 --macs 300M
bad rel-acc-predict-width-text "--width" -- accuracy predict --family mbv3 --width wide --resolution 224 --macs 300M
bad rel-acc-predict-width-nan "width" -- accuracy predict --family mbv3 --width nan --resolution 224 --macs 300M
bad rel-acc-predict-width-inf "width" -- accuracy predict --family mbv3 --width inf --resolution 224 --macs 300M
bad rel-acc-predict-width-big "width" -- accuracy predict --family mbv3 --width 5 --resolution 224 --macs 300M
bad rel-acc-predict-res-zero "resolution" -- accuracy predict --family mbv3 --width 1 --resolution 0 --macs 300M
bad rel-acc-predict-res-negative "resolution" -- accuracy predict --family mbv3 --width 1 --resolution -224 --macs 300M
bad rel-acc-predict-res-text "--resolution" -- accuracy predict --family mbv3 --width 1 --resolution big --macs 300M
bad rel-acc-predict-macs-zero "macs" -- accuracy predict --family mbv3 --width 1 --resolution 224 --macs 0
bad rel-acc-predict-macs-negative "macs" -- accuracy predict --family mbv3 --width 1 --resolution 224 --macs -3M
bad rel-acc-predict-macs-text "macs" -- accuracy predict --family mbv3 --width 1 --resolution 224 --macs lots
bad rel-acc-predict-macs-huge "macs" -- accuracy predict --family mbv3 --width 1 --resolution 224 --macs 1e400
bad rel-acc-predict-macs-unit "macs" -- accuracy predict --family mbv3 --width 1 --resolution 224 --macs 300X
bad rel-acc-predict-precision "fp16" -- accuracy predict --family mbv3 --width 1 --resolution 224 --macs 300M --precision fp16
bad rel-acc-import-missing "file is required|file" -- accuracy import --db "$TMP/acc-args.sqlite"
bad rel-acc-import-no-file "nope.csv" -- accuracy import "$TMP/nope.csv" --db "$TMP/acc-args.sqlite"
bad rel-acc-import-directory "file|directory|$REL" -- accuracy import "$REL" --db "$TMP/acc-args.sqlite"
expect rel-acc-import-no-store-written test ! -e "$TMP/acc-args.csv"

# analyze
bad rel-analyze-missing "model is required|model" -- analyze
bad rel-analyze-no-file "nope.tflite" -- analyze "$TMP/nope.tflite"
bad rel-analyze-directory "$REL|directory" -- analyze "$REL"
bad rel-analyze-unknown-flag "--per-opp" -- analyze tests/data/mlperf-tiny-kws-dscnn_int8.tflite --per-opp

# sweep (every case names the reference database: it must stay as it was)
bad rel-sweep-board-empty "board" -- sweep --board "" --db "$RDB"
bad rel-sweep-board-no-value "--board" -- sweep --db "$RDB" --board
bad rel-sweep-board-list "f496" -- sweep --board f469 --board f496 --db "$RDB"
bad rel-sweep-spaces-empty "space" -- sweep --board f469 --spaces "" --db "$RDB"
bad rel-sweep-spaces-list "mbv4" -- sweep --board f469 --spaces mbv3,mbv4 --db "$RDB"
bad rel-sweep-modes-empty "mode" -- sweep --board f469 --modes "" --db "$RDB"
bad rel-sweep-budget-zero "--budget must be a positive" -- sweep --board f469 --budget 0 --db "$RDB"
bad rel-sweep-budget-huge "--budget" -- sweep --board f469 --budget 99999999999999999999999 --db "$RDB"
bad rel-sweep-unknown-flag "--dbb" -- sweep --board f469 --dbb "$RDB"
bad rel-sweep-db-no-value "--db" -- sweep --board f469 --db
bad rel-sweep-db-directory "$TMP|database" -- sweep --board f469 --spaces mcunet-in3 --db "$TMP"
bad rel-sweep-db-under-file "--db .*: cannot create the directory .*rel_empty.tflite: Not a directory" -- sweep --board f469 --spaces mcunet-in3 --db "$REL/rel_empty.tflite/x.sqlite"
bad rel-sweep-board-file-missing "nope.toml" -- sweep --board "$TMP/nope.toml" --db "$RDB"

# pareto
bad rel-pareto-missing-board "--board is required" -- pareto --db "$RDB"
bad rel-pareto-unknown-board "f496|no run" -- pareto --board f496 --db "$RDB"
bad rel-pareto-bad-y "--y" -- pareto --board f469 --y top5 --db "$RDB"
bad rel-pareto-bad-space "--space" -- pareto --board f469 --space everything --db "$RDB"
bad rel-pareto-json-csv "excludes|--csv|--json" -- pareto --board f469 --json --csv --db "$RDB"
bad rel-pareto-check-missing "nope.csv" -- pareto --board f469 --check "$TMP/nope.csv" --db "$RDB"
bad rel-pareto-check-binary "rel_garbage.bin" -- pareto --board f469 --check "$REL/rel_garbage.bin" --db "$RDB"
bad rel-pareto-check-empty "rel_lat_empty.csv" -- pareto --board f469 --check "$REL/rel_lat_empty.csv" --db "$RDB"
bad rel-pareto-db-directory "$TMP|database" -- pareto --board f469 --db "$TMP"
bad rel-pareto-unknown-flag "--plott" -- pareto --board f469 --plott --db "$RDB"

# plot and reproduce, where this build has them
if "$DSE" plot --help >/dev/null 2>&1; then
  bad rel-plot-no-sub "subcommand|plot" -- plot
  bad rel-plot-ops-missing "variants is required|variants" -- plot ops
  bad rel-plot-ops-unknown "mbv4" -- plot ops mbv4-w1.00-r160 --out "$TMP/plots"
  bad rel-plot-ops-mode "internl|mode" -- plot ops mbv3-w1.00-r160 --board f469 --mode internl --out "$TMP/plots"
  bad rel-plot-ops-board "f496" -- plot ops mbv3-w1.00-r160 --board f496 --out "$TMP/plots"
  bad rel-plot-budget-missing-board "--board is required" -- plot budget mbv3-w1.00-r160
  bad rel-plot-budget-step-zero "--step" -- plot budget mbv3-w1.00-r160 --board f469 --step 0 --out "$TMP/plots"
  bad rel-plot-budget-from-negative "--from" -- plot budget mbv3-w1.00-r160 --board f469 --from -5 --out "$TMP/plots"
  bad rel-plot-budget-inverted "--to|--from" -- plot budget mbv3-w1.00-r160 --board f469 --from 200000 --to 100000 --out "$TMP/plots"
  bad rel-plot-budget-text "--from" -- plot budget mbv3-w1.00-r160 --board f469 --from lots --out "$TMP/plots"
  expect rel-plot-no-partial-figure test ! -e "$TMP/plots"
fi
if "$DSE" reproduce --help >/dev/null 2>&1; then
  bad rel-reproduce-unknown-flag "--strictt" -- reproduce --strictt
  bad rel-reproduce-extra "extra|table2" -- reproduce table2
fi

# An empty --budget is refused, not taken as the board's default.
for cmd in "fit mbv3-w1.00-r160 --board f469" "partition mbv3-w1.00-r160 --board f469" "show mbv3-w1.00-r160 --board f469" "sweep --board f469 --db $TMP/empty-budget.sqlite"; do
  check "empty-budget-${cmd%% *}" 2 "--budget: must not be empty" -- $cmd --budget ""
done

# Issue 16: fronts per task and dataset, measured accuracies of the database read by pareto,
# show and pick (also when imported after the sweep), pareto CSV provenance, SVG tooltips.
# Sourced by tests/cli/run.sh after identity_accuracy.sh (its `exact`); $DSE, $TMP, check.

FR=$TMP/fronts
mkdir -p $FR/m
cp tests/data/mlperf-tiny-kws-dscnn_int8.tflite $FR/m/kws.tflite
check fr-sweep 0 "run 1 in $FR/r.sqlite: 3 variants x 1 board, 9 evaluations" \
  -- --quiet sweep --board f469 --spaces mcunet-in0,mcunet-in1 --models $FR/m --db $FR/r.sqlite
# The sweep's own front labels each top-1 too (published: data/accuracy/published.csv, 49.9).
check fr-sweep-label 0 "^  mcunet-in1 +internal +418 ms +49.90% published$" \
  -- --quiet sweep --board f469 --spaces mcunet-in0,mcunet-in1 --models $FR/m --db $FR/r2.sqlite
# The ImageNet front as the sweep stored it: the published figures of mcunet-in0/in1
# (data/accuracy/published.csv: 40.4, 49.9); latencies predicted with the shipped coefficients.
exact fr-imagenet 0 "f469 front (all designs), top-1 vs latency (ms, predicted):
  mcunet-in0                   tinyops         305.97   40.40% published
  mcunet-in1                   internal        418.19   49.90% published" -- --quiet pareto --board f469 --db $FR/r.sqlite
# Accuracies imported AFTER the sweep: a KWS one for the imported model, an ImageNet one for
# mcunet-in0 (45.0, an input of this test).
printf 'variant,top1,precision,task,dataset,source\nkws.tflite,91.2,int8,keyword-spotting,speech-commands,lab\nmcunet-in0,45.0,int8,classification,imagenet,lab\n' >$FR/acc.csv
check fr-import 0 "imported 2 measured accuracies" -- accuracy import $FR/acc.csv --db $FR/r.sqlite
# pareto applies them: mcunet-in0 at 45.00%, labelled measured beside mcunet-in1's published
# figure; the KWS figure stays off this front.
exact fr-imagenet-after 0 "f469 front (all designs), top-1 vs latency (ms, predicted):
  mcunet-in0                   tinyops         305.97   45.00% measured
  mcunet-in1                   internal        418.19   49.90% published" -- --quiet pareto --board f469 --db $FR/r.sqlite
check fr-json-measured 0 '"top1_provenance": "measured"' -- --quiet pareto --board f469 --db $FR/r.sqlite --json
# One front per task and dataset: --task keyword-spotting ranks only KWS measurements.
exact fr-kws 0 "f469 front (all designs), keyword-spotting/speech-commands top-1 (measured) vs latency (ms, predicted):
  kws.tflite                   internal         58.85   91.20% measured" -- --quiet pareto --board f469 --db $FR/r.sqlite --task keyword-spotting
check fr-kws-dataset 0 "kws.tflite +internal +58.85 +91.20%" -- --quiet pareto --board f469 --db $FR/r.sqlite --dataset speech-commands
check fr-kws-json 0 '"task": "keyword-spotting"' -- --quiet pareto --board f469 --db $FR/r.sqlite --task keyword-spotting --json
check fr-kws-json-run 0 '"run_id": 1' -- --quiet pareto --board f469 --db $FR/r.sqlite --task keyword-spotting --json
# A task nobody measured: exit 4 naming the import; bad names: exit 2 with the nearest.
exact fr-vww-none 4 "dse: error: no design on f469 has a measured visual-wake-words/vww top-1 in $FR/r.sqlite; import one: dse accuracy import FILE.csv --db $FR/r.sqlite (columns variant,top1,precision,task,dataset)" \
  -- --quiet pareto --board f469 --db $FR/r.sqlite --task visual-wake-words
exact fr-bad-task 2 "dse: error: --task 'keyword-spoting': unknown task (one of: classification, keyword-spotting, visual-wake-words, anomaly-detection) (did you mean 'keyword-spotting'?)" \
  -- --quiet pareto --board f469 --db $FR/r.sqlite --task keyword-spoting
exact fr-bad-pair 2 "dse: error: --dataset 'imagenet': not a dataset of task keyword-spotting (its datasets: speech-commands)" \
  -- --quiet pareto --board f469 --db $FR/r.sqlite --task keyword-spotting --dataset imagenet
# CSV: # lines with the run and each figure's provenance, then the columns as before.
"$DSE" --quiet pareto --board f469 --db $FR/r.sqlite --csv >$FR/front.csv
check fr-csv-run 0 "^# run_id 1 of $FR/r.sqlite, written by dse [^ ]+ \(git [^ ]+\) at 20[0-9-]+T[0-9:]+Z$" -- --quiet pareto --board f469 --db $FR/r.sqlite --csv
check fr-csv-tool 0 "^# printed by dse [^ ]+ \(git [^ ]+\), JSON schema_version 1$" -- --quiet pareto --board f469 --db $FR/r.sqlite --csv
if [ "$(grep -v '^# \(run_id\|printed\)' $FR/front.csv)" = "# dse pareto: f469 front (all designs), classification/imagenet top-1 vs latency (ms, predicted)
# latency_ms: calibrated on 9 rows (data/latency/paper.csv)
# top1: measured (row 1), published (row 2)
variant,mode,latency_ms,top1
mcunet-in0,tinyops,305.973,45.0000
mcunet-in1,internal,418.187,49.9000" ]; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL fr-csv-provenance: $(cat $FR/front.csv)" >&2; fi

# show --db: the measured accuracy of that database (finding 2: one answer in any directory).
check fr-show-db 0 "^  top-1 +45\.00% int8 \(measured: lab\)$" -- show mcunet-in0 --db $FR/r.sqlite
check fr-show-no-db 0 "^  top-1 +40\.40% int8 \(published: " -- show mcunet-in0 --db $TMP/acc16/pub.sqlite
check fr-show-db-json 0 '"top1": 45\.0' -- show mcunet-in0 --db $FR/r.sqlite --json
check fr-show-db-missing 2 "dse: error: --db: File does not exist: $FR/none.sqlite" -- show mcunet-in0 --db $FR/none.sqlite
# pick --db: a measured top-1 of 99 % (an input) makes mbv3-w0.35-r128 the best design.
printf 'variant,top1,precision,task,dataset\nmbv3-w0.35-r128,99.0,int8,classification,imagenet\n' >$FR/pick.csv
check fr-pick-import 0 "imported 1 measured accuracy" -- accuracy import $FR/pick.csv --db $FR/pick.sqlite
check fr-pick-db 0 "^ 1\. mbv3-w0\.35-r128 +external +217\.9 ms, top-1 99\.00% \(measured\), SRAM 12\.4 KiB$" \
  -- pick --board f746 --max-latency 500ms --min-top1 55 --db $FR/pick.sqlite
check fr-pick-db-missing 2 "--db: File does not exist" -- pick --board f746 --db $FR/none.sqlite

# Finding 8 / item 7: the front's SVG gives every labelled member a tooltip (gnuplot hypertext),
# the PNG keeps its labels; the KWS front's figure is its own file with its own axis.
check fr-plot 0 "wrote $FR/plots/pareto_f469_latency.svg" -- pareto --board f469 --db $FR/r.sqlite --plot --out $FR/plots
if grep -qF "showHypertext(evt,'mcunet-in0')" $FR/plots/pareto_f469_latency.svg &&
   grep -q 'with labels left offset' $FR/plots/pareto_f469_latency.gp; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL fr-svg-hypertext: no tooltip for mcunet-in0 in the SVG" >&2; fi
check fr-plot-kws 0 "wrote $FR/plots/pareto_f469_latency_keyword-spotting.png" \
  -- pareto --board f469 --db $FR/r.sqlite --task keyword-spotting --plot --out $FR/plots
if grep -q 'set ylabel "keyword-spotting/speech-commands top-1 (%, measured)"' $FR/plots/pareto_f469_latency_keyword-spotting.gp; then
  passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL fr-plot-kws-axis" >&2; fi

# Finding 6: one name per quantity: reproduce's candidates say latency_ms/top1/energy_mj with
# their provenance beside them (were latency_ms_predicted, top1_predicted, energy_mj_predicted).
"$DSE" --quiet reproduce --json >$FR/reproduce.json 2>&1
if grep -q '"latency_ms": ' $FR/reproduce.json && grep -q '"latency_provenance": ' $FR/reproduce.json &&
   ! grep -qE '"(latency_ms|top1|energy_mj)_predicted"' $FR/reproduce.json; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL fr-reproduce-names: $(head -c 300 $FR/reproduce.json)" >&2; fi

# Finding 7: the global --space FILE works after the command too; pareto's own --space (a
# design space) is unchanged.
check fr-space-after-command 0 "tiny-w1.00-r064" -- show tiny-w1.00-r064 --space $DATA/tiny.toml
check fr-space-before-command 0 "tiny-w1.00-r064" -- --space $DATA/tiny.toml show tiny-w1.00-r064
check fr-pareto-design-space 0 "^f469 front \(internal designs\)" -- --quiet pareto --board f469 --space internal --db $FR/r.sqlite

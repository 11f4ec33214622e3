# Cases for `dse analyze` and `dse sweep --models/--model` (issue 7). Sourced by
# tests/cli/run.sh; $TMP is scratch. Models: tests/data/README.md.
MODELS=tests/data
R144=$MODELS/proxyless-w0.30-r144_int8.tflite
KWS=$MODELS/mlperf-tiny-kws-dscnn_int8.tflite

# Counts only (no --board), as before.
check analyze-counts 0 "unsupported ops +0" -- analyze $R144
check analyze-peak-tensors 0 "live at the peak \(op [0-9]+\):" -- analyze $R144
check analyze-top1-unknown 0 "top-1 +unknown \(not measured" -- analyze $KWS
check analyze-json-top1 0 '"top1_provenance": "unknown"' -- analyze $KWS --json

# The firmware's plan (tinyops.md §1.6): r144 on the F469 at 258,000 B is PF 3, S = 50,112 B.
check analyze-r144-pf 0 '"partition_factor": 3,' -- analyze $R144 --board f469 --budget 258000 --json
check analyze-r144-s 0 '"max_partition_bytes": 50112,' -- analyze $R144 --board f469 --budget 258000 --json
check analyze-r144-plan-text 0 "largest input part S  50112 B" -- analyze $R144 --board f469 --budget 258000
check analyze-r144-fit-text 0 "^tinyops +yes .*PF 3, S 50112 B, budget 258000 B" -- analyze $R144 --board f469 --budget 258000
check analyze-fit-internal 0 "^internal +(yes|no) " -- analyze $R144 --board f469
check analyze-fit-json 0 '"mode": "external"' -- analyze $R144 --board f469 --json
check analyze-latency 0 "latency provenance +(calibrated|prior)" -- analyze $R144 --board f469 --budget 258000
check analyze-latency-json 0 '"latency_provenance": "(calibrated|prior)' -- analyze $R144 --board f469 --json
check analyze-latency-per-op 0 "compute_ms +mem/DMA_ms +exposed_ms" -- analyze $KWS --board f746 --mode internal --per-op
check analyze-per-op-json 0 '"exposed_ms"' -- analyze $KWS --board f746 --per-op --json
check analyze-no-filter-growth 0 "filter growth off" -- analyze $R144 --board f469 --budget 258000 --no-filter-growth

# Bad input: exit 2 and a message naming the problem.
head -c 20000 $KWS > $TMP/truncated.tflite
head -c 4096 /dev/urandom > $TMP/garbage.tflite
check analyze-truncated 2 "truncated.tflite: .*outside the 20000-byte buffer" -- analyze $TMP/truncated.tflite
check analyze-garbage 2 "garbage.tflite: (not a TFLite file|.*)" -- analyze $TMP/garbage.tflite
check analyze-not-tflite 2 "tiny.toml: not a TFLite file" -- analyze tests/cli/data/tiny.toml
check analyze-float 2 "filter tensor 'filter' is float32; dse analyses int8-quantised models only" -- analyze $MODELS/bad/one-conv-float32-filter.tflite
check analyze-missing 2 "nope.tflite: cannot open the file" -- analyze $TMP/nope.tflite
check analyze-unknown-board 2 "f496.*did you mean 'f469'" -- analyze $R144 --board f496
check analyze-bad-budget 2 "--budget must be a whole number of bytes" -- analyze $R144 --board f469 --budget 12kb
check analyze-zero-budget 2 "--budget must be a positive number of bytes" -- analyze $R144 --board f469 --budget 0
check analyze-budget-needs-board 2 "--budget needs --board" -- analyze $R144 --budget 258000
check analyze-bad-mode 2 "internl" -- analyze $R144 --board f469 --mode internl

# dse sweep --models: every tests/data/*.tflite on the same boards and modes, in the same run.
check sweep-models 0 "run 1 in $TMP/m.sqlite: 5 variants x 1 board, 15 evaluations" -- sweep --board f746 --spaces none --models $MODELS --db $TMP/m.sqlite
check sweep-models-summary 0 "f746 — imported models" -- sweep --board f746 --spaces mnasnet --model $KWS --db $TMP/m.sqlite
db_is() {  # db_is NAME SQL EXPECTED: the query's output equals EXPECTED
  local got
  got=$(sqlite3 $TMP/m.sqlite "$2")
  if [ "$got" = "$3" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $1: got '$got', want '$3'" >&2; fi
}
db_is sweep-models-variants "SELECT count(*) FROM variants WHERE space = 'tflite'" 5
db_is sweep-models-top1-null "SELECT count(*) FROM evaluation_view WHERE run_id = 1 AND top1 IS NULL AND top1_provenance = 'unknown'" 15
db_is sweep-models-r144 "SELECT resolution, mode, feasible FROM evaluation_view WHERE run_id = 1 AND variant = 'proxyless-w0.30-r144_int8.tflite' AND mode = 'tinyops'" "144|tinyops|1"
db_is sweep-models-not-in-fronts "SELECT count(*) FROM pareto p JOIN variants v ON v.id = p.variant_id WHERE v.space = 'tflite'" 0
db_is sweep-models-with-space "SELECT count(*) FROM evaluation_view WHERE run_id = 2 AND space = 'tflite'" 3
db_is sweep-models-run-spaces "SELECT spaces FROM runs WHERE id = 2" "mnasnet,tflite"

# A measured top-1 names the model by its file name.
printf 'variant,top1,precision,task,dataset,source\nmlperf-tiny-kws-dscnn_int8.tflite,91.5,int8,keyword-spotting,speech-commands,test\n' > $TMP/kws_top1.csv
check acc-import-tflite-name 0 "imported 1 measured" -- accuracy import $TMP/kws_top1.csv --db $TMP/m.sqlite
printf 'variant,top1,precision,task,dataset\nkws.tflit,91.5,int8,keyword-spotting,speech-commands\n' > $TMP/kws_typo.csv
check acc-import-tflite-typo 2 "kws_typo.csv:2:" -- accuracy import $TMP/kws_typo.csv --db $TMP/m.sqlite

# Bad models, directories and options leave an existing database byte-for-byte unchanged.
cp $TMP/m.sqlite $TMP/m.before
check sweep-model-garbage 2 "garbage.tflite: " -- sweep --board f746 --spaces none --model $TMP/garbage.tflite --db $TMP/m.sqlite
check sweep-model-truncated 2 "truncated.tflite: " -- sweep --board f746 --spaces none --model $TMP/truncated.tflite --db $TMP/m.sqlite
check sweep-model-float 2 "is float32; dse analyses int8-quantised models only" -- sweep --board f746 --model $MODELS/bad/one-conv-float32-filter.tflite --db $TMP/m.sqlite
check sweep-model-missing 2 "nope.tflite: cannot open the file" -- sweep --board f746 --spaces none --model $TMP/nope.tflite --db $TMP/m.sqlite
check sweep-models-no-dir 2 "--models '$TMP/nodir': no such directory" -- sweep --board f746 --models $TMP/nodir --db $TMP/m.sqlite
mkdir -p $TMP/no_models
check sweep-models-empty-dir 2 "no .tflite file in it" -- sweep --board f746 --models $TMP/no_models --db $TMP/m.sqlite
mkdir -p $TMP/dup && cp $KWS $TMP/dup/
check sweep-models-same-name 2 "two models named 'mlperf-tiny-kws-dscnn_int8.tflite'" -- sweep --board f746 --models $MODELS --model $TMP/dup/mlperf-tiny-kws-dscnn_int8.tflite --db $TMP/m.sqlite
check sweep-models-nothing 2 "nothing to sweep" -- sweep --board f746 --spaces none --db $TMP/m.sqlite
check sweep-models-unknown-board 2 "f496.*did you mean 'f469'" -- sweep --board f496 --spaces none --models $MODELS --db $TMP/m.sqlite
check sweep-models-bad-budget 2 "--budget must be a whole number of bytes" -- sweep --board f746 --spaces none --models $MODELS --budget 1e5 --db $TMP/m.sqlite
if cmp -s $TMP/m.sqlite $TMP/m.before; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  echo "FAIL sweep-models-db-unchanged: a refused sweep changed the database" >&2
fi

# Issue 16, findings 1-3: models identified by content, accuracy in the database (with task and
# dataset), published and int4 accuracies, extrapolated predictions. Sourced by
# tests/cli/run.sh ($DSE, $TMP, check).

# exact NAME CODE WANT -- ARGS: dse ARGS prints exactly WANT (stdout and stderr) and exits CODE.
exact() {
  local name=$1 code=$2 want=$3 got rc
  shift 4
  got=$("$DSE" "$@" 2>&1)
  rc=$?
  if [ "$rc" -eq "$code" ] && [ "$got" = "$want" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1))
    printf 'FAIL %s: exit %s (want %s); want\n%s\ngot\n%s\n' "$name" "$rc" "$code" "$want" "$got" >&2
  fi
}
# sql_is NAME DB SQL WANT: sqlite3 DB SQL prints exactly WANT.
sql_is() {
  local got
  got=$(sqlite3 "$2" "$3" 2>&1)
  if [ "$got" = "$4" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); printf 'FAIL %s: want %s got %s\n' "$1" "$4" "$got" >&2
  fi
}

# Finding 1: two different models, both kws_copy.tflite, swept into one database. MACs from
# `dse analyze`: DS-CNN 2,656,768, VWW MobileNetV1-0.25 7,489,664.
ID=$TMP/identity
mkdir -p $ID/a $ID/b $ID/c $ID/d
cp tests/data/mlperf-tiny-kws-dscnn_int8.tflite $ID/a/kws_copy.tflite
cp tests/data/mlperf-tiny-vww-mobilenetv1-0.25-r96_int8.tflite $ID/b/kws_copy.tflite
check id-sweep-a 0 "run 1 in" -- --quiet sweep --board f469 --spaces none --models $ID/a --db $ID/r.sqlite
check id-sweep-b 0 "run 2 in" -- --quiet sweep --board f469 --spaces none --models $ID/b --db $ID/r.sqlite
sql_is id-rows-never-mix $ID/r.sqlite \
  "SELECT DISTINCT run_id, variant, macs FROM evaluation_view ORDER BY run_id" \
  "1|kws_copy.tflite|2656768
2|kws_copy.tflite|7489664"
sql_is id-two-rows $ID/r.sqlite "SELECT count(*) FROM variants WHERE content_sha256 IS NOT NULL" 2
# The same file under another name is the same model: one row, both names kept.
cp tests/data/mlperf-tiny-kws-dscnn_int8.tflite $ID/d/kws_renamed.tflite
check id-sweep-renamed 0 "run 3 in" -- --quiet sweep --board f469 --spaces none --models $ID/d --db $ID/r.sqlite
sql_is id-renamed-one-row $ID/r.sqlite \
  "SELECT count(*), group_concat(n.name) FROM variants v JOIN model_names n ON n.variant_id = v.id WHERE v.macs = 2656768" \
  "2|kws_copy.tflite,kws_renamed.tflite"
sql_is id-renamed-variants $ID/r.sqlite "SELECT count(*) FROM variants" 2
# Two files of the same content and different names in one command: refused, nothing written.
cp tests/data/mlperf-tiny-kws-dscnn_int8.tflite $ID/c/one.tflite
cp tests/data/mlperf-tiny-kws-dscnn_int8.tflite $ID/c/two.tflite
cp $ID/r.sqlite $ID/r.before
exact id-same-content 2 "dse: error: '$ID/c/one.tflite' and '$ID/c/two.tflite' are the same model (identical bytes, SHA-256 $(sha256sum $ID/c/one.tflite | cut -c1-12)); give it once" \
  -- --quiet sweep --board f469 --spaces none --models $ID/c --db $ID/r.sqlite
if cmp -s $ID/r.sqlite $ID/r.before; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL id-same-content-untouched" >&2; fi

# Finding 2: measured accuracies live in the database given, with task and dataset.
A=$TMP/acc16
mkdir -p $A
printf 'variant,top1,precision,task,dataset,source\nmbv3-w0.35-r128,47.10,int8,classification,imagenet,lab run 7\n' > $A/mbv3.csv
exact acc16-import 0 "imported 1 measured accuracy from $A/mbv3.csv into $A/db.sqlite" \
  -- accuracy import $A/mbv3.csv --db $A/db.sqlite
sql_is acc16-stored $A/db.sqlite "SELECT model, label, precision, task, dataset, top1, source, file FROM measured_accuracy" \
  "mbv3-w0.35-r128|mbv3-w0.35-r128|int8|classification|imagenet|47.1|lab run 7|$A/mbv3.csv"
sql_is acc16-time $A/db.sqlite "SELECT imported_at LIKE '____-__-__T__:__:__Z' FROM measured_accuracy" 1
# The sweep reads them from its --db (not from a CSV under the working directory).
check acc16-sweep 0 "run 1 in" -- --quiet sweep --board f469 --spaces mbv3 --db $A/db.sqlite
sql_is acc16-sweep-measured $A/db.sqlite \
  "SELECT DISTINCT top1, top1_provenance FROM evaluation_view WHERE variant = 'mbv3-w0.35-r128'" "47.1|measured"
# The same value again changes nothing; a different value needs --replace.
exact acc16-again 0 "imported 0 measured accuracies from $A/mbv3.csv into $A/db.sqlite; 1 already there, unchanged" \
  -- accuracy import $A/mbv3.csv --db $A/db.sqlite
printf 'variant,top1,precision,task,dataset,source\nmbv3-w0.35-r128,48.00,int8,classification,imagenet,lab run 8\n' > $A/mbv3b.csv
cp $A/db.sqlite $A/db.before
exact acc16-no-overwrite 2 "dse: error: $A/mbv3b.csv:2: 'mbv3-w0.35-r128' already has a measured int8 classification/imagenet top-1 of 47.1% in $A/db.sqlite (from $A/mbv3.csv, imported $(sqlite3 $A/db.sqlite 'SELECT imported_at FROM measured_accuracy')); give --replace to overwrite it
nothing imported" -- accuracy import $A/mbv3b.csv --db $A/db.sqlite
if cmp -s $A/db.sqlite $A/db.before; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL acc16-no-overwrite-untouched" >&2; fi
exact acc16-replace 0 "imported 1 measured accuracy from $A/mbv3b.csv into $A/db.sqlite (1 replaced)" \
  -- accuracy import $A/mbv3b.csv --db $A/db.sqlite --replace
# Bad input: exit 2, nothing written.
printf 'variant,top1,precision,source\nmbv3-w0.35-r128,47.10,int8,x\n' > $A/notask.csv
exact acc16-missing-task 2 "dse: error: $A/notask.csv:1: missing column 'task'
    variant,top1,precision,source
    ^
$A/notask.csv:1: missing column 'dataset'
    variant,top1,precision,source
    ^" -- accuracy import $A/notask.csv --db $A/db.sqlite
printf 'variant,top1,precision,task,dataset\nmbv3-w0.35-r128,47.10,int8,classification,imagenett\n' > $A/baddataset.csv
check acc16-unknown-dataset 2 "baddataset.csv:2: unknown dataset 'imagenett' for task classification \(did you mean 'imagenet'\?\)" \
  -- accuracy import $A/baddataset.csv --db $A/db.sqlite
printf 'variant,top1,precision,task,dataset\nmbv3-w0.35-r128,47.10,int8,clasification,imagenet\n' > $A/badtask.csv
check acc16-unknown-task 2 "badtask.csv:2: unknown task 'clasification' \(did you mean 'classification'\?\)" \
  -- accuracy import $A/badtask.csv --db $A/db.sqlite
# An imported model must be in the database: the nearest name is given.
printf 'variant,top1,precision,task,dataset\nkws_copi.tflite,91.2,int8,keyword-spotting,speech-commands\n' > $A/kws_typo.csv
cp $ID/r.sqlite $ID/r.before
exact acc16-not-in-db 2 "dse: error: $A/kws_typo.csv:2: no model 'kws_copi.tflite' in $ID/r.sqlite (did you mean 'kws_copy.tflite'?) (sweep it into this database first: dse sweep --model FILE --db $ID/r.sqlite)
nothing imported" -- accuracy import $A/kws_typo.csv --db $ID/r.sqlite
# kws_copy.tflite names two models in that database: the SHA-256 decides.
printf 'variant,top1,precision,task,dataset\nkws_copy.tflite,91.2,int8,keyword-spotting,speech-commands\n' > $A/kws_ambiguous.csv
check acc16-ambiguous 2 "kws_ambiguous.csv:2: 'kws_copy.tflite' names 2 different models in .*; give the SHA-256 of the one you measured" \
  -- accuracy import $A/kws_ambiguous.csv --db $ID/r.sqlite
# One model under its two names, twice in one file: refused.
printf 'variant,top1,precision,task,dataset\nkws_renamed.tflite,91.2,int8,keyword-spotting,speech-commands\n%s,91.3,int8,keyword-spotting,speech-commands\n' \
  "$(sha256sum $ID/a/kws_copy.tflite | cut -c1-64)" > $A/kws_twice.csv
check acc16-same-model-twice 2 "kws_twice.csv:3: '[0-9a-f]{64}' is the model of line 2 \('kws_renamed.tflite'\): one int8 keyword-spotting/speech-commands top-1 per model" \
  -- accuracy import $A/kws_twice.csv --db $ID/r.sqlite
if cmp -s $ID/r.sqlite $ID/r.before; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL acc16-bad-untouched" >&2; fi
# A keyword-spotting accuracy never joins the ImageNet front.
printf 'variant,top1,precision,task,dataset\nkws_renamed.tflite,91.2,int8,keyword-spotting,speech-commands\n' > $A/kws.csv
check acc16-kws-import 0 "imported 1 measured accuracy" -- accuracy import $A/kws.csv --db $ID/r.sqlite
check acc16-kws-sweep 0 "run 4 in" -- --quiet sweep --board f469 --spaces mcunet-in0 --models $ID/d --db $ID/r.sqlite
sql_is acc16-kws-no-top1 $ID/r.sqlite \
  "SELECT DISTINCT top1_provenance FROM evaluation_view WHERE run_id = 4 AND space = 'tflite'" unknown
sql_is acc16-kws-not-in-front $ID/r.sqlite \
  "SELECT count(*) FROM pareto p JOIN variants v ON v.id = p.variant_id WHERE p.run_id = 4 AND v.content_sha256 IS NOT NULL" 0

# Finding 3: published figures for fixed nets, int4 labelled int4, extrapolations labelled.
check pub-mcunet-in4 0 "top-1 +68\.00% int8 \(published: mit-han-lab/mcunet README\.md" -- show mcunet-in4
check pub-int4 0 "top-1 +63\.50% int4 \(published: Sadiq et al\." -- show mcunet-in3-int4
check pub-int4-none 0 "top-1 +none \(int4: no published int4 figure for this net, and the surrogate predicts fp32 and int8 only\)" -- show mcunet-in4-int4
check pub-int4-none-json 0 '"top1": null' -- show mcunet-in4-int4 --json
check extrapolated-text 0 "top-1 +[0-9.]+% int8 \(extrapolated \[[0-9.]+, [0-9.]+\]: surrogate: MACs [0-9.]+ M below the fitted" -- show mbv3-w0.10-r048
check extrapolated-json 0 '"top1_provenance": "extrapolated"' -- show mbv3-w0.10-r048 --json
check pub-sweep 0 "run 1 in" -- --quiet sweep --board f469 --spaces mcunet-in4 mcunet-in3-int4 --db $A/pub.sqlite
sql_is pub-db $A/pub.sqlite "SELECT DISTINCT variant, top1, top1_provenance FROM evaluation_view ORDER BY variant" \
  "mcunet-in3-int4|63.5|published
mcunet-in4|68.0|published"

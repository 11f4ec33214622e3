# Cases for `dse accuracy` and the top-1 line of `dse show` (issue 5). Sourced by tests/cli/run.sh.
ACC=tests/accuracy/data

# The fit report: 58 published grid rows held out one at a time (tests/accuracy/surrogate_test.cpp).
check acc-fit 0 "leave-one-out over the 58 published float grid rows: MAE 0\." -- accuracy fit
check acc-fit-json 0 '"grid_loo_mae_pct"' -- accuracy fit --json
# A family the toolkit cannot build, and the paper's own mbv3.
check acc-predict-v2 0 "MobileNetV2 w1.00 r224 300.00 M MACs fp32: top-1 7[0-9]\.[0-9]+% \(predicted \[7[0-9]\.[0-9], 7[0-9]\.[0-9]\], family MobileNetV2\)" -- accuracy predict --family MobileNetV2 --width 1 --resolution 224 --macs 300M --precision fp32
check acc-predict-json 0 '"top1_provenance": "predicted"' -- accuracy predict --family mbv3 --width 0.75 --resolution 128 --macs 43532160 --json
check acc-predict-fallback 0 "no published data for family 'mbv4' \(did you mean 'mbv3'\?\)" -- accuracy predict --family mbv4 --width 0.75 --resolution 128 --macs 43.5M
check acc-predict-macs-unit 2 "for millions write 43M" -- accuracy predict --family mbv3 --width 0.75 --resolution 128 --macs 43
check acc-predict-int4 2 "the surrogate predicts fp32 or int8" -- accuracy predict --family mbv3 --width 0.75 --resolution 128 --macs 43M --precision int4
# A predicted top-1 carries its 80 % interval and names how it was derived (lib/accuracy/top1_interval.h).
check show-top1 0 "top-1 +[0-9.]+% int8 \(predicted \[[0-9.]+, [0-9.]+\], family mbv3; 80 % interval from leave-one-out residuals over the published rows\)" -- show mbv3-w0.75-r128
check show-top1-json 0 '"top1_provenance": "predicted"' -- show mbv3-w0.75-r128 --json
check show-top1-json-low 0 '"top1_low": [0-9.]+' -- show mbv3-w0.75-r128 --json
check show-top1-published 0 "top-1 +49.90% int8 \(published: " -- show mcunet-in1
check acc-fit-coverage 0 "80 % interval from leave-one-out residuals over the published rows .*: [0-9]+% of all rows" -- accuracy fit

# Imports: measured values override predictions; a bad file imports nothing and exits 2.
check acc-import 0 "imported 1 measured" -- accuracy import $ACC/good.csv --db "$TMP/acc.sqlite"
cp "$TMP/acc.sqlite" "$TMP/acc.before"
check acc-import-range 2 "bad_range.csv:3: top1 620 is outside 0-100" -- accuracy import $ACC/bad_range.csv --db "$TMP/acc.sqlite"
check acc-import-column 2 "missing_column.csv:1: missing column 'precision'" -- accuracy import $ACC/missing_column.csv --db "$TMP/acc.sqlite"
check acc-import-family 2 "unknown_family.csv:2: unknown family 'mbv4' in 'mbv4-w0.75-r128' \(did you mean 'mbv2'\?\)" -- accuracy import $ACC/unknown_family.csv --db "$TMP/acc.sqlite"
if cmp -s "$TMP/acc.sqlite" "$TMP/acc.before"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  echo "FAIL acc-store-unchanged: a rejected import changed the store" >&2
fi

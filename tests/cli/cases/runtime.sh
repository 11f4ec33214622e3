# Cases for `--runtime` and `dse runtimes list`. Sourced by tests/cli/run.sh.

check runtimes-list 0 "^tflm-cmsis-nn +TFLite Micro \+ CMSIS-NN.*\(default\)" -- runtimes list
check runtimes-list-json 0 '"id": "tflm-cmsis-nn"' -- runtimes list --json
check runtime-default-named 0 "latency on f469 \(tinyops\)" -- show mbv3-w0.50-r112 --board f469 --runtime tflm-cmsis-nn
# A misspelt id: exit 2 with the registry's message naming the nearest id, before any output.
RT_MSG="unknown runtime 'tflm-cmsis' \(did you mean 'tflm-cmsis-nn'\?\) \(runtimes: tflm-cmsis-nn, hale-1.0, "
check runtime-bad-show 2 "$RT_MSG" -- show mbv3-w0.50-r112 --runtime tflm-cmsis
check runtime-bad-fit 2 "$RT_MSG" -- fit mbv3-w0.50-r112 --board f469 --runtime tflm-cmsis
check runtime-bad-partition 2 "$RT_MSG" -- partition mbv3-w0.50-r112 --board f469 --runtime tflm-cmsis
check runtime-bad-analyze 2 "$RT_MSG" -- analyze tests/data/proxyless-w0.30-r144_int8.tflite --runtime tflm-cmsis
check runtime-bad-sweep 2 "$RT_MSG" -- sweep --board f469 --runtime tflm-cmsis --db $TMP/rt.sqlite
check runtime-bad-plot-ops 2 "$RT_MSG" -- plot ops mbv3-w0.50-r112 --runtime tflm-cmsis --out $TMP/rt
check runtime-bad-plot-budget 2 "$RT_MSG" -- plot budget mbv3-w0.50-r112 --board f469 --runtime tflm-cmsis --out $TMP/rt
check runtime-bad-reproduce 2 "$RT_MSG" -- reproduce --runtime tflm-cmsis
# The bad id fails before the database is opened: nothing written.
if [ -e "$TMP/rt.sqlite" ]; then failed=$((failed + 1)); echo "FAIL runtime-bad-sweep wrote $TMP/rt.sqlite" >&2; else passed=$((passed + 1)); fi

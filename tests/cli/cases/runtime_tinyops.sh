# TinyOps stays a TFLM + CMSIS-NN mode (issue 13 item 3): under another runtime the tinyops mode
# does not fit, a result with its reason, and the other modes are planned as usual. Sourced by
# tests/cli/run.sh.

TO_WHY="runtime: TinyOps patches the TFLM interpreter and the CMSIS-NN kernels; tinyengine runs TinyEngine's generated code and TinyEngine's kernels"
check to-fit-row 0 "^tinyops +no " -- fit mbv3-w0.50-r128 --board f469 --runtime tinyengine
check to-fit-why 0 "^    $TO_WHY$" -- fit mbv3-w0.50-r128 --board f469 --runtime tinyengine
check to-fit-default 0 "^tinyops +yes " -- fit mbv3-w0.50-r128 --board f469
# JSON: a violation of kind runtime, without bytes (null, not 0).
check to-fit-json 0 '"kind": "runtime"' -- fit mbv3-w0.50-r128 --board f469 --runtime tinyengine --json
check to-fit-json-null 0 '"needed_bytes": null' -- fit mbv3-w0.50-r128 --board f469 --runtime tinyengine --json
check to-fit-json-memory 0 '"needed_bytes": 1447229' -- fit mbv3-w0.50-r128 --board f469 --runtime tinyengine --json
check to-show-every 0 "tinyops +does not fit: $TO_WHY" -- show mbv3-w0.50-r128 --board f469 --runtime tinyengine
check to-show-note 0 "note: mbv3-w0.50-r128 cannot run in the tinyops mode \($TO_WHY\)" -- show mbv3-w0.50-r128 --board f469 --runtime tinyengine --mode tinyops
check to-reference 0 "tflm-reference runs the TFLM interpreter and TFLM's reference kernels" -- fit mbv3-w0.50-r128 --board f469 --runtime tflm-reference
check to-microtvm 0 "microtvm-cmsis-nn runs microTVM's AOT executor and the CMSIS-NN kernels" -- fit mbv3-w0.50-r128 --board f469 --runtime microtvm-cmsis-nn
check to-partition 4 "does not fit: $TO_WHY" -- partition mbv3-w0.50-r128 --board f469 --runtime tinyengine
check to-plot-budget 4 "no budget: $TO_WHY" -- plot budget mbv3-w0.50-r128 --board f469 --runtime tinyengine --out $TMP/to-plot
# deploy without --mode takes a mode that fits (external: internal flash is too small).
check to-deploy 0 "deploying in 'external'.*tinyops does not fit" -- deploy mbv3-w0.50-r128 --board f469 --runtime tinyengine --out $TMP/to-fw
check to-deploy-tinyops 0 "^wrote dse_model_config.h" -- deploy mbv3-w0.50-r128 --board f469 --runtime tinyengine --mode tinyops --out $TMP/to-fw2
expect to-deploy-header-file grep -q "$TO_WHY" "$TMP/to-fw2/dse_model_config.h"
# The sweep: no TinyOps design, and the summary says why.
check to-sweep 0 "tinyops +none feasible \(every design: $TO_WHY\)" -- sweep --board f469 --runtime tinyengine --db $TMP/to.sqlite
# Its TinyOps front is empty for that reason: exit 4 saying so (it printed an empty front).
check to-pareto-space 4 "no tinyops design fits f469: $TO_WHY" -- --quiet pareto --board f469 --space tinyops --db $TMP/to.sqlite
check to-runtimes-list 0 "^ +interpreter tinyengine, kernels tinyengine$" -- runtimes list
check to-runtimes-list-default 0 "^ +interpreter tflm, kernels cmsis-nn$" -- runtimes list
expect to-runtimes-list-width bash -c "! '$DSE' runtimes list | awk '/ interpreter / && length > 100' | grep -q ."

# A runtime file of one's own: TFLM + CMSIS-NN runs TinyOps; a missing or misspelt name is a
# file:line error naming the valid ones.
mkdir -p "$TMP/dd-to/data/runtimes"
ln -s "$PWD/searchspaces" "$PWD/hwprofiles" "$TMP/dd-to/"
for d in latency tinyops power accuracy models; do ln -s "$PWD/data/$d" "$TMP/dd-to/data/$d"; done
sed -e 's/^id = .*/id = "my-tflm"/' -e 's/^interpreter = .*/interpreter = "tflm"/' \
  -e 's/^kernels = .*/kernels = "cmsis-nn"/' data/runtimes/onnc.toml > "$TMP/dd-to/data/runtimes/my-tflm.toml"
check to-user-tflm 0 "^tinyops +yes " -- --data-dir "$TMP/dd-to" fit mbv3-w0.50-r128 --board f469 --runtime my-tflm
sed -e '/^interpreter = /d' data/runtimes/onnc.toml > "$TMP/dd-to/data/runtimes/my-tflm.toml"
sed -i -e 's/^id = .*/id = "my-tflm"/' "$TMP/dd-to/data/runtimes/my-tflm.toml"
check to-user-missing 2 "my-tflm.toml:1: missing key 'interpreter' \(what runs the graph, one of: tflm, tinyengine, " -- --data-dir "$TMP/dd-to" runtimes list
sed -e 's/^id = .*/id = "my-tflm"/' -e 's/^kernels = .*/kernels = "cmsis_nn"/' data/runtimes/onnc.toml > "$TMP/dd-to/data/runtimes/my-tflm.toml"
check to-user-unknown 2 "my-tflm.toml:[0-9]+: 'kernels' = 'cmsis_nn' is not one of: cmsis-nn, .* \(did you mean 'cmsis-nn'\?\)" -- --data-dir "$TMP/dd-to" runtimes list
check to-plot-ops 0 "note: mbv3-w0.50-r128 does not fit f469 in tinyops mode \($TO_WHY\); no latency bar" -- plot ops mbv3-w0.50-r128 --board f469 --runtime tinyengine --out $TMP/to-plot

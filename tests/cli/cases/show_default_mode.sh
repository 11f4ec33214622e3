# show and analyze without --mode under a runtime that cannot run the board's default mode
# (TinyOps needs TFLM + CMSIS-NN): the mode `dse deploy` picks (deploy::ChoosePredictionMode),
# said in a note; --mode tinyops keeps the prediction "as if it could" with its note; the
# default runtime keeps tinyops. Sourced by tests/cli/run.sh.

SD_WHY="runtime: TinyOps patches the TFLM interpreter and the CMSIS-NN kernels; tinyengine runs TinyEngine's generated code and TinyEngine's kernels"
# mbv3-w0.50-r128 on the F469 under TinyEngine: internal flash is too small (1447229 B needed,
# 1048576 B there), so external, as to-deploy in runtime_tinyops.sh picks.
check sd-show 0 "^  latency on f469 \(external\) +985\.[0-9] ms predicted" -- show mbv3-w0.50-r128 --board f469 --runtime tinyengine
check sd-show-note 0 "^note: --mode not given: the tinyops mode cannot run \($SD_WHY\), so latency is in 'external', the feasible mode of lowest predicted latency, as 'dse deploy' picks \(internal does not fit, external 985\.[0-9] ms, tinyops does not fit" -- show mbv3-w0.50-r128 --board f469 --runtime tinyengine
check sd-show-json 0 '"mode": "external"' -- show mbv3-w0.50-r128 --board f469 --runtime tinyengine --json
expect sd-show-no-asif bash -c "! '$DSE' show mbv3-w0.50-r128 --board f469 --runtime tinyengine 2>&1 | grep -q 'cannot run in the tinyops mode'"
# An explicit --mode tinyops: predicted as if it could run, said.
check sd-show-explicit 0 "^  latency on f469 \(tinyops\) +605\.[0-9] ms predicted" -- show mbv3-w0.50-r128 --board f469 --runtime tinyengine --mode tinyops
check sd-show-explicit-note 0 "note: mbv3-w0.50-r128 cannot run in the tinyops mode \($SD_WHY\); latency is predicted as if it could" -- show mbv3-w0.50-r128 --board f469 --runtime tinyengine --mode tinyops
# The default runtime: tinyops, no note about the choice.
check sd-show-default 0 "^  latency on f469 \(tinyops\) " -- show mbv3-w0.50-r128 --board f469
expect sd-show-default-quiet bash -c "! '$DSE' show mbv3-w0.50-r128 --board f469 2>&1 | grep -q 'mode not given'"
# A design that fits no mode: the default stands, predicted as if it could run, said twice.
check sd-show-nowhere 0 "^note: --mode not given: mbv3-w2.00-r224 fits f469 in no mode \(internal does not fit, external does not fit, tinyops does not fit" -- show mbv3-w2.00-r224 --board f469 --runtime tinyengine
check sd-show-nowhere-mode 0 "^  latency on f469 \(tinyops\) " -- show mbv3-w2.00-r224 --board f469 --runtime tinyengine
# analyze reads the same rule: the imported ProxylessNAS fits internal memory under TinyEngine.
check sd-analyze 0 "^  latency on f469 \(internal\) " -- analyze tests/data/proxyless-w0.30-r144_int8.tflite --board f469 --runtime tinyengine
check sd-analyze-note 0 "so latency is in 'internal', the feasible mode of lowest predicted latency" -- analyze tests/data/proxyless-w0.30-r144_int8.tflite --board f469 --runtime tinyengine
check sd-analyze-default 0 "^  latency on f469 \(tinyops\) " -- analyze tests/data/proxyless-w0.30-r144_int8.tflite --board f469

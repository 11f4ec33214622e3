# Cases for the built-in MLPerf Tiny board profiles, profile checks, data-file runtimes and the
# public measurements (issue 13). Sourced by tests/cli/run.sh.

for b in l4r5 h7a3 u575 u585 u385 g0b1 psoc62 m467 ra6m4 nrf5340; do
  check board-$b 0 "^$b " -- boards list
done
check board-g0b1-core 0 "cortex-m0plus" -- boards show g0b1

# Profile checks: file:line, exit 2, the nearest valid value.
mkprofile() {  # mkprofile NAME SED-EXPRESSION: a copy of l4r5.toml changed by the expression
  sed -e "$2" hwprofiles/l4r5.toml > "$TMP/$1.toml"
}
mkprofile prof-clock 's/^clock_hz = 120_000_000/clock_hz = 120/'
check prof-clock 2 "prof-clock.toml:11:.*'clock_hz' = 120 Hz is implausible.*did you mean 120_000_000\?" -- fit mbv3-w0.50-r112 --board "$TMP/prof-clock.toml"
mkprofile prof-arch 's/^arch = "cortex-m4"/arch = "cortex-m4f"/'
check prof-arch 2 "prof-arch.toml:10:.*unknown core 'cortex-m4f' \(did you mean 'cortex-m4'\?\)" -- fit mbv3-w0.50-r112 --board "$TMP/prof-arch.toml"
mkprofile prof-sram 's/^size_bytes = 655_360/size_bytes = 134_217_728/'
check prof-sram 2 "prof-sram.toml:[0-9]+:.*'size_bytes' = 134217728 is implausible for internal SRAM \(1024 to 67108864 B\)" -- fit mbv3-w0.50-r112 --board "$TMP/prof-sram.toml"
mkprofile prof-cache 's/^icache_bytes = 1024/icache_bytes = 1_048_576/'
check prof-cache 2 "prof-cache.toml:12:.*more than 64 KiB" -- fit mbv3-w0.50-r112 --board "$TMP/prof-cache.toml"

# Data-file runtimes: listed with their source and fitted rows, usable with --runtime.
check runtimes-list-data 0 "^x-cube-ai-7.3 +STMicroelectronics X-CUBE-AI 7.3" -- runtimes list
check runtimes-list-fitted 0 "fitted to [0-9]+ public rows; MLPerf Tiny v1.0 closed/STMicroelectronics" -- runtimes list
check runtimes-list-json-data 0 '"arena_layout": "tinyengine"' -- runtimes list --json
check runtime-data-show 0 "latency on h7a3" -- show mbv3-w0.50-r112 --board h7a3 --runtime x-cube-ai-7.3
check runtimes-fit-builtin 2 "runtime 'tflm-cmsis-nn' is not described by a data file" -- runtimes fit --data data/latency/public/latency.csv --runtime tflm-cmsis-nn
check runtimes-fit-stdout 0 "^conv1x1 = [0-9.]+$" -- runtimes fit --data data/latency/public/latency.csv --runtime onnc
check runtimes-fit-out 0 "wrote .*onnc.toml: --runtime onnc reads it" -- runtimes fit --data data/latency/public/latency.csv --runtime onnc --out $TMP/onnc.toml
check runtimes-lobo 0 "^x-cube-ai-7.3 +h7a3 +4 " -- runtimes lobo --data data/latency/paper.csv --data data/latency/public/latency.csv
# The paper's calibration is unchanged by the public rows (they live in a subfolder).
check calibrate-paper-lobo 0 "all +22 " -- calibrate --no-write

# A broken runtime file in the data directory: file:line, exit 2, before any command runs.
mkdir -p "$TMP/dd-rt/data"
ln -s "$PWD/searchspaces" "$PWD/hwprofiles" "$TMP/dd-rt/"
for d in latency tinyops power accuracy models; do ln -s "$PWD/data/$d" "$TMP/dd-rt/data/$d"; done
mkdir -p "$TMP/dd-rt/data/runtimes"
sed -e 's/^depthwise = .*/depthwise = 0/' data/runtimes/onnc.toml > "$TMP/dd-rt/data/runtimes/onnc.toml"
check runtime-file-bad 2 "onnc.toml:[0-9]+:.*depthwise" -- --data-dir "$TMP/dd-rt" runtimes list
sed -e 's/^id = .*/id = "onnc2"/' data/runtimes/onnc.toml > "$TMP/dd-rt/data/runtimes/onnc.toml"
check runtime-file-name 2 "onnc.toml:1: the file of runtime 'onnc2' must be named onnc2.toml" -- --data-dir "$TMP/dd-rt" runtimes list
# A [prior] naming an unknown op group, or a non-positive prior factor: file:line, the groups.
awk '/^\[prior\]/ { p = 1 } p && /^depthwise/ { sub(/^depthwise/, "dw") } { print }' \
  data/runtimes/onnc.toml > "$TMP/dd-rt/data/runtimes/onnc.toml"
check runtime-prior-group 2 "onnc.toml:[0-9]+: unknown key 'dw' in \\[prior\\] \\(op groups: conv1x1, conv, depthwise" -- --data-dir "$TMP/dd-rt" runtimes list
awk '/^\[prior\]/ { p = 1 } p && /^conv =/ { $0 = "conv = -1" } { print }' \
  data/runtimes/onnc.toml > "$TMP/dd-rt/data/runtimes/onnc.toml"
check runtime-prior-factor 2 "onnc.toml:[0-9]+: 'conv' = -1 is out of range: must be between 0.001 and 100" -- --data-dir "$TMP/dd-rt" runtimes list

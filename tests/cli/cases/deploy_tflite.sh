# Cases for a user's own .tflite through `dse fit`, `dse partition` and `dse deploy`, and for
# deploy's default mode (issue 14: the memory and firmware commands take a model file wherever
# they take a variant). Sourced by tests/cli/run.sh; $TMP is scratch. Models: tests/data/README.md.
VWW=tests/data/mlperf-tiny-vww-mobilenetv1-0.25-r96_int8.tflite
R144=tests/data/proxyless-w0.30-r144_int8.tflite

# MLPerf Tiny VWW on the F469: TFLM arena head 73,728 B (tests/placement/sram_layout_test.cpp,
# the greedy planner's result); flash = the file, 333,288 B (ls -l), + the runtime code 102,400 B
# (hwprofiles/f469.toml [flash] reserved_bytes) = 435,688 B.
check fit-tflite-arena 0 "SRAM by the tflm layout: arena 73728 B" -- fit $VWW --board f469
check fit-tflite-flash 0 "^internal +yes +[0-9]+ +435688 " -- fit $VWW --board f469
check fit-tflite-file 0 "flash: model 333288 B \(the .tflite file: " -- fit $VWW --board f469
check fit-tflite-json 0 '"mode": "tinyops"' -- fit $VWW --board f469 --json
check fit-tflite-map 0 "flash +0x08019000 0x0806a5e8 +333288  model \(the .tflite file" -- fit $VWW --board f469 --mode internal --map
# The firmware's plan of the r144 file (tinyops.md §1.6: PF 3, S = 50,112 B at 258,000 B), as
# `dse partition proxyless-w0.30-r144` and `dse analyze` give it.
check partition-tflite-pf 0 "partition factor +3" -- partition $R144 --board f469 --budget 258000
check partition-tflite-s 0 "largest input part S  50112 B" -- partition $R144 --board f469 --budget 258000
check partition-tflite-no-ram 2 "TinyOps needs external RAM: board 'h7a3' has none" -- partition $VWW --board h7a3

# deploy FILE.tflite: the F4 header's entry for r144 is PARTITION_FACTOR 3, TENSOR_BUFFER 50112.
check deploy-tflite-tinyops 0 "wrote dse_model_config.h" -- deploy $R144 --board f469 --mode tinyops --budget 258000 --out $TMP/tfl-tinyops
if grep -qE "#define PARTITION_FACTOR +3 " $TMP/tfl-tinyops/dse_model_config.h \
   && grep -qE "#define TENSOR_BUFFER_SIZE +50112 " $TMP/tfl-tinyops/dse_model_config.h; then
  passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL deploy-tflite-tinyops header" >&2; fi
# No --mode: internal fits VWW on the F469 and no mode is predicted faster (reorder runs the same
# ops: a tie, broken by registry order), so internal is chosen and said. The header: the arena
# the fit prints (73,728 B head + the persistent tail) and the file's 333,288 B in flash.
check deploy-tflite-default 0 "--mode not given: deploying in 'internal', the feasible mode of lowest predicted latency" -- deploy $VWW --board f469 --out $TMP/tfl-fw
arena_b=$("$DSE" fit $VWW --board f469 | sed -n 's/.*arena 73728 B + scratch 0 B + persistent \([0-9]*\) B.*/\1/p')
if grep -qE "#define TENSOR_ARENA_SIZE +$((73728 + arena_b)) " $TMP/tfl-fw/dse_model_config.h \
   && grep -qE "#define DSE_MODEL_FLASH_BYTES +333288 " $TMP/tfl-fw/dse_model_config.h \
   && grep -q "mode internal" $TMP/tfl-fw/dse_model_config.h; then
  passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL deploy-tflite-default header" >&2; fi
# mcunet-in4 fits the L552 (256 KiB, no external RAM) in no mode: exit 4, nothing written.
check deploy-default-none-fits 4 "mcunet-in4 does not fit l552 in any mode \(internal does not fit" -- deploy mcunet-in4 --board l552 --out $TMP/tfl-none
# --split/--patches without --mode: only the patch mode takes them, so it is the one candidate.
check deploy-default-patch 0 "deploying in 'patch', .*\): patch [0-9.]+ ms$" -- deploy $VWW --board f469 --split 3 --patches 2 --out $TMP/tfl-patch

# Bad files: "file: what is wrong", exit 2, nothing written (no DIR left behind).
check deploy-tflite-missing 2 "nope.tflite: cannot open the file" -- deploy $TMP/nope.tflite --board f469 --mode internal --out $TMP/tfl-bad
check deploy-tflite-float 2 "one-conv-float32-filter.tflite: op 0 \(CONV_2D\): filter tensor 'filter' is float32" -- deploy tests/data/bad/one-conv-float32-filter.tflite --board f469 --out $TMP/tfl-bad
check fit-tflite-not-tflite 2 "rel_truncated.tflite: " -- fit tests/cli/data/rel_truncated.tflite --board f469
check partition-tflite-empty 2 "rel_empty.tflite: " -- partition tests/cli/data/rel_empty.tflite --board f469
check fit-unknown-variant-hint 2 "unknown variant 'my_model': .*; a model file is given as FILE.tflite" -- fit my_model --board f469
if [ ! -e $TMP/tfl-bad ] && [ ! -e $TMP/tfl-none ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL deploy wrote on bad input" >&2; fi
# A write that fails part-way leaves the directory as it was: dse_memory.ld is a directory here,
# so the set cannot be moved in; the user's file stays, no staging directory is left.
mkdir -p $TMP/tfl-busy/dse_memory.ld/x && echo mine > $TMP/tfl-busy/keep.txt
check deploy-partial-write 2 "tfl-busy/dse_memory.ld: cannot write the dse_memory.ld" -- deploy $VWW --board f469 --mode internal --out $TMP/tfl-busy
if [ "$(ls -A $TMP/tfl-busy | sort | tr '\n' ' ')" = "dse_memory.ld keep.txt " ]; then
  passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL deploy-partial-write left: $(ls -A $TMP/tfl-busy)" >&2; fi

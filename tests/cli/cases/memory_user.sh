# Cases of a new user's session on the memory side (issue 14): boards, maps, modes, fronts,
# the fairness table and the training export. Sourced by tests/cli/run.sh after
# run.sh (its `check` and `expect`); $TMP is scratch.

# boards list stays within 100 columns (psoc62's title is 58 characters): the board column is
# the title up to its chip; a whole-GiB memory prints in GiB (l552's 32,768 MiB SD card).
expect mu-boards-list-width test "$("$DSE" boards list | awk '{ if (length($0) > m) m = length($0) } END { print m }')" -le 100
check mu-boards-list-short-title 0 "^psoc62  CY8CPROTO-062-4343W cortex-m4 +150 MHz" -- boards list
check mu-boards-list-gib 0 "^l552 .* sram 2 MiB, sdcard 32 GiB$" -- boards list

# boards show lists the [memory] regions: h743's seven RAMs sum to 1,081,344 B
# (hwprofiles/h743.toml [memory] sram_total_bytes), DTCM at 0x20000000 without DMA.
check mu-show-regions-total 0 "^  internal RAM   1081344 B in 7 regions" -- boards show h743
check mu-show-region-dtcm 0 "^  RAM region     dtcm \(dtcm\): 131072 B at 0x20000000, no DMA$" -- boards show h743

# fit says what its first figure is: flash_bytes (weights + biases + requantisation), not weights.
check mu-fit-flash-data 0 "^  weights \+ biases \+ requantisation 817296 B$" -- fit mcunet-in3 --board h743

# The map places what fit counts: mcunet-in3 on h743 internally (tflm layout), the model as
# deployed in flash (987,777 B: 817,296 B of data + 170,481 B of estimated flatbuffer, as
# `fit` says) and the arena's persistent tail (73,136 B) after its head (371,712 B).
check mu-map-model 0 "^flash +0x08019000 0x0810a281 +987777  model \(817296 B of weights, biases and requantisation \+ 170481 B of flatbuffer, estimated\)$" -- fit mcunet-in3 --board h743 --mode internal --map
check mu-map-tail 0 "^axi_sram +0x2405ac00 0x2406c9b0 +73136  persistent data \(arena tail" -- fit mcunet-in3 --board h743 --mode internal --map

# --modes all (or --mode all) sweeps the three default modes and the three opt-in schedules; an
# unknown mode names both lists.
check mu-sweep-all-modes 0 "^run 1 in .*: 1 variant x 1 board, 6 evaluations" -- --quiet sweep --board f469 --spaces mcunet-in1 --mode all --db $TMP/mu_all.sqlite
check mu-unknown-mode 2 "unknown deployment mode 'al' \(modes: internal, external, tinyops; opt-in: patch, reorder, pex\)" -- sweep --board f469 --modes al --db $TMP/mu_bad.sqlite

# A chain reordered is the chain: the all-modes front lists each design once (mbv3 under
# internal and reorder ties on every point), by the registry's first mode.
"$DSE" --quiet sweep --board f469 --spaces mbv3 --modes internal,reorder --db $TMP/mu_front.sqlite >$TMP/mu_front.txt 2>&1
expect mu-front-no-twin test "$(sed -n '/Pareto front/,$p' $TMP/mu_front.txt | awk 'NR > 1 {print $1}' | sort | uniq -d | wc -l)" -eq 0
expect mu-front-internal test "$(sed -n '/Pareto front/,$p' $TMP/mu_front.txt | grep -c ' reorder ')" -eq 0

# export-training's manifest says where each row comes from: the run, its database, the dse
# that wrote it (as `dse --version` prints it), the runtime and each figure's provenance.
"$DSE" export-training --run 1 --db $TMP/mu_front.sqlite --format gnu-parallel --command 'train {config}' --out $TMP/mu_train >/dev/null 2>&1
expect mu-manifest-header test "$(head -1 $TMP/mu_train/manifest.csv)" = "variant,space,width,resolution,macs,params,top1,latency_ms,board,mode,config,run_id,database,run_started_at,dse_version,git_revision,runtime,top1_provenance,latency_provenance"
version=$("$DSE" --version | sed 's/^dse \([^ ]*\) (\(.*\))$/\1,\2/')
expect mu-manifest-provenance grep -q ",1,$TMP/mu_front.sqlite,[0-9T:-]*Z,$version,tflm-cmsis-nn,[a-z]*,calibrated on 9 rows (data/latency/paper.csv)$" $TMP/mu_train/manifest.csv

# reproduce's fairness table takes each layout's best schedule (the patch mode wins under tflm
# on the F469) and places each baseline under every layout and schedule: mcunet-in2 on the
# 256 KiB F469 fits under tinyengine (232,122 B) but under tflm only patch-based inference
# brings its SRAM under 262,144 B (246,264 B), where its flash does not fit.
"$DSE" reproduce >$TMP/mu_reproduce.txt 2>/dev/null
expect mu-fairness-f469 grep -q "^  f469: TinyOps best mbv3-w1.00-r224 73.3 % 6118 ms; beats the best internal (tinyengine layout)$" $TMP/mu_reproduce.txt
expect mu-fairness-schedule grep -q "^    internal, tflm        121 fit; best proxyless-w0.30-r224 (patch) 58.3 % 2496 ms$" $TMP/mu_reproduce.txt
expect mu-fairness-baseline grep -q "^    tflm       internal 428472 B no; patch 246264 B (SRAM fits, flash does not); reorder 428472 B no; pex 300472 B no$" $TMP/mu_reproduce.txt

# fit --mode M reports that mode only (any registered one, opt-in schedules too). mbv3-w0.50-r128
# on the f469: patch needs 1,668,061 B of flash (1,565,661 B model + 102,400 B runtime code)
# against 1,048,576 B, so exit 4 naming the one mode; tinyops fits (the sweep's default mode there).
check mu-fit-one-mode-infeasible 4 "does not fit f469 in patch mode" -- fit mbv3-w0.50-r128 --board f469 --mode patch
check mu-fit-one-mode-flash 4 "internal flash: needs 1668061 B, has 1048576 B" -- fit mbv3-w0.50-r128 --board f469 --mode patch
"$DSE" fit mbv3-w0.50-r128 --board f469 --mode tinyops >$TMP/mu_fit_one.txt 2>&1
expect mu-fit-one-mode-only grep -qE "^tinyops +yes" $TMP/mu_fit_one.txt
expect mu-fit-one-mode-no-other sh -c "! grep -q '^internal ' $TMP/mu_fit_one.txt"

# The map starts each section 32-byte aligned, as the linker fragment's ALIGN(32) does:
# mcunet-in3 under tinyengine on the h743, the model after 37,253 B of runtime code
# (0x08000000 + 37,253 = 0x08009185) starts at 0x080091a0, the next multiple of 32.
check mu-map-aligned 0 "^flash +0x080091a0 0x080d0a30 +817296  model" -- fit mcunet-in3 --board h743 --mode internal --map --runtime tinyengine

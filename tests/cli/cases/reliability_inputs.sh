# Bad input files of every kind (issue 8): space TOML, board TOML, measurement CSV, accuracy
# CSV (import and the published table), results database, .tflite — empty, truncated, binary
# garbage, unknown or duplicated keys, wrong types, out-of-range values. Each must exit 2 with
# a short message naming the file (and line where there is one). Sourced by tests/cli/run.sh.

# Space TOML, given with --space.
bad rel-space-truncated "rel_space_truncated.toml:[0-9]+" -- --space $REL/rel_space_truncated.toml spaces list
bad rel-space-name-type "rel_space_name_type.toml:1: 'name' must be a string" -- --space $REL/rel_space_name_type.toml spaces list
bad rel-space-blocks-type "rel_space_blocks_type.toml:3: .*blocks" -- --space $REL/rel_space_blocks_type.toml spaces list
bad rel-space-unknown-section "rel_space_unknown_section.toml:3: unknown key 'gird' in the space file" -- --space $REL/rel_space_unknown_section.toml spaces list
bad rel-space-dup-table "rel_space_dup_table.toml:5:.*stem" -- --space $REL/rel_space_dup_table.toml spaces list
bad rel-space-dup-name-key "rel_space_dup_name_key.toml:3:.*name" -- --space $REL/rel_space_dup_name_key.toml spaces list
bad rel-space-grid-inverted "rel_space_grid_inverted.toml:[0-9]+: .*width" -- --space $REL/rel_space_grid_inverted.toml spaces list
bad rel-space-res-inverted "rel_space_res_inverted.toml:[0-9]+: .*resolution" -- --space $REL/rel_space_res_inverted.toml spaces list
bad rel-space-negative "rel_space_negative.toml:9: 'stride' = -2 is out of range" -- --space $REL/rel_space_negative.toml spaces list
bad rel-space-overflow "rel_space_overflow.toml:4:" -- --space $REL/rel_space_overflow.toml spaces list
bad rel-space-int-range "rel_space_int_range.toml:4: 'out' = 5e\+09 is out of range: must be between 1 and 4096" -- --space $REL/rel_space_int_range.toml spaces list
bad rel-space-float-for-int "rel_space_float_for_int.toml:4: 'out' must be an integer" -- --space $REL/rel_space_float_for_int.toml spaces list
bad rel-space-string-for-bool "rel_space_string_for_bool.toml:9: 'se' must be true or false" -- --space $REL/rel_space_string_for_bool.toml spaces list
bad rel-space-nan "rel_space_nan.toml:9: 'expand'" -- --space $REL/rel_space_nan.toml spaces list
bad rel-space-no-blocks "rel_space_no_blocks.toml:[0-9]+: .*block" -- --space $REL/rel_space_no_blocks.toml spaces list
bad rel-space-no-stem "rel_space_no_stem.toml:[0-9]+: .*stem" -- --space $REL/rel_space_no_stem.toml spaces list
bad rel-space-nul "rel_space_nul.toml:2:" -- --space $REL/rel_space_nul.toml spaces list
bad rel-space-bad-utf8 "rel_space_bad_utf8.toml:1:" -- --space $REL/rel_space_bad_utf8.toml spaces list
bad rel-space-deep "rel_space_deep.toml:3:" -- --space $REL/rel_space_deep.toml spaces list
bad rel-space-even-kernel "rel_space_even_kernel.toml:[0-9]+: .*kernel" -- --space $REL/rel_space_even_kernel.toml spaces list
bad rel-space-bad-name "rel_space_bad_name.toml:1: 'name' = 'mb v3/x' may hold only letters" -- --space $REL/rel_space_bad_name.toml spaces list
bad rel-space-garbage "rel_garbage.bin:[0-9]+:" -- --space $REL/rel_garbage.bin spaces list
bad rel-space-tflite "proxyless-w0.30-r144_int8.tflite:[0-9]+:" -- --space tests/data/proxyless-w0.30-r144_int8.tflite spaces list
bad rel-space-bad-via-sweep "rel_space_negative.toml:9:" -- --space $REL/rel_space_negative.toml sweep --board f469 --db "$RDB"

# Board TOML, given as --board FILE.toml (boards show, fit, sweep).
bad rel-board-empty "rel_board_empty.toml:1: missing key 'name'" -- boards show $REL/rel_board_empty.toml
bad rel-board-truncated "rel_board_truncated.toml:[0-9]+:" -- boards show $REL/rel_board_truncated.toml
bad rel-board-binary "rel_board_binary.toml:[0-9]+:" -- boards show $REL/rel_board_binary.toml
bad rel-board-unknown-key "rel_board_unknown_key.toml:[0-9]+: unknown key 'clok_hz'.*did you mean 'clock_hz'" -- boards show $REL/rel_board_unknown_key.toml
bad rel-board-dup-key "rel_board_dup_key.toml:[0-9]+:.*reserved_bytes" -- boards show $REL/rel_board_dup_key.toml
bad rel-board-wrong-type "rel_board_wrong_type.toml:[0-9]+: 'clock_hz' must be" -- boards show $REL/rel_board_wrong_type.toml
bad rel-board-negative "rel_board_negative.toml:[0-9]+: 'size_bytes' = -262144 is out of range" -- boards show $REL/rel_board_negative.toml
bad rel-board-reserved "rel_board_reserved_too_big.toml:[0-9]+: .*reserved" -- boards show $REL/rel_board_reserved_too_big.toml
bad rel-board-missing-section "rel_board_missing_tinyops.toml:[0-9]+: .*tinyops" -- boards show $REL/rel_board_missing_tinyops.toml
bad rel-board-bad-kind "rel_board_bad_kind.toml:[0-9]+: 'kind' = 'dram' is not one of" -- boards show $REL/rel_board_bad_kind.toml
bad rel-board-unknown-arch "rel_board_unknown_arch.toml:[0-9]+: unknown core 'cortex-m5' \(did you mean 'cortex-m55'\?\); known cores: cortex-m0plus" -- boards show $REL/rel_board_unknown_arch.toml
bad rel-board-clock-mhz "rel_board_clock_mhz.toml:[0-9]+: 'clock_hz' = 180 Hz is implausible.*did you mean 180_000_000\?" -- fit mbv3-w0.50-r112 --board $REL/rel_board_clock_mhz.toml
bad rel-board-power-table "rel_board_power_table.toml:[0-9]+: \[power\] is no longer part of a board profile.*data/power/measured.csv" -- sweep --board $REL/rel_board_power_table.toml --db "$RDB"
bad rel-board-garbage-fit "unknown board 'tests/cli/data/rel_garbage.bin'.*--board FILE.toml" -- fit mbv3-w0.50-r112 --board $REL/rel_garbage.bin
bad rel-board-truncated-partition "rel_board_truncated.toml:[0-9]+:" -- partition mbv3-w0.50-r112 --board $REL/rel_board_truncated.toml
bad rel-board-bad-via-sweep "rel_board_wrong_type.toml:[0-9]+:" -- sweep --board $REL/rel_board_wrong_type.toml --db "$RDB"
bad rel-board-name-clash-sweep "--board: board 'f746' is given twice" -- sweep --board f746 --board $REL/rel_board_name_clash.toml --spaces mcunet-in3 --db "$RDB"

# Latency measurement CSV (calibrate --data).
for f in empty header_only truncated unknown_board unknown_variant unknown_mode negative nan inf \
         text_number overflow missing_column dup_column dup_board extra_cell short_row open_quote \
         misspelt_column bad_power unit_suffix; do
  bad rel-lat-$f "rel_lat_$f.csv(:[0-9]+)?" -- calibrate --no-write --data $REL/rel_lat_$f.csv
done
bad rel-lat-garbage "rel_garbage.bin" -- calibrate --no-write --data $REL/rel_garbage.bin

# Accuracy import CSV: every bad file imports nothing and leaves the store as it was.
ASTORE=$TMP/rel-acc.sqlite
check rel-acc-store 0 "imported 1 measured" -- accuracy import tests/accuracy/data/good.csv --db "$ASTORE"
cp "$ASTORE" "$ASTORE.ref"
for f in empty truncated text_top1 nan negative bad_precision bad_width extra_cell open_quote \
         dup_column percent empty_variant; do
  bad rel-acc-$f "rel_acc_$f.csv(:[0-9]+)?" -- accuracy import $REL/rel_acc_$f.csv --db "$ASTORE"
done
bad rel-acc-garbage "rel_garbage.bin" -- accuracy import $REL/rel_garbage.bin --db "$ASTORE"
expect rel-acc-store-unchanged cmp -s "$ASTORE" "$ASTORE.ref"
# A store that is itself garbage is refused, not overwritten.
cp $REL/rel_garbage.bin "$TMP/garbage-store.csv"
bad rel-acc-store-garbage "garbage-store.csv" -- accuracy import tests/accuracy/data/good.csv --db "$TMP/garbage-store.csv"
expect rel-acc-store-garbage-unchanged cmp -s "$TMP/garbage-store.csv" $REL/rel_garbage.bin

# The published accuracy table, through a data directory whose copy is broken.
for f in truncated range column; do
  mkdir -p "$TMP/dd-$f/data/accuracy"
  ln -s "$PWD/searchspaces" "$PWD/hwprofiles" "$TMP/dd-$f/"
  ln -s "$PWD/data/latency" "$TMP/dd-$f/data/latency"
  cp data/accuracy/families.toml "$TMP/dd-$f/data/accuracy/"
  cp $REL/rel_published_$f.csv "$TMP/dd-$f/data/accuracy/published.csv"
  bad rel-published-$f "published.csv:[0-9]+" -- --data-dir "$TMP/dd-$f" accuracy fit
done

# Results databases given to pareto (read) and sweep (write): refused, never modified.
cp $REL/rel_empty.sqlite "$TMP/empty.sqlite"
bad rel-db-empty-pareto "empty.sqlite" -- pareto --board f469 --db "$TMP/empty.sqlite"
expect rel-db-empty-unchanged test ! -s "$TMP/empty.sqlite"
head -c 8192 "$RDB" > "$TMP/truncated.sqlite"
cp "$TMP/truncated.sqlite" "$TMP/truncated.ref"
bad rel-db-truncated-pareto "truncated.sqlite" -- pareto --board f469 --db "$TMP/truncated.sqlite"
bad rel-db-truncated-sweep "truncated.sqlite" -- sweep --board f469 --spaces mcunet-in3 --db "$TMP/truncated.sqlite"
expect rel-db-truncated-unchanged cmp -s "$TMP/truncated.sqlite" "$TMP/truncated.ref"
cp $REL/rel_garbage.bin "$TMP/garbage.sqlite"
bad rel-db-garbage-pareto "garbage.sqlite: not a dse results database" -- pareto --board f469 --db "$TMP/garbage.sqlite"
bad rel-db-garbage-sweep "garbage.sqlite: not a dse results database" -- sweep --board f469 --spaces mcunet-in3 --db "$TMP/garbage.sqlite"
expect rel-db-garbage-unchanged cmp -s "$TMP/garbage.sqlite" $REL/rel_garbage.bin
cp "$RDB" "$TMP/old.sqlite"
sqlite3 "$TMP/old.sqlite" "PRAGMA user_version=0;"
cp "$TMP/old.sqlite" "$TMP/old.ref"
bad rel-db-old-schema "old.sqlite: schema version 0" -- sweep --board f469 --spaces mcunet-in3 --db "$TMP/old.sqlite"
expect rel-db-old-unchanged cmp -s "$TMP/old.sqlite" "$TMP/old.ref"
cp "$RDB" "$TMP/newer.sqlite"
sqlite3 "$TMP/newer.sqlite" "PRAGMA user_version=4;"
cp "$TMP/newer.sqlite" "$TMP/newer.ref"
bad rel-db-newer-pareto "newer.sqlite: written by a newer dse \(schema version 4; this build reads up to 3\)" -- pareto --board f469 --db "$TMP/newer.sqlite"
expect rel-db-newer-unchanged cmp -s "$TMP/newer.sqlite" "$TMP/newer.ref"
sqlite3 "$TMP/tables.sqlite" "CREATE TABLE run(x); PRAGMA application_id=1146307889; PRAGMA user_version=1;"
# Stamped as ours but without the tables: a runtime failure (exit 1) naming the file.
check rel-db-wrong-tables 1 "tables.sqlite: no such table" -- pareto --board f469 --db "$TMP/tables.sqlite"
bad rel-db-tflite "proxyless-w0.30-r144_int8.tflite: not a dse results database" -- pareto --board f469 --db tests/data/proxyless-w0.30-r144_int8.tflite

# .tflite given to analyze.
bad rel-tflite-empty "rel_empty.tflite" -- analyze $REL/rel_empty.tflite
bad rel-tflite-truncated "rel_truncated.tflite" -- analyze $REL/rel_truncated.tflite
bad rel-tflite-garbage "rel_garbage.bin" -- analyze $REL/rel_garbage.bin
bad rel-tflite-toml "mbv3.toml" -- analyze searchspaces/mbv3.toml
bad rel-tflite-sqlite "rel.sqlite" -- analyze "$RDB"
head -c 40000 tests/data/mlperf-tiny-kws-dscnn_int8.tflite > "$TMP/kws-cut.tflite"
bad rel-tflite-cut-weights "kws-cut.tflite" -- analyze "$TMP/kws-cut.tflite"
cp tests/data/mlperf-tiny-kws-dscnn_int8.tflite "$TMP/kws-flip.tflite"
printf '\xff\xff\xff\x7f' | dd of="$TMP/kws-flip.tflite" bs=1 seek=0 conv=notrunc status=none
bad rel-tflite-bad-root "kws-flip.tflite" -- analyze "$TMP/kws-flip.tflite"
cp tests/data/mlperf-tiny-kws-dscnn_int8.tflite "$TMP/kws-ident.tflite"
printf 'XXXX' | dd of="$TMP/kws-ident.tflite" bs=1 seek=4 conv=notrunc status=none
bad rel-tflite-bad-identifier "kws-ident.tflite" -- analyze "$TMP/kws-ident.tflite"

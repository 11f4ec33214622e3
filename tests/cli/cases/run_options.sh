# The options that change a run's figures without changing its inputs (--tinyops-config,
# --no-filter-growth) are columns of the run (runs.tinyops_config, runs.filter_growth), shown
# in the sweep and search summaries, NULL in runs written before them, and said when a resumed
# or merged run was made with other ones. Sourced by tests/cli/run.sh.

RO="$TMP/ro"
mkdir -p "$RO"
# One fixed net (mcunet-in0), one mode: a one-variant sweep.
check ro-sweep-text 0 "^  options: --tinyops-config firmware, filter growth off$" -- -q --tinyops-config firmware sweep --board f469 --spaces mcunet-in0 --modes tinyops --no-filter-growth --db "$RO/a.sqlite"
expect ro-sweep-column test "$(sqlite3 "$RO/a.sqlite" "SELECT tinyops_config || '|' || filter_growth FROM runs")" = "firmware|0"
check ro-sweep-default 0 "^  options: --tinyops-config fastest, filter growth on$" -- -q sweep --board f469 --spaces mcunet-in0 --modes tinyops --db "$RO/b.sqlite"
expect ro-sweep-default-column test "$(sqlite3 "$RO/b.sqlite" "SELECT tinyops_config || '|' || filter_growth FROM runs")" = "fastest|1"
check ro-sweep-json 0 '"tinyops_config": "firmware"' -- -q sweep --board f469 --spaces mcunet-in0 --modes tinyops --tinyops-config firmware --db "$RO/json.sqlite" --json
check ro-sweep-json-growth 0 '"filter_growth": false' -- -q sweep --board f469 --spaces mcunet-in0 --modes tinyops --no-filter-growth --db "$RO/json.sqlite" --json

# A file written before the columns existed (dropped here) gets them on open; its runs read NULL
# (not recorded), the new run its options.
cp "$RO/b.sqlite" "$RO/old.sqlite"
sqlite3 "$RO/old.sqlite" "ALTER TABLE runs DROP COLUMN tinyops_config; ALTER TABLE runs DROP COLUMN filter_growth"
check ro-old-opened 0 "^run 2 in " -- -q sweep --board f469 --spaces mcunet-in0 --modes tinyops --db "$RO/old.sqlite"
expect ro-old-null test "$(sqlite3 "$RO/old.sqlite" "SELECT id || ':' || ifnull(tinyops_config, 'NULL') || ':' || ifnull(filter_growth, 'NULL') FROM runs ORDER BY id" | tr '\n' ' ')" = "1:NULL:NULL 2:fastest:1 "

# Merging runs made with different options says so (on stderr); runs of equal options do not.
check ro-merge-note 0 "^note: the runs were made with different options, which change their figures: run 1: --tinyops-config firmware, filter growth off; run 2: --tinyops-config fastest, filter growth on$" -- db merge "$RO/a.sqlite" "$RO/b.sqlite" --out "$RO/merged.sqlite"
expect ro-merge-columns test "$(sqlite3 "$RO/merged.sqlite" "SELECT tinyops_config || '|' || filter_growth FROM runs ORDER BY id" | tr '\n' ' ')" = "firmware|0 fastest|1 "
expect ro-merge-same bash -c "! '$DSE' db merge '$RO/b.sqlite' '$RO/old.sqlite' --out '$RO/merged2.sqlite' 2>&1 | grep -q 'different options'"

# search honours --tinyops-config (it searched with the default, whatever was given) and records
# it; --resume of a run made with other options says so.
check ro-search 0 "^  options: --tinyops-config firmware, filter growth on$" -- -q --tinyops-config firmware search --board f469 --space mbv3 --mode tinyops --evaluations 20 --threads 2 --db "$RO/s.sqlite"
expect ro-search-column test "$(sqlite3 "$RO/s.sqlite" "SELECT tinyops_config FROM runs")" = "firmware"
check ro-search-json 0 '"tinyops_config": "firmware"' -- -q --tinyops-config firmware search --board f469 --space mbv3 --mode tinyops --evaluations 20 --threads 2 --db "$RO/s.sqlite" --json
check ro-resume-note 0 "^note: run 1 was made with --tinyops-config firmware, filter growth on; this search runs with --tinyops-config fastest, filter growth on: its designs are re-evaluated with this search's options" -- search --board f469 --space mbv3 --mode tinyops --evaluations 10 --threads 2 --resume 1 --db "$RO/s.sqlite"
expect ro-resume-same bash -c "! '$DSE' --tinyops-config firmware search --board f469 --space mbv3 --mode tinyops --evaluations 10 --threads 2 --resume 1 --db '$RO/s.sqlite' 2>&1 | grep -q 'was made with'"

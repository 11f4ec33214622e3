# The results database's schema version 2 (sourced by tests/cli/run.sh; $TMP is scratch).
# tests/data/schema_v1.sqlite is a version-1 file written by main at commit 60cd0ef (see
# tests/data/README.md); every case works on a copy.
V1=tests/data/schema_v1.sqlite

# A version-1 file opens, migrates, and answers as before: the front below is what the dse of
# commit 60cd0ef printed for this file (`dse pareto --board f469 --csv`) before the migration
# (the x column named by its field, latency_ms, since issue 16; the values unchanged).
cp $V1 $TMP/v1.sqlite
out=$("$DSE" pareto --board f469 --csv --db $TMP/v1.sqlite 2>/dev/null | grep -v "^#")  # the data rows; the # provenance lines follow the run
want='variant,mode,latency_ms,top1
mcunet-in0,internal,214.286,41.8199
mcunet-in1,internal,424.586,48.2248
mcunet-mbv2-w0.35-r144,tinyops,876.341,51.6770
mcunet-in2,tinyops,3235.59,61.0401
mcunet-in3,tinyops,3919.73,62.2482'
if [ "$out" = "$want" ]; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL migrate-v1-pareto: got: $out" >&2
fi
# Counts from sqlite3 on the committed file; every row gains the runtime tflm-cmsis-nn.
got=$(sqlite3 $TMP/v1.sqlite "PRAGMA user_version; SELECT count(*) FROM runs;
  SELECT count(*) FROM evaluations WHERE runtime = 'tflm-cmsis-nn';
  SELECT count(*) FROM pareto WHERE runtime = 'tflm-cmsis-nn';
  SELECT count(*) FROM op_costs WHERE runtime = 'tflm-cmsis-nn'" | tr '\n' ' ')
if [ "$got" = "3 2 45 58 882 " ]; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL migrate-v1-rows: version, runs, rows: $got (want 3 2 45 58 882)" >&2
fi
check migrate-v1-then-sweep 0 "run 3 in $TMP/v1.sqlite" -- --quiet sweep --board f469 --spaces mcunet-in0 --db $TMP/v1.sqlite

# A file of a newer schema is refused, exit 2, byte-for-byte untouched.
cp $V1 $TMP/v3.sqlite
sqlite3 $TMP/v3.sqlite "PRAGMA user_version=4;"
cp $TMP/v3.sqlite $TMP/v3.ref
check migrate-newer-refused 2 "v3.sqlite: written by a newer dse \(schema version 4; this build reads up to 3\); refusing to touch it" -- pareto --board f469 --db $TMP/v3.sqlite
if cmp -s $TMP/v3.sqlite $TMP/v3.ref; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL migrate-newer-untouched: the file changed" >&2
fi

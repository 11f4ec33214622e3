# Accuracy imports without a data row (a header alone, comments alone): refused with exit 2 and
# the whole message, the store and the reference database left byte-for-byte as they were, and
# no store created where there was none. Sourced by tests/cli/run.sh after
# reliability_0_common.sh (bad, expect, $RDB).

NSTORE=$TMP/no-rows-store.csv
check no-rows-store 0 "imported 1 measured" -- accuracy import tests/accuracy/data/good.csv --db "$NSTORE"
cp "$NSTORE" "$NSTORE.ref"

# exact_error NAME FILE WANT: `dse accuracy import FILE` into $NSTORE prints exactly WANT.
exact_error() {
  local name=$1 file=$2 want=$3 got
  got=$("$DSE" accuracy import "$file" --db "$NSTORE" 2>&1)
  if [ "$got" = "$want" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    printf 'FAIL %s: want\n%s\ngot\n%s\n' "$name" "$want" "$got" >&2
  fi
}

for f in rel_acc_header_only acc_header_comments acc_comments_only; do
  bad no-rows-$f "$f.csv:[0-9]+: no (data rows|header line)" -- accuracy import $REL/$f.csv --db "$NSTORE"
done
exact_error no-rows-header-only-text $REL/rel_acc_header_only.csv \
"dse: error: $REL/rel_acc_header_only.csv:1: no data rows (only a header): nothing to import
    variant,top1,precision
    ^"
exact_error no-rows-header-comments-text $REL/acc_header_comments.csv \
"dse: error: $REL/acc_header_comments.csv:4: no data rows (only a header): nothing to import
    variant,top1,precision,source
    ^"
exact_error no-rows-comments-only-text $REL/acc_comments_only.csv \
"dse: error: $REL/acc_comments_only.csv:1: no header line: the file holds only comments and blank lines
    # Measured top-1 of our own training runs.
    ^"
expect no-rows-store-unchanged cmp -s "$NSTORE" "$NSTORE.ref"
# Into a store that does not exist yet: refused, and no store appears.
bad no-rows-new-store "rel_acc_header_only.csv:1: no data rows" -- accuracy import $REL/rel_acc_header_only.csv --db "$TMP/no-rows-new/acc.csv"
expect no-rows-new-store-absent test ! -e "$TMP/no-rows-new/acc.csv"

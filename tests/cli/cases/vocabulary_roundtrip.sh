# Issue 16, finding 6: `boards show --json` turns back into a profile (sourced by
# tests/cli/run.sh; $DSE, $TMP, check).

# same NAME FILE_A FILE_B: the two files are byte-identical.
same() {
  if cmp -s "$2" "$3"; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL $1: $2 and $3 differ:" >&2; diff "$2" "$3" | head -12 >&2; fi
}

# show --json -> (boards show FILE.json --toml) -> a profile -> show --json: the same board,
# every field ('file' aside: it names the profile read). h743 carries [memory] regions.
BR=$TMP/board_roundtrip
mkdir -p $BR
for b in f469 f746 h743; do
  "$DSE" boards show $b --json >$BR/$b.json
  check "board-toml-$b" 0 "" -- boards show $BR/$b.json --toml
  "$DSE" boards show $BR/$b.json --toml >$BR/$b.toml
  "$DSE" boards show $BR/$b.toml --json | grep -v '"file":' >$BR/$b.again.json
  grep -v '"file":' $BR/$b.json >$BR/$b.expected.json
  same "board-roundtrip-$b" $BR/$b.expected.json $BR/$b.again.json
  # The profile written from the name equals the one written from the JSON document.
  "$DSE" boards show $b --toml >$BR/$b.direct.toml
  same "board-toml-direct-$b" $BR/$b.toml $BR/$b.direct.toml
done
check board-roundtrip-regions 0 '"start_address": 805306368$' -- boards show $BR/h743.toml --json
# The profile loads where --board takes one: the same fit as the built-in board.
"$DSE" fit mcunet-in0 --board f746 >$BR/fit.builtin 2>&1
"$DSE" fit mcunet-in0 --board $BR/f746.toml >$BR/fit.profile 2>&1
same board-roundtrip-fit $BR/fit.builtin $BR/fit.profile
# Bad input: exit 2, the file named.
printf '{"name": 1\n' >$BR/broken.json
check board-json-broken 2 "^dse: error: $BR/broken.json:2: not JSON \(" -- boards show $BR/broken.json --toml
printf '{"name": "x"}\n' >$BR/notboard.json
check board-json-not-board 2 "^dse: error: $BR/notboard.json: not a board document of 'dse boards show --json' \(no 'core'\)$" \
  -- boards show $BR/notboard.json --toml
sed 's/"clock_hz": 216000000/"clock_hz": -5/' $BR/f746.json >$BR/badclock.json
check board-json-bad-value 2 "^dse: error: $BR/badclock.json \(as a profile\):[0-9]+: 'clock_hz' = -5 is out of range" \
  -- boards show $BR/badclock.json --toml
check board-toml-json-exclusive 2 "excludes" -- boards show f746 --toml --json

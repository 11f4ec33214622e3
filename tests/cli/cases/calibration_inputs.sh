# Bad measurement rows and coefficient files (issue 13 "Bad input"): file:line, the nearest valid
# choice, exit 2, nothing written. Sourced by tests/cli/run.sh.

CAL=$TMP/cal
mkdir -p "$CAL"
HEAD="board,runtime,variant,mode,latency_ms,source"
calrows() {  # calrows NAME ROW...: a measurement CSV with the header and the rows
  local name=$1
  shift
  printf '%s\n' "$HEAD" "$@" > "$CAL/$name.csv"
}
calbad() {  # calbad NAME PATTERN: calibrate on NAME.csv fails with PATTERN and writes nothing
  check "cal-$1" 2 "$2" -- calibrate --data "$CAL/$1.csv" --out "$CAL/$1.toml"
  if [ -e "$CAL/$1.toml" ]; then failed=$((failed + 1)); echo "FAIL cal-$1 wrote $CAL/$1.toml" >&2; else passed=$((passed + 1)); fi
}
calrows runtime "f469,tflm-cmsis,mbv3-w0.50-r112,tinyops,674,me"
calbad runtime "runtime.csv:2: unknown runtime 'tflm-cmsis' \(did you mean 'tflm-cmsis-nn'\?\)"
calrows board "f47,tflm-cmsis-nn,mbv3-w0.50-r112,tinyops,674,me"
calbad board "board.csv:2: unknown board 'f47' \(did you mean 'f469'\?\)"
calrows boardfile "my_board.toml,tflm-cmsis-nn,mbv3-w0.50-r112,tinyops,674,me"
calbad boardfile "boardfile.csv:2: unknown board 'my_board.toml' \(the board column takes the profile's name, its 'name' key\)"
calrows dup "f469,tflm-cmsis-nn,mbv3-w0.50-r112,tinyops,674,me" \
            "f746,tflm-cmsis-nn,mbv3-w0.50-r112,tinyops,300,me" \
            "f469,tflm-cmsis-nn,mbv3-w0.50-r112,tinyops,680,me"
calbad dup "dup.csv:4: duplicate of the row at .*dup.csv:2 \(same board, runtime, variant, mode and source\)"
# A design too large for the L552's SRAM in the internal mode: named with the modes it fits in.
calrows nofit "f469,tflm-cmsis-nn,mbv3-w1.00-r224,internal,900,me"
calbad nofit "nofit.csv:2: mbv3-w1.00-r224 does not fit f469 in the internal mode \(internal (SRAM|flash): needs [0-9]+ B, has [0-9]+ B \(.*\)\); it fits in: external, tinyops"
# A TinyOps row under a runtime TinyOps cannot patch: the runtime named, with the modes it fits in.
calrows rtmode "f469,tinyengine,mbv3-w0.50-r112,tinyops,400,me"
calbad rtmode "rtmode.csv:2: mbv3-w0.50-r112 does not fit f469 in the tinyops mode \(runtime: TinyOps patches the TFLM interpreter and the CMSIS-NN kernels; tinyengine runs TinyEngine's generated code and TinyEngine's kernels\); it fits in: (internal, )?external$"
# Repeated measurements with their own sources are kept (the paper's Table III repeats Table II).
calrows repeat "f469,tflm-cmsis-nn,mbv3-w0.50-r112,tinyops,674,run 1" \
               "f469,tflm-cmsis-nn,mbv3-w0.50-r112,tinyops,676,run 2"
check cal-repeat 0 "f469" -- calibrate --data "$CAL/repeat.csv" --no-write

# --coefficients: a file of another schema (a board profile), refused before any output, and a
# table for an unknown board (the shipped f469 table renamed), also refused before any output
# (the files are checked before the command runs; `^dse: error` is the output's first line).
# A table naming the board of a profile file given on the command line is accepted.
check coef-schema 2 "^dse: error: hwprofiles/f469.toml:[0-9]+: .*(must be a \[board\] table|is not a table of a coefficients file)" -- --coefficients hwprofiles/f469.toml show mbv3-w0.50-r112 --board f469
sed -n '/^\[f469\]$/,/^\[f469.rows_informing\]$/p' data/latency/coefficients.toml | sed -e 's/^\[f469\]$/[f47]/' -e '/rows_informing/d' > "$CAL/unknown_board.toml"
check coef-board 2 "^dse: error: .*unknown_board.toml:[0-9]+: \[f47\] names no known board \(did you mean 'f(469|746)'\?\)" -- --coefficients "$CAL/unknown_board.toml" show mbv3-w0.50-r112 --board f469
first=$("$DSE" --coefficients "$CAL/unknown_board.toml" show mbv3-w0.50-r112 --board f469 2>&1 | head -1)
if [[ $first == "dse: error: "* ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL coef-board-first: $first" >&2; fi
sed '0,/^name = .*/s//name = "f47"/' hwprofiles/f469.toml > "$CAL/f47.toml"
check coef-board-profile 0 "calibrated on 9 rows" -- --coefficients "$CAL/unknown_board.toml" show mbv3-w0.50-r112 --board "$CAL/f47.toml"
# A table for a board far from every known name (a user's own profile) is kept, and another
# board's prediction is what it is without the file (the f746 line, byte for byte).
sed -e 's/^\[f47\]$/[my_own_board]/' "$CAL/unknown_board.toml" > "$CAL/own_board.toml"
plain=$("$DSE" show mbv3-w0.50-r112 --board f746 2>&1 | grep -m1 "latency")
with=$("$DSE" --coefficients "$CAL/own_board.toml" show mbv3-w0.50-r112 --board f746 2>&1 | grep -m1 "latency")
if [[ -n $plain && $plain == "$with" ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL coef-own-board: '$plain' vs '$with'" >&2; fi

# Active calibration: --board names the next measurement that most narrows the intervals.
calrows own "f469,tflm-cmsis-nn,mbv3-w0.50-r112,tinyops,674,me"
check cal-next 0 "Next measurement \(most narrows the latency intervals on f469 over the default grid\): [a-z0-9.-]+ in the (internal|external|tinyops) mode" -- calibrate --board f469 --data "$CAL/own.csv" --no-write

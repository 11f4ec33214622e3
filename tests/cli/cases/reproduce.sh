# Cases for `dse reproduce` and `dse plot ops|budget` (issue 6). Sourced by tests/cli/run.sh;
# $TMP is scratch.

check reproduce-tables 0 "Table II — the paper \(measured\) beside dse" -- --quiet reproduce
check reproduce-table3 0 "f469  proxyless-w0.30-r144   external \|    435    435 \|   2411" -- --quiet reproduce
check reproduce-claim-f746 0 "f746: mbv3-w1.00-r160 \(tinyops\) vs mcunet-in3 \(internal\)" -- --quiet reproduce
check reproduce-claim-predicted 0 "dse +\+[0-9.]+ points \(predicted\), [0-9.]+x \(predicted\) -> holds" -- --quiet reproduce
check reproduce-picks 0 "f469  mbv3-w0.75-r128 .*\| mbv3-" -- --quiet reproduce
check reproduce-json 0 '"latency_ratio_predicted"' -- --quiet reproduce --json
check reproduce-strict 0 "Headline claims" -- --quiet reproduce --strict
check reproduce-extra 2 "(not expected|extra)" -- reproduce f469

check plot-ops 0 "latency [0-9]+ ms \(predicted\) +stem" -- plot ops mbv3-w1.00-r160 mcunet-in3 --board f746 --out $TMP/plots
check plot-ops-files 0 "ops_mbv3-w1.00-r160_mcunet-in3_f746_tinyops.svg" -- plot ops mbv3-w1.00-r160 mcunet-in3 --board f746 --out $TMP/plots
check plot-ops-macs-only 0 "mcunet-in3 +MACs .*dw7x7" -- --quiet plot ops mcunet-in3 --out $TMP/plots
check plot-ops-internal-infeasible 0 "does not fit f746 in internal mode" -- plot ops mcunet-in3 --board f746 --mode internal --out $TMP/plots
check plot-budget 0 "left out: [0-9]+ budget\(s\) no plan fits" -- plot budget mbv3-w1.00-r160 --board f469 --out $TMP/plots
check plot-budget-files 0 "budget_mbv3-w1.00-r160_f746.png" -- plot budget mbv3-w1.00-r160 --board f746 --from 131072 --to 319900 --step 32768 --out $TMP/plots
for f in ops_mbv3-w1.00-r160_mcunet-in3_f746_tinyops budget_mbv3-w1.00-r160_f469; do
  for ext in png svg gp dat; do
    if [ -s "$TMP/plots/$f.$ext" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL missing $f.$ext" >&2; fi
  done
done

check plot-unknown-variant 2 "unknown family 'mbv4' .*did you mean 'mbv2'" -- plot ops mbv4-w1.00-r160 --out $TMP/plots
check plot-unknown-board 2 "unknown board 'f496' \(did you mean 'f469'\?\)" -- plot ops mbv3-w1.00-r160 --board f496 --out $TMP/plots
check plot-bad-mode 2 "'tinyop' \(did you mean 'tinyops'\?\)" -- plot ops mbv3-w1.00-r160 --board f746 --mode tinyop --out $TMP/plots
check plot-mode-needs-board 2 "--mode needs --board" -- plot ops mbv3-w1.00-r160 --mode internal --out $TMP/plots
check plot-unknown-figure 2 "unknown figure 'opz' \(did you mean 'ops'\?\)" -- plot opz
check plot-no-figure 2 "needs a figure: ops \(Fig. 6\) or budget \(Fig. 9\)" -- plot
check plot-extra-arg 2 "unexpected argument '--bogus'" -- plot ops mbv3-w1.00-r160 --bogus --out $TMP/plots
check plot-budget-no-board 2 "--board is required" -- plot budget mbv3-w1.00-r160
check plot-budget-unknown-board 2 "unknown board 'f764' \(did you mean 'f469'\?\)" -- plot budget mbv3-w1.00-r160 --board f764
check plot-budget-reversed 2 "--from 300000 is above --to 100000" -- plot budget mbv3-w1.00-r160 --board f469 --from 300000 --to 100000
check plot-budget-zero-step 2 "--step must be a positive whole number of bytes" -- plot budget mbv3-w1.00-r160 --board f469 --step 0
check plot-budget-not-bytes 2 "--from must be a positive whole number of bytes .* got '12kb'" -- plot budget mbv3-w1.00-r160 --board f469 --from 12kb
check plot-budget-above-sram 2 "--to 9999999 is above the [0-9]+ B of SRAM f469 has" -- plot budget mbv3-w1.00-r160 --board f469 --to 9999999
check plot-budget-too-many 2 "at most 500; use a larger --step" -- plot budget mbv3-w1.00-r160 --board f469 --step 1
check plot-budget-none-fits 4 "no budget from 16384 B to 65536 B fits a TinyOps plan" -- plot budget mbv3-w1.00-r160 --board f469 --from 16384 --to 65536 --out $TMP/plots

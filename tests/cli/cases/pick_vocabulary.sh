# Issue 16, items 6 and 8 and `dse pick` (sourced by tests/cli/run.sh; $TMP is scratch).

# dse pick: malformed constraints exit 2 before any work, naming the option.
check pick-bad-latency 2 "^dse: error: --max-latency: 'fast' is not a positive latency \(e.g. 200ms, 0.2s or 200 for ms\)$" -- pick --board f746 --max-latency fast
check pick-bad-top1 2 "^dse: error: --min-top1: '160' is not a top-1 in percent from 0 to 100 \(e.g. 60 or 60%\)$" -- pick --board f746 --min-top1 160
check pick-bad-sram 2 "--max-sram" -- pick --board f746 --max-sram 1.5M
check pick-bad-mode 2 "did you mean 'tinyops'" -- pick --board f746 --mode tinyop
check pick-bad-board 2 "did you mean 'f469'" -- pick --board f496

# dse search over per-stage spaces (issue 15): points searched and stored canonical, the
# per-stage predictor's regime, --dominate, --resume, and bad input (exit 2 or 4, nothing written).
OFA_POINT='ofa-mbv3-w1.0:d=3,2,2,4,4:k=7,7,7,0,5,5,0,0,5,7,0,0,5,3,5,3,5,5,5,5:e=3,3,6,0,3,4,0,0,4,3,0,0,4,4,4,6,4,4,6,4:r=224'
# The example point: 287.05 M MACs (data/accuracy/arch_accuracy_public.csv row of this
# encoding, macs_m column), inside the supernet rows' domain (r224).
check stages-predict 0 "287.05 M MACs, 5.634 M params: top-1 7[0-9]\.[0-9] % \(supernet weights \(OFA-MBv3-w1.0 supernet, fp32, no finetune\); fitted 123-506 M MACs, r224\) \(predicted\)" -- accuracy predict --point "$OFA_POINT"
check stages-predict-json 0 '"extrapolated": false' -- accuracy predict --point "$OFA_POINT" --json
check stages-predict-extrapolated 0 '"top1_provenance": "extrapolated"' -- accuracy predict --point "${OFA_POINT/r=224/r=128}" --json
check stages-predict-slots 2 "'d=' has 4 values; a point has 5 stage depths; the nearest valid point is ofa-mbv3-w1.0:d=3,2,2,4,2:" -- accuracy predict --point "ofa-mbv3-w1.0:d=3,2,2,4:k=7:e=3:r=224"
check stages-predict-choice 2 "kernel 9 is not one of \[3, 5, 7\]; the nearest valid point is ofa-mbv3-w1.0:d=3,2,2,4,4:k=7,7,7,0" -- accuracy predict --point "${OFA_POINT/k=7,7,7/k=9,7,7}"
check stages-predict-neither 2 "--family is required" -- accuracy predict

check stages-search 0 "^  ofa-mbv3-w1.0:d=[234],[234],[234],[234],[234]:k=[0357,]+:e=[0346,]+:r=[0-9]+ (internal|external|tinyops) +top-1" -- -q search --board f746 --space ofa-mbv3-w1.0 --evaluations 40 --threads 2 --db "$TMP/stages.sqlite"
check stages-search-regime 0 "top-1: per-stage predictor, regime supernet weights" -- -q search --board f746 --space ofa-mbv3-w1.0 --evaluations 40 --threads 2 --db "$TMP/stages.sqlite"
check stages-search-proxyless 0 ":r=[0-9]+:last=k[357]e[346] (internal|external|tinyops) +top-1" -- -q search --board f746 --space mcunet-tinynas-w1.0 --evaluations 40 --threads 2 --db "$TMP/stages.sqlite"
check stages-dominate 0 "^mcunet-in3: top-1 61.80% \(published\), [0-9.]+ ms \(tinyops\); dominated by [1-9][0-9]* of" -- -q search --board f746 --space ofa-mbv3-w1.0 --evaluations 200 --threads 2 --dominate mcunet-in3 --db "$TMP/stages.sqlite"
# A point's name holds commas: the front's CSV quotes it (RFC 4180), so it reads back as one
# field (it split the row at every comma).
check stages-pareto-csv 0 '^"ofa-mbv3-w1.0:d=[234],[234],[234],[234],[234]:k=[0357,]+:e=[0346,]+:r=[0-9]+",(internal|external|tinyops),[0-9.]+,[0-9.]+$' -- -q pareto --board f746 --db "$TMP/stages.sqlite" --csv
# A per-stage space's family at another width, named as a point's SPACE token; a resumed run
# records the run it came from (null otherwise).
check stages-width 0 '"resumed_from": null' -- -q search --board f746 --space ofa-proxyless-w0.5 --evaluations 20 --threads 2 --json --db "$TMP/width.sqlite"
check stages-width-points 0 '"variant": "ofa-proxyless-w0.5:d=' -- -q search --board f746 --space ofa-proxyless-w0.5 --evaluations 20 --threads 2 --json --db "$TMP/width.sqlite"
check stages-width-resumed 0 '"resumed_from": 2' -- -q search --board f746 --space ofa-proxyless-w0.5 --evaluations 10 --threads 2 --resume 2 --json --db "$TMP/width.sqlite"
check stages-width-bad 2 "unknown space 'ofa-proxyless-w9' \(did you mean 'ofa-proxyless-w1.3'\?\)" -- -q search --board f746 --space ofa-proxyless-w9 --db "$TMP/stages-none.sqlite"

# Bad input: nothing written (a fresh database path stays absent).
check stages-unsat 4 "tightest: 'latency<=100ms' \(met by 0 of 50 designs\); closest design: ofa-mbv3-w1.0:d=" -- -q search --board f746 --space ofa-mbv3-w1.0 --evaluations 50 --constraint 'latency<=100ms' --db "$TMP/stages-none.sqlite"
check stages-dominate-bad 2 "--dominate: unknown variant 'mcunet-in9'.*did you mean 'mcunet-in0'" -- -q search --board f746 --space ofa-mbv3-w1.0 --dominate mcunet-in9 --db "$TMP/stages-none.sqlite"
check stages-dominate-point 2 "resolution 100 is not in the space's set \(128..224\); the nearest valid point is .*:r=128" -- -q search --board f746 --space ofa-mbv3-w1.0 --dominate "${OFA_POINT/r=224/r=100}" --db "$TMP/stages-none.sqlite"
check stages-dominate-objectives 2 "--dominate needs the objectives top1 and latency" -- -q search --board f746 --space ofa-mbv3-w1.0 --objectives top1,sram --dominate mcunet-in3 --db "$TMP/stages-none.sqlite"
check stages-resume-missing 2 "--resume 3: no database" -- -q search --board f746 --space ofa-mbv3-w1.0 --resume 3 --db "$TMP/stages-none.sqlite"
check stages-resume-run 2 "has no run 9 \(runs: 1, 2, 3, 4\)" -- -q search --board f746 --space ofa-mbv3-w1.0 --resume 9 --db "$TMP/stages.sqlite"
if [ -e "$TMP/stages-none.sqlite" ]; then
  failed=$((failed + 1)); echo "FAIL stages-nothing-written: $TMP/stages-none.sqlite was created" >&2
else
  passed=$((passed + 1))
fi

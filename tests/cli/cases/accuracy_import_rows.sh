# Import rows a training script gets wrong. top1 is in percent: a file of fractions (0.68 for
# 68 %, as PyTorch evaluators print accuracy) is refused, exit 2, nothing written. A file
# without its header line is refused saying so (its one row was read as the header), not as
# "only a header".
"$DSE" -q sweep --board f469 --spaces mbv3 --modes internal --db $TMP/ir.sqlite >/dev/null 2>&1
printf 'variant,top1,precision,task,dataset\nmbv3-w0.50-r128,0.5835,int8,classification,imagenet\nmbv3-w0.30-r064,0.31,int8,classification,imagenet\n' >$TMP/ir_fraction.csv
check ir-fraction 2 "ir_fraction.csv:2: top1 0.5835 looks like a fraction .*give percent, e.g. 58.35 for 0.5835" -- accuracy import $TMP/ir_fraction.csv --db $TMP/ir.sqlite
expect ir-fraction-nothing test "$(sqlite3 $TMP/ir.sqlite 'SELECT count(*) FROM measured_accuracy')" -eq 0
printf 'mbv3-w0.50-r128,58.3,int8,classification,imagenet\n' >$TMP/ir_noheader.csv
check ir-no-header 2 "ir_noheader.csv:1: no header line \(variant,top1,precision,task,dataset\[,source\]\) before this row" -- accuracy import $TMP/ir_noheader.csv --db $TMP/ir.sqlite

# The README's SQL examples ("The results database") against a sweep of the F469
# and F746, and the one reading measured accuracies shows an imported top-1 labelled measured:
# mbv3-w0.10-r048 internal on the F469 (19.8 ms, dse show mbv3-w0.10-r048 --board f469
# --mode internal) with the 8.1 % imported here, over its predicted 9.26 %.
"$DSE" -q sweep --board f469 --db $TMP/rs.sqlite >/dev/null 2>&1
"$DSE" -q sweep --board f746 --db $TMP/rs.sqlite >/dev/null 2>&1
printf 'variant,top1,precision,task,dataset,source\nmbv3-w0.10-r048,8.1,int8,classification,imagenet,test\n' >$TMP/rs.csv
"$DSE" -q accuracy import $TMP/rs.csv --db $TMP/rs.sqlite >/dev/null 2>&1
awk '/^```sql$/ {on = 1; next} /^```$/ {on = 0} on' README.md >$TMP/rs.sql
rs_out=$(sqlite3 -bail $TMP/rs.sqlite <$TMP/rs.sql 2>&1); rs_code=$?
expect rs-examples-run test "$rs_code" -eq 0
expect rs-measured-labelled grep -qx 'mbv3-w0.10-r048|internal|19.8|8.1|measured' <<<"$rs_out"
expect rs-predicted-labelled grep -qx 'mbv3-w0.15-r048|internal|27.6|14.66|extrapolated' <<<"$rs_out"

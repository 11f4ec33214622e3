# The training hand-off of a per-stage search, as a cluster runs it. A point's name holds commas
# (quoted in manifest.csv); each Slurm array task must train the point and architecture JSON of
# its own row: the script run here as Slurm runs task i (SLURM_ARRAY_TASK_ID=i, from the export
# directory) echoes what it would train, compared with the manifest read as CSV.
"$DSE" -q search --board f469 --space ofa-mbv3-w1.0 --evaluations 12 --seed 3 --db $TMP/te.sqlite >/dev/null 2>&1
"$DSE" export-training --run 1 --top 2 --db $TMP/te.sqlite --command 'echo {variant} {config} {width} {resolution} {index}' --out $TMP/te_out >/dev/null 2>&1
expect te-sbatch-syntax bash -n $TMP/te_out/train.sbatch
expect te-sbatch-logs-dir test -d $TMP/te_out/logs
te_row() { sed -n "$(($1 + 2))p" $TMP/te_out/manifest.csv | awk -v i="$1" -F'"' '{ split($3, c, ","); print $2, c[11], c[3], c[4], i }'; }
te_task() { (cd $TMP/te_out && SLURM_ARRAY_TASK_ID=$1 bash train.sbatch); }
expect te-task0-point test "$(te_task 0)" = "$(te_row 0)"
expect te-task1-point test "$(te_task 1)" = "$(te_row 1)"
expect te-task1-config grep -q '^configs/point-1.json$' <<<"$(te_task 1 | cut -d' ' -f2)"
# Submitted from elsewhere (sbatch DIR/train.sbatch), a task says where to submit from, exit 2.
te_elsewhere=$(cd $TMP && SLURM_SUBMIT_DIR=$TMP SLURM_ARRAY_TASK_ID=0 bash te_out/train.sbatch 2>&1); te_code=$?
expect te-elsewhere-code test "$te_code" -eq 2
expect te-elsewhere-says grep -q 'submit from the export directory' <<<"$te_elsewhere"
# A constrained search stores only deployments within its bounds, so its exported front trains
# none out of them (before: the fronts of every evaluated design, 116 rows up to 13 s on f469).
"$DSE" -q search --board f469 --space mbv3 --constraint 'latency<=500ms' --evaluations 200 --seed 1 --db $TMP/te_c.sqlite >/dev/null 2>&1
"$DSE" export-training --run 1 --front --db $TMP/te_c.sqlite --command 'train {config}' --out $TMP/te_c >/dev/null 2>&1
expect te-front-rows test "$(tail -n +2 $TMP/te_c/manifest.csv | wc -l)" -gt 0
expect te-front-in-bounds test "$(tail -n +2 $TMP/te_c/manifest.csv | awk -F, '$8 > 500' | wc -l)" -eq 0
# The search labels each front design's top-1 as its deployment's candidate does: mbv3-w0.10-r048
# lies outside the surrogate's fitted MACs ("extrapolated", as `dse show mbv3-w0.10-r048 --json`
# says), not "predicted".
check te-top1-extrapolated 0 "^  mbv3-w0.10-r048 +internal +top-1 9.26% \(extrapolated\)" -- -q search --board f469 --space mbv3 --evaluations 228 --db $TMP/te_p.sqlite

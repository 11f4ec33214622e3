# The shipped data/latency/coefficients.toml is what its two documented commands write today
# (lib/latency/README.md, "Regenerating the shipped coefficients"), so it cannot go stale
# when the fit or the spreads change. Run on a copy of the data folder (every entry a link but
# the coefficients file); about 2 s. Sourced by tests/cli/run.sh; $TMP is scratch.
SHIP=$TMP/shipped
mkdir -p $SHIP/data/latency
for f in *; do [ "$f" = data ] || ln -s "$PWD/$f" "$SHIP/$f"; done
for f in data/*; do [ "$f" = data/latency ] || ln -s "$PWD/$f" "$SHIP/$f"; done
for f in data/latency/*; do [ "$f" = data/latency/coefficients.toml ] || ln -s "$PWD/$f" "$SHIP/$f"; done
cp data/latency/coefficients.toml $SHIP/data/latency/coefficients.toml
"$DSE" --quiet --data-dir $SHIP calibrate --out $SHIP/data/latency/coefficients.toml >/dev/null 2>&1
"$DSE" --quiet --data-dir $SHIP runtimes lobo --data $SHIP/data/latency/paper.csv \
  --data $SHIP/data/latency/public/latency.csv --write-spreads >$TMP/shipped_lobo.txt 2>/dev/null
expect shipped-coefficients-current cmp data/latency/coefficients.toml $SHIP/data/latency/coefficients.toml
# data/latency/public/lobo.txt is that command's table.
expect shipped-lobo-table-current cmp data/latency/public/lobo.txt $TMP/shipped_lobo.txt

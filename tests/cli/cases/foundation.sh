# Cases for `dse spaces` and `dse show` (issue 2). Sourced by tests/cli/run.sh.

# Good input.
check spaces-list 0 "^mbv3 +scalable" -- spaces list
check spaces-list-json 0 '"name": "mcunet-in3"' -- spaces list --json
check spaces-show 0 "mbv3 — TinyOps paper MobileNetV3" -- spaces show mbv3
# architectures.md §5: mbv3-w1.00-r160 = 111,311,200 MACs, 3,960,168 params, 512,000 B peak.
check show-totals 0 "MACs +111311200" -- show mbv3-w1.00-r160
check show-json-macs 0 '"macs": 111311200' -- show mbv3-w1.00-r160 --json
check show-json-peak 0 '"peak_activation_bytes": 512000' -- show mbv3-w1.00-r160 --json
check show-per-op 0 "<- peak" -- show proxyless-w0.30-r144 --per-op
check show-per-op-json 0 '"live_activation_bytes"' -- show mcunet-in3 --per-op --json
check show-off-grid 0 "mbv3-w0.33-r100" -- show mbv3-w0.33-r100
check user-space 0 "tiny-w1.00-r064" -- --space $DATA/tiny.toml show tiny-w1.00-r064
check version 0 "^dse [0-9]" -- --version

# Bad arguments: exit 2, the offending token and the nearest valid choice.
check no-subcommand 2 "subcommand" --
check unknown-subcommand 2 "unknown command 'shwo' \(did you mean 'show'\?\)" -- shwo
check unknown-family 2 "unknown family 'mbv4' in 'mbv4-w1.00-r160' \(did you mean 'mbv2'\?\)" -- show mbv4-w1.00-r160
check unknown-variant 2 "unknown variant 'mcunet-in9'.*did you mean 'mcunet-in0'" -- show mcunet-in9
check bad-width-text 2 "bad width 'x' in 'mbv3-wx-r160'" -- show mbv3-wx-r160
check zero-width 2 "bad width '0.00'.*\(0, 4\]" -- show mbv3-w0.00-r160
check big-width 2 "bad width '4.50'.*\(0, 4\]" -- show mbv3-w4.50-r160
check negative-width 2 "bad width '-1'" -- show mbv3-w-1-r160
check small-resolution 2 "resolution 16 in 'mbv3-w1.00-r16' is out of range: 'mbv3' takes 32\.\.1024" -- show mbv3-w1.00-r16
check bad-resolution 2 "bad resolution '16x'" -- show mbv3-w1.00-r16x
check unknown-space-show 2 "unknown space 'proxyles' \(did you mean 'proxyless'\?\)" -- spaces show proxyles
check unknown-flag 2 "--per-opp" -- show mbv3-w1.00-r160 --per-opp
check missing-space-file 2 "nope.toml" -- --space $DATA/nope.toml spaces list

# Bad space files: file:line, what is wrong, nearest valid key or value; exit 2.
check space-unknown-key 2 "bad_key.toml:8: unknown key 'kernal' in a block \(did you mean 'kernel'\?\)" -- --space $DATA/bad_key.toml spaces list
check space-dup-key 2 "dup_key.toml:5: .*cannot redefine existing string .width_rule." -- --space $DATA/dup_key.toml spaces list
check space-bad-rule 2 "bad_rule.toml:4: 'width_rule' = 'ceil5' is not one of: ceil4, ceil8, md8, none \(did you mean 'ceil4'\?\)" -- --space $DATA/bad_rule.toml spaces list
check space-bad-type 2 "bad_type.toml:12: 'out' must be an integer" -- --space $DATA/bad_type.toml spaces list
check space-chain 2 "bad_chain.toml:8: block 2 takes 16 input channels but the layer before it gives 8" -- --space $DATA/bad_chain.toml spaces list
check space-syntax 2 "syntax.toml:3:" -- --space $DATA/syntax.toml spaces list
check space-empty 2 "empty.toml:1: missing key 'name'" -- --space $DATA/empty.toml spaces list
check space-binary 2 "binary.toml:" -- --space $DATA/binary.toml spaces list
check space-duplicate-name 2 "space 'mbv3' is already defined" -- --space searchspaces/mbv3.toml spaces list
check space-range 2 "bad_range.toml:8: 'stride' = 9 is out of range: must be between 1 and 4" -- --space $DATA/bad_range.toml spaces list

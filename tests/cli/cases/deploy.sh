# Cases for `dse deploy`, `dse fit --map` and the opt-in schedule modes (issue 14 items 2, 4, 5).
# Sourced by tests/cli/run.sh; $TMP is scratch.

# MCUNetV2 Table 1: MobileNetV2 r224, 4x4 patches of 75 px after n = 5 (memory_schedules.md §5.2).
# MCUNetV2's per-layer rule gives 175,616 B after the split (tests/placement/schedule_test.cpp);
# a runtime keeps more live there, by its own layout. TinyEngine (in-place depthwise): at block
# 5's project, the depthwise output 28²·192 + the block input kept for the residual 28²·32 +
# the project output 28²·32 = 150,528 + 25,088 + 25,088 = 200,704 B. TFLM: the expand output
# and the depthwise output both live, with the block input: 2·150,528 + 25,088 = 326,144 B.
check deploy-patch 0 "wrote dse_model_config.h" -- deploy mbv2-w1.00-r224 --board h743 --mode patch --split 5 --patches 4 --runtime tinyengine --out $TMP/dep
check deploy-patch-tflm 0 "wrote dse_model_config.h" -- deploy mbv2-w1.00-r224 --board h743 --mode patch --split 5 --patches 4 --out $TMP/dep-tflm
if grep -q "4x4 patches of 75x75 px; peak 1404928 B -> 326144 B" $TMP/dep-tflm/dse_model_config.h; then
  passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL deploy-patch-tflm peak" >&2; fi
if grep -q "4x4 patches of 75x75 px; peak 1404928 B -> 200704 B" $TMP/dep/dse_model_config.h \
   && grep -q "^op,name,kind,output,macs,rom_bytes,ram_bytes$" $TMP/dep/layer_report.csv \
   && grep -q "> DSE_AXI_SRAM" $TMP/dep/dse_memory.ld; then
  passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL deploy-patch files" >&2; fi
check deploy-tinyops 0 "wrote" -- deploy proxyless-w0.30-r144 --board f469 --mode tinyops --out $TMP/dep2
if grep -qE "#define PARTITION_FACTOR +3 " $TMP/dep2/dse_model_config.h \
   && grep -qE "#define TENSOR_BUFFER_SIZE +50112 " $TMP/dep2/dse_model_config.h; then
  passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL deploy-tinyops header" >&2; fi
# The linker fragment links after a board script's own sections (GNU ld, host binutils): the
# weights follow .text in FLASH (internal) or sit in SDRAM loaded from FLASH after .data
# (tinyops), the SRAM sections follow .bss (the TinyOps runtime state in SDRAM, after weights
# 0x60, arena 0x200 and TinyOps state 0x20): no section starts at a region's base.
mkdir -p $TMP/ld
printf '.section .text,"ax"\n.space 256\n.section .data,"aw"\n.space 64\n.section .bss,"aw",@nobits\n.space 128\n.section .model_weights,"a"\n.space 96\n.section .tensor_arena,"aw",@nobits\n.space 512\n.section .runtime_state,"aw",@nobits\n.space 32\n.section .tinyops_state,"aw",@nobits\n.space 32\n' > $TMP/ld/obj.s
printf 'MEMORY\n{\n FLASH (rx) : ORIGIN = 0x08000000, LENGTH = 1024K\n RAM (rw) : ORIGIN = 0x20000000, LENGTH = 256K\n SDRAM (rw) : ORIGIN = 0xC0000000, LENGTH = 8M\n}\nSECTIONS\n{\n .text : { *(.text*) } > FLASH\n .data : { *(.data*) } > RAM AT> FLASH\n .bss (NOLOAD) : { *(.bss*) } > RAM\n}\nINCLUDE dse_memory.ld\n' > $TMP/ld/board.ld
as $TMP/ld/obj.s -o $TMP/ld/obj.o
cp $TMP/dep2/dse_memory.ld $TMP/ld/ && (cd $TMP/ld && ld -T board.ld obj.o -o tinyops.elf)
"$DSE" deploy proxyless-w0.30-r144 --board f469 --mode internal --out $TMP/dep3 > /dev/null
cp $TMP/dep3/dse_memory.ld $TMP/ld/ && (cd $TMP/ld && ld -T board.ld obj.o -o internal.elf)
vma() { objdump -h "$TMP/ld/$1" | awk -v s="$2" '$2 == s { print $4 }'; }
lma() { objdump -h "$TMP/ld/$1" | awk -v s="$2" '$2 == s { print $5 }'; }
# By hand: .text 0x100 B at 0x08000000, .data 0x40 B (load 0x08000100), .bss 0x80 B at 0x20000040.
if [ "$(vma internal.elf .model_weights)" = 0000000008000140 ] && [ "$(vma internal.elf .runtime_state)" = 00000000200000e0 ] \
   && [ "$(vma tinyops.elf .model_weights)" = 00000000c0000000 ] && [ "$(lma tinyops.elf .model_weights)" = 0000000008000140 ] \
   && [ "$(vma tinyops.elf .runtime_state)" = 00000000c0000280 ]; then
  passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL deploy-links: $(objdump -h $TMP/ld/internal.elf $TMP/ld/tinyops.elf 2>&1)" >&2; fi
check fit-map 0 "axi_sram +0x24000000 +0x[0-9a-f]+ +[0-9]+  tensor arena" -- fit mcunet-in4 --board h743 --mode internal --map
check fit-map-dtcm 0 "dtcm +0x20000000 .*runtime state" -- fit mcunet-in4 --board h743 --mode internal --map

# Bad input: the option named, the nearest valid choice, exit 2, nothing written.
check deploy-bad-split 2 "--split 99: mbv2-w1.00-r224 cannot split there \(nearest valid split: " -- deploy mbv2-w1.00-r224 --board h743 --mode patch --split 99 --patches 4 --out $TMP/bad
check deploy-bad-patches 2 "--patches 40: .*nearest valid patch count: 28" -- deploy mbv2-w1.00-r224 --board h743 --mode patch --split 5 --patches 40 --out $TMP/bad
check deploy-bad-mode 2 "unknown deployment mode 'pach' \(did you mean 'patch'\?\)" -- deploy mbv2-w1.00-r224 --board h743 --mode pach --out $TMP/bad
if [ ! -e $TMP/bad ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL deploy wrote on bad input" >&2; fi
printf 'name = "r"\ntitle = "t"\n[core]\narch = "cortex-m7"\nclock_hz = 216_000_000\n[sram]\nsize_bytes = 262_144\n[flash]\nsize_bytes = 1_048_576\n[memory]\nsram_total_bytes = 327_680\n[[memory.region]]\nname = "a"\nkind = "sram"\nstart = 0x2000_0000\nsize_bytes = 65_536\n[[memory.region]]\nname = "b"\nkind = "sram"\nstart = 0x2000_8000\nsize_bytes = 65_536\n' > $TMP/overlap.toml
check fit-overlapping-regions 2 "overlap.toml:17: region 'b' .* overlaps region 'a'" -- fit mcunet-in1 --board $TMP/overlap.toml --map
# A region bigger than the part (regions_test: "region 'big' (1048576 B) is larger than ...").
printf 'name = "r"\ntitle = "t"\n[core]\narch = "cortex-m7"\nclock_hz = 216_000_000\n[sram]\nsize_bytes = 262_144\n[flash]\nsize_bytes = 1_048_576\n[memory]\nsram_total_bytes = 327_680\n[[memory.region]]\nname = "big"\nkind = "sram"\nstart = 0x2000_0000\nsize_bytes = 1_048_576\n' > $TMP/big.toml
check fit-region-bigger-than-part 2 "big.toml:[0-9]+: region 'big' \(1048576 B\) is larger than the part" -- fit mcunet-in1 --board $TMP/big.toml --map
# A budget above what the board gives TinyOps buffers: refused by fit, partition and sweep with
# one rule (placement::MaxBudgetBytes; issue 14 item 7), naming the board's size and the nearest
# valid budget, nothing written. f469: 262,144 B SRAM - 12,680 B reserve = 249,464 B, below its
# default budget 258,000 B (data/tinyops/budgets.csv), so 258,000 B is the most; `plot budget
# --to` stops at the same figure.
check fit-budget-above-sram 2 "^dse: error: --budget: 400000 B is above the most board 'f469' gives TinyOps buffers, 258000 B \(262144 B of SRAM less a 12680 B runtime reserve: 249464 B; its default budget in budgets.csv, 258000 B, is higher\); nearest valid: --budget 258000$" -- fit mbv3-w1.00-r160 --board f469 --budget 400000
check fit-budget-full-sram 2 "--budget: 262144 B is above the most board 'f469' gives TinyOps buffers, 258000 B" -- fit mbv3-w1.00-r160 --board f469 --budget 256K
check fit-budget-at-limit 0 "^tinyops +yes .*budget 258000 B" -- fit mbv3-w1.00-r160 --board f469 --budget 258000
check partition-budget-above-sram 2 "--budget: 400000 B is above the most board 'f469' gives TinyOps buffers, 258000 B .*nearest valid: --budget 258000" -- partition mbv3-w1.00-r160 --board f469 --budget 400000
check partition-budget-full-sram 2 "--budget: 262144 B is above the most board 'f469' gives TinyOps buffers, 258000 B" -- partition mbv3-w1.00-r160 --board f469 --budget 262144
check plot-budget-to-full-sram 2 "--to 262144 is above the 258000 B of SRAM f469 has for TinyOps buffers \(--to 258000 at most\)" -- plot budget mbv3-w1.00-r160 --board f469 --to 262144 --out $TMP/over_plot
# A board without a budgets.csv row: its SRAM less the reserve (u585: 786,432 - 12,680 = 773,752 B).
check fit-budget-no-row 2 "^dse: error: --budget: 786432 B is above the most board 'u585' gives TinyOps buffers, 773752 B \(786432 B of SRAM less a 12680 B runtime reserve: 773752 B\); nearest valid: --budget 773752$" -- fit mcunet-in1 --board u585 --budget 768K
check sweep-budget-above-sram 2 "above the most board 'f469' gives TinyOps buffers, 258000 B" -- sweep --board f469 --spaces mcunet-in1 --budget 400000 --db $TMP/over.sqlite
if [ ! -e $TMP/over.sqlite ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL sweep wrote on a budget above SRAM" >&2; fi
# TinyOps on a board without external RAM (h7a3 has none).
check partition-no-external-ram 2 "TinyOps needs external RAM: board 'h7a3' has none" -- partition mcunet-in1 --board h7a3

# Opt-in modes in a sweep.
check sweep-patch-mode 0 "run 1 in $TMP/p.sqlite: 1 variant x 1 board, 2 evaluations" -- sweep --board h743 --spaces mcunet-in1 --modes internal,pex --db $TMP/p.sqlite

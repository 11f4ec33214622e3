// Board profiles: the built-in hwprofiles/ load with the values their sources give, and bad
// profiles fail with "file:line: what is wrong" messages, checked verbatim.

#include <gtest/gtest.h>

#include "hw/board.h"
#include "hw/catalog.h"

namespace {

const char* const kMinimal = R"(name = "mini"
title = "test board"

[core]
arch = "cortex-m4"
clock_hz = 180_000_000

[sram]
size_bytes = 262_144
reserved_bytes = 12_680

[flash]
size_bytes = 1_048_576
reserved_bytes = 102_400

[[external]]
name = "sdram"
kind = "sdram"
size_bytes = 8_388_608
bus_width_bits = 32
clock_hz = 90_000_000
cas_latency_cycles = 3
)";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string ErrorOf(const std::string& text) {
  auto board = hw::ParseBoard("b.toml", text);
  EXPECT_FALSE(board.ok());
  return board.ok() ? "" : board.error().message;
}

TEST(BoardProfile, MinimalParses) {
  auto board = hw::ParseBoard("b.toml", kMinimal);
  ASSERT_TRUE(board.ok()) << board.error().message;
  EXPECT_EQ(board->clock_hz, 180'000'000);
  EXPECT_EQ(board->sram.available_bytes(), 262'144 - 12'680);
  ASSERT_NE(board->ExternalRam(), nullptr);
  EXPECT_EQ(board->ExternalRam()->cas_latency_cycles, 3);
  EXPECT_EQ(board->ExternalStorage(), nullptr);
  ASSERT_NE(board->core_type, nullptr);
  EXPECT_EQ(board->core_type->id, hw::CoreId::kCortexM4);
}

TEST(BoardProfile, ZeroClock) {
  EXPECT_EQ(ErrorOf(Replace(kMinimal, "clock_hz = 180_000_000", "clock_hz = 0")),
            "b.toml:6: 'clock_hz' = 0 is out of range: must be between 1 and 4e+09\n"
            "    clock_hz = 0\n"
            "               ^");
}

// A profile saved with Windows line endings quotes its lines without the carriage return.
TEST(BoardProfile, CrlfLinesQuotedClean) {
  std::string text = Replace(kMinimal, "clock_hz = 180_000_000", "clock_hz = 0");
  for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 2)) {
    text.insert(at, "\r");
  }
  EXPECT_EQ(ErrorOf(text),
            "b.toml:6: 'clock_hz' = 0 is out of range: must be between 1 and 4e+09\n"
            "    clock_hz = 0\n"
            "               ^");
}

TEST(BoardProfile, MissingMemory) {
  EXPECT_EQ(ErrorOf(Replace(kMinimal, "[sram]\nsize_bytes = 262_144\nreserved_bytes = 12_680\n", "")),
            "b.toml:1: missing section [sram] (internal SRAM: size_bytes, reserved_bytes)\n"
            "    name = \"mini\"\n"
            "    ^");
}

TEST(BoardProfile, UnknownKeySuggestsNearest) {
  EXPECT_EQ(ErrorOf(Replace(kMinimal, "clock_hz = 180_000_000", "clok_hz = 180_000_000")),
            "b.toml:6: unknown key 'clok_hz' in [core] (did you mean 'clock_hz'?)\n"
            "    clok_hz = 180_000_000\n"
            "    ^\n"
            "b.toml:4: missing key 'clock_hz' in [core] (core clock)\n"
            "    [core]\n"
            "    ^");
}

TEST(BoardProfile, SdramNeedsCasLatency) {
  EXPECT_EQ(ErrorOf(Replace(kMinimal, "cas_latency_cycles = 3\n", "")),
            "b.toml:16: external memory 'sdram' is an sdram: it needs 'clock_hz' and "
            "'cas_latency_cycles' greater than 0\n"
            "    [[external]]\n"
            "    ^");
}

TEST(BoardProfile, UnknownMemoryKind) {
  EXPECT_EQ(ErrorOf(Replace(kMinimal, "kind = \"sdram\"", "kind = \"sdrm\"")),
            "b.toml:18: 'kind' = 'sdrm' is not one of: sdram, sram, qspi, sdcard (did you mean "
            "'sdram'?)\n"
            "    kind = \"sdrm\"\n"
            "           ^");
}

// `arch` names a known core; a truncated name suggests the core it starts.
TEST(BoardProfile, UnknownCoreSuggestsNearest) {
  EXPECT_EQ(ErrorOf(Replace(kMinimal, "arch = \"cortex-m4\"", "arch = \"cortex-m5\"")),
            "b.toml:5: unknown core 'cortex-m5' (did you mean 'cortex-m55'?); known cores: "
            "cortex-m0plus, cortex-m3, cortex-m4, cortex-m7, cortex-m33, cortex-m55, cortex-m85\n"
            "    arch = \"cortex-m5\"\n"
            "           ^");
  EXPECT_EQ(ErrorOf(Replace(kMinimal, "arch = \"cortex-m4\"", "arch = \"cortex-m4f\"")),
            "b.toml:5: unknown core 'cortex-m4f' (did you mean 'cortex-m4'?); known cores: "
            "cortex-m0plus, cortex-m3, cortex-m4, cortex-m7, cortex-m33, cortex-m55, cortex-m85\n"
            "    arch = \"cortex-m4f\"\n"
            "           ^");
}

// Capabilities per core (Arm TRMs, see lib/hw/core.cpp).
TEST(CoreTypes, Capabilities) {
  const hw::CoreType* m4 = hw::FindCore("cortex-m4");
  ASSERT_NE(m4, nullptr);
  EXPECT_TRUE(m4->dsp_simd);  // Armv7E-M DSP extension
  EXPECT_FALSE(m4->mve_helium);
  EXPECT_EQ(m4->dual_issue, hw::DualIssue::kNo);
  const hw::CoreType* m7 = hw::FindCore("cortex-m7");
  ASSERT_NE(m7, nullptr);
  EXPECT_EQ(m7->dual_issue, hw::DualIssue::kYes);  // 6-stage superscalar
  EXPECT_EQ(m7->max_l1_cache_bytes, 64 * 1024);
  EXPECT_TRUE(hw::FindCore("cortex-m55")->mve_helium);
  EXPECT_FALSE(hw::FindCore("cortex-m0plus")->dsp_simd);
  EXPECT_EQ(hw::FindCore("cortex-m5"), nullptr);
}

// The issue's example: a clock in MHz where Hz are expected.
TEST(BoardProfile, ClockInMhzSuggestsHz) {
  EXPECT_EQ(ErrorOf(Replace(kMinimal, "clock_hz = 180_000_000", "clock_hz = 216")),
            "b.toml:6: 'clock_hz' = 216 Hz is implausible: a core clock is between 1 MHz and "
            "2 GHz (did you mean 216_000_000?)\n"
            "    clock_hz = 216\n"
            "               ^");
  EXPECT_EQ(ErrorOf(Replace(kMinimal, "clock_hz = 180_000_000", "clock_hz = 3_000_000_000")),
            "b.toml:6: 'clock_hz' = 3000000000 Hz is implausible: a core clock is between 1 MHz "
            "and 2 GHz\n"
            "    clock_hz = 3_000_000_000\n"
            "               ^");
}

TEST(BoardProfile, ImplausibleCacheAndMemorySizes) {
  const std::string text =
      Replace(Replace(kMinimal, "clock_hz = 180_000_000", "clock_hz = 180_000_000\n"
                                                          "dcache_bytes = 131_072"),
              "size_bytes = 262_144", "size_bytes = 256");
  EXPECT_EQ(ErrorOf(text),
            "b.toml:7: 'dcache_bytes' = 131072 is more than 64 KiB, the largest L1 cache of any "
            "Cortex-M core\n"
            "    dcache_bytes = 131_072\n"
            "                   ^\n"
            "b.toml:10: 'size_bytes' = 256 is implausible for internal SRAM (1024 to 67108864 B) "
            "(sizes are in bytes: did you mean 262144 = 256 KiB?)\n"
            "    size_bytes = 256\n"
            "                 ^");
}

// Power, budgets and design power moved out of the profile: an old profile says where to.
TEST(BoardProfile, MovedSectionsSayWhereTheirDataLives) {
  const std::string text = std::string(kMinimal) +
                           "\n[tinyops]\nsram_budget_bytes = 258_000\n"
                           "\n[power]\ninternal_mw = 290.0\n"
                           "\n[[design_power]]\nvariant = \"mcunet-in2\"\nmode = \"internal\"\n"
                           "mw = 360.0\n";
  EXPECT_EQ(ErrorOf(text),
            "b.toml:24: [tinyops] is no longer part of a board profile: the default TinyOps "
            "SRAM budget is a deployment default, a row (board, sram_budget_bytes, source) of "
            "data/tinyops/budgets.csv\n"
            "    [tinyops]\n"
            "    ^\n"
            "b.toml:27: [power] is no longer part of a board profile: measured power is data "
            "keyed by (board, runtime, mode), rows of data/power/measured.csv with an empty "
            "design\n"
            "    [power]\n"
            "    ^\n"
            "b.toml:30: [[design_power]] is no longer part of a board profile: a design's "
            "measured power is a row (board, runtime, mode, design) of data/power/measured.csv\n"
            "    [[design_power]]\n"
            "    ^");
}

TEST(BoardCatalog, BuiltinBoardsCarryTheirSourcedValues) {
  auto catalog = hw::Catalog::LoadDirectory(std::string(DSE_SOURCE_DIR) + "/hwprofiles");
  ASSERT_TRUE(catalog.ok()) << catalog.error().message;
  EXPECT_EQ(catalog->Names(), (std::vector<std::string>{"f469", "f746", "g0b1", "h743", "h7a3", "l4r5", "l552", "m467",
                                      "nrf5340", "psoc62", "ra6m4", "u385", "u575", "u585"}));
  const hw::Board* f469 = catalog->Find("f469");
  ASSERT_NE(f469, nullptr);
  EXPECT_EQ(f469->core_type->id, hw::CoreId::kCortexM4);  // seed Table I "M4"
  EXPECT_EQ(f469->clock_hz, 180'000'000);          // seed Table I
  EXPECT_EQ(f469->flash.reserved_bytes, 102'400);  // seed §V-C: ~100 KB of code
  const hw::Board* f746 = catalog->Find("f746");
  ASSERT_NE(f746, nullptr);
  EXPECT_EQ(f746->core_type->id, hw::CoreId::kCortexM7);  // seed Table I "M7"
  EXPECT_EQ(f746->dcache_bytes, 4096);             // seed Table I
  EXPECT_EQ(f746->ExternalRam()->bus_width_bits, 16);  // tinyops.md §5
  const hw::Board* l552 = catalog->Find("l552");
  ASSERT_NE(l552, nullptr);
  EXPECT_EQ(l552->ExternalRam()->kind, hw::MemoryKind::kSram);  // seed §V: 2 MB FMC SRAM
  EXPECT_EQ(l552->ExternalStorage()->kind, hw::MemoryKind::kSdcard);
}

TEST(BoardCatalog, UnknownNameSuggestsNearest) {
  auto catalog = hw::Catalog::LoadDirectory(std::string(DSE_SOURCE_DIR) + "/hwprofiles");
  ASSERT_TRUE(catalog.ok());
  auto board = catalog->Resolve("f496");
  ASSERT_FALSE(board.ok());
  EXPECT_EQ(board.error().message,
            "unknown board 'f496' (did you mean 'f469'?); or give a profile file --board "
            "FILE.toml");
  auto far = catalog->Resolve("esp32");
  ASSERT_FALSE(far.ok());
  EXPECT_EQ(far.error().message,
            "unknown board 'esp32' (known boards: f469, f746, g0b1, h743, h7a3, l4r5, l552, m467, "
            "nrf5340, psoc62, ra6m4, u385, u575, u585); or give a profile "
            "file --board FILE.toml");
}

TEST(BoardCatalog, ResolvesAProfileFile) {
  auto catalog = hw::Catalog::LoadDirectory(std::string(DSE_SOURCE_DIR) + "/hwprofiles");
  ASSERT_TRUE(catalog.ok());
  auto board = catalog->Resolve(std::string(DSE_SOURCE_DIR) + "/hwprofiles/f746.toml");
  ASSERT_TRUE(board.ok()) << board.error().message;
  EXPECT_EQ(board->name, "f746");
  auto missing = catalog->Resolve("no_such_board.toml");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "no_such_board.toml: cannot open the board profile");
}

}  // namespace

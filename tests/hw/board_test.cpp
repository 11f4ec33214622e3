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

[tinyops]
sram_budget_bytes = 258_000
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
  EXPECT_FALSE(board->power.tinyops_mw.has_value());
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

TEST(BoardProfile, BudgetLargerThanSram) {
  EXPECT_EQ(ErrorOf(Replace(kMinimal, "sram_budget_bytes = 258_000", "sram_budget_bytes = 300_000")),
            "b.toml:25: [tinyops] sram_budget_bytes = 300000 is more than the SRAM ([sram] "
            "size_bytes = 262144)\n"
            "    sram_budget_bytes = 300_000\n"
            "    ^");
}

TEST(BoardProfile, UnknownMemoryKind) {
  EXPECT_EQ(ErrorOf(Replace(kMinimal, "kind = \"sdram\"", "kind = \"sdrm\"")),
            "b.toml:18: 'kind' = 'sdrm' is not one of: sdram, sram, qspi, sdcard (did you mean "
            "'sdram'?)\n"
            "    kind = \"sdrm\"\n"
            "           ^");
}

// [[design_power]]: the power of one design in one mode (seed Table II gives one per row).
const char* const kDesignPower = R"(
[[design_power]]
variant = "mcunet-in2"
mode = "internal"
mw = 360.0
)";

TEST(BoardProfile, DesignPowerParses) {
  auto board = hw::ParseBoard("b.toml", std::string(kMinimal) + kDesignPower);
  ASSERT_TRUE(board.ok()) << board.error().message;
  ASSERT_EQ(board->design_power.size(), 1u);
  EXPECT_EQ(board->design_power[0].variant, "mcunet-in2");
  EXPECT_EQ(board->design_power[0].mode, "internal");
  EXPECT_EQ(board->design_power[0].mw, 360.0);
}

TEST(BoardProfile, DesignPowerBadModeAndDuplicate) {
  const std::string text = std::string(kMinimal) + kDesignPower +
                           Replace(kDesignPower, "mode = \"internal\"", "mode = \"internl\"") +
                           kDesignPower;
  EXPECT_EQ(ErrorOf(text),
            "b.toml:34: 'mode' = 'internl' is not one of: internal, external, tinyops (did you "
            "mean 'internal'?)\n"
            "    mode = \"internl\"\n"
            "           ^\n"
            "b.toml:37: the power of 'mcunet-in2' in the internal mode is listed twice (first at "
            "line 27)\n"
            "    [[design_power]]\n"
            "    ^");
}

TEST(BoardCatalog, BuiltinBoardsCarryTheirSourcedValues) {
  auto catalog = hw::Catalog::LoadDirectory(std::string(DSE_SOURCE_DIR) + "/hwprofiles");
  ASSERT_TRUE(catalog.ok()) << catalog.error().message;
  EXPECT_EQ(catalog->Names(), (std::vector<std::string>{"f469", "f746", "h743", "l552"}));
  const hw::Board* f469 = catalog->Find("f469");
  ASSERT_NE(f469, nullptr);
  EXPECT_EQ(f469->tinyops_budget_bytes, 258'000);  // tinyops.md §2.2: F4 rows sum to 258,000
  EXPECT_EQ(f469->clock_hz, 180'000'000);          // seed Table I
  EXPECT_EQ(f469->flash.reserved_bytes, 102'400);  // seed §V-C: ~100 KB of code
  EXPECT_EQ(f469->power.tinyops_mw, 380.0);        // seed Table III
  const hw::Board* f746 = catalog->Find("f746");
  ASSERT_NE(f746, nullptr);
  EXPECT_EQ(f746->tinyops_budget_bytes, 319'900);  // F7 PLATFORM_AVAILABLE_SRAM (tinyops.md §2.2)
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
            "unknown board 'esp32' (known boards: f469, f746, h743, l552); or give a profile "
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

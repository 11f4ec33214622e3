// Memory regions of a profile ([memory], hw/regions.h): h743's real RAMs, and the bad inputs
// (overlap, a region larger than the part) as `file:line` errors.

#include <gtest/gtest.h>

#include "hw/board.h"
#include "hw/catalog.h"

namespace {

const std::string kBase = R"(name = "mini"
title = "test board"
[core]
arch = "cortex-m7"
clock_hz = 216_000_000
[sram]
size_bytes = 262_144
[flash]
size_bytes = 1_048_576
[memory]
sram_total_bytes = 327_680
)";

std::string Region(const char* name, const char* start, const char* size) {
  return std::string("[[memory.region]]\nname = \"") + name + "\"\nkind = \"sram\"\nstart = " +
         start + "\nsize_bytes = " + size + "\n";
}

TEST(Regions, H743ListsItsSevenInternalRams) {
  // boards.md §4: ITCM 64 KB, DTCM 128 KB, AXI SRAM 512 KB, SRAM1 128 + SRAM2 128 + SRAM3 32 KB,
  // SRAM4 64 KB; addresses of the RM0433 memory map.
  auto loaded = hw::Catalog::LoadDirectory(std::string(DSE_SOURCE_DIR) + "/hwprofiles");
  ASSERT_TRUE(loaded) << loaded.error().message;
  const hw::Catalog& catalog = loaded.value();
  const hw::Board& h743 = *catalog.Find("h743");
  ASSERT_EQ(h743.regions.size(), 7u);
  EXPECT_EQ(h743.regions[1].name, "dtcm");
  EXPECT_EQ(h743.regions[1].start, 0x2000'0000);
  EXPECT_EQ(h743.regions[1].size_bytes, 131'072);
  EXPECT_FALSE(h743.regions[1].dma);
  EXPECT_EQ(h743.regions[2].name, "axi_sram");
  EXPECT_EQ(h743.regions[2].start, 0x2400'0000);
  EXPECT_EQ(h743.regions[2].size_bytes, 524'288);
  int64_t total = 0;
  for (const hw::MemoryRegion& r : h743.regions) total += r.size_bytes;
  EXPECT_EQ(total, 1'081'344);  // 1056 KiB: the "1 MB" of an H743
  EXPECT_TRUE(catalog.Find("f469")->regions.empty());
}

TEST(Regions, OverlappingRegionsAreAnErrorAtTheSecondOne) {
  const std::string text = kBase + Region("a", "0x2000_0000", "65_536") +
                           Region("b", "0x2000_8000", "65_536");
  auto board = hw::ParseBoard("b.toml", text);
  ASSERT_FALSE(board);
  // Region "b" starts on line 17 of the text (12 lines of base, 5 per region).
  EXPECT_NE(board.error().message.find("b.toml:17:"), std::string::npos) << board.error().message;
  EXPECT_NE(board.error().message.find("region 'b' [0x20008000, 0x20018000) overlaps region 'a'"),
            std::string::npos)
      << board.error().message;
}

TEST(Regions, ARegionLargerThanThePartIsAnError) {
  const std::string text = kBase + Region("big", "0x2000_0000", "1_048_576");
  auto board = hw::ParseBoard("b.toml", text);
  ASSERT_FALSE(board);
  EXPECT_NE(board.error().message.find("b.toml:12:"), std::string::npos) << board.error().message;
  EXPECT_NE(board.error().message.find("region 'big' (1048576 B) is larger than the part's "
                                       "internal RAM (sram_total_bytes = 327680 B)"),
            std::string::npos)
      << board.error().message;
}

}  // namespace

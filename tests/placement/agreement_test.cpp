// fit, partition, show and the sweep agree (issue 14 item 7): one budget check and one
// external-RAM check in placement/memory_checks.h, used by all of them.

#include <gtest/gtest.h>

#include "hw/catalog.h"
#include "placement/memory_checks.h"

namespace {

const hw::Board& Board(const std::string& name) {
  static const hw::Catalog catalog =
      hw::Catalog::LoadDirectory(std::string(DSE_SOURCE_DIR) + "/hwprofiles").value();
  return *catalog.Find(name);
}

TEST(Agreement, BudgetAboveTheBoardsSramIsRefusedNamingItsSize) {
  const hw::Board& f469 = Board("f469");  // [sram] size_bytes = 262,144 (hwprofiles/f469.toml)
  EXPECT_TRUE(placement::CheckBudget(f469, 0).ok());  // 0 = the board's default
  EXPECT_TRUE(placement::CheckBudget(f469, 262144).ok());
  auto over = placement::CheckBudget(f469, 400000);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().kind, util::Error::Kind::kInput);
  EXPECT_EQ(over.error().message,
            "--budget: 400000 B is above the internal SRAM of board 'f469' (262144 B); at most "
            "262144 B");
}

TEST(Agreement, TinyopsNeedsExternalRam) {
  EXPECT_TRUE(placement::RequireTinyopsRam(Board("f469")).ok());
  hw::Board bare = Board("f469");
  bare.external.clear();
  auto r = placement::RequireTinyopsRam(bare);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("TinyOps needs external RAM"), std::string::npos);
}

}  // namespace

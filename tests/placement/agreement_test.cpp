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

// The one budget rule (placement::MaxBudgetBytes), the same for fit, partition, show, sweep
// and plot budget --to: the SRAM a profile leaves to a network, or the board's default budget
// where that is higher.
TEST(Agreement, BudgetAboveWhatTheBoardGivesTinyopsIsRefusedNamingItsSize) {
  const hw::Board& f469 = Board("f469");  // [sram] size_bytes = 262,144, reserved_bytes = 12,680
  tinyops::BudgetTable table{"data/tinyops/budgets.csv", {{"f469", 258000, "", 2}}};
  // data/tinyops/budgets.csv: f469,258000 — above 262,144 - 12,680 = 249,464 B, so it rules.
  EXPECT_EQ(placement::MaxBudgetBytes(f469, &table), 258000);
  EXPECT_EQ(placement::MaxBudgetBytes(f469, nullptr), 249464);  // no table: 262,144 - 12,680
  EXPECT_TRUE(placement::CheckBudget(f469, 0, &table).ok());  // 0 = the board's default
  EXPECT_TRUE(placement::CheckBudget(f469, 258000, &table).ok());
  auto full = placement::CheckBudget(f469, 262144, &table);  // the whole SRAM: no room for the runtime
  ASSERT_FALSE(full.ok());
  EXPECT_EQ(full.error().kind, util::Error::Kind::kInput);
  EXPECT_EQ(full.error().message,
            "--budget: 262144 B is above the most board 'f469' gives TinyOps buffers, 258000 B "
            "(262144 B of SRAM less a 12680 B runtime reserve: 249464 B; its default budget in "
            "budgets.csv, 258000 B, is higher); nearest valid: --budget 258000");
  auto plain = placement::CheckBudget(f469, 250000, nullptr);
  ASSERT_FALSE(plain.ok());
  EXPECT_EQ(plain.error().message,
            "--budget: 250000 B is above the most board 'f469' gives TinyOps buffers, 249464 B "
            "(262144 B of SRAM less a 12680 B runtime reserve: 249464 B); nearest valid: "
            "--budget 249464");
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

// The default TinyOps SRAM budget as deployment data (data/tinyops/budgets.csv): the shipped
// values with their sources, the fallback to the board's available SRAM, and bad files failing
// with "file:line: what is wrong", checked verbatim.

#include <gtest/gtest.h>

#include <string>

#include "hw/catalog.h"
#include "tinyops/budgets.h"

namespace {

const tinyops::BudgetTable& Shipped() {
  static const tinyops::BudgetTable table =
      tinyops::LoadBudgets(std::string(DSE_SOURCE_DIR) + "/data/tinyops/budgets.csv").value();
  return table;
}

const hw::Catalog& Boards() {
  static const hw::Catalog catalog =
      hw::Catalog::LoadDirectory(std::string(DSE_SOURCE_DIR) + "/hwprofiles").value();
  return catalog;
}

std::string ErrorOf(const std::string& text) {
  auto table = tinyops::ParseBudgets("b.csv", text);
  EXPECT_FALSE(table.ok());
  return table.ok() ? "" : table.error().message;
}

TEST(TinyopsBudgets, ShippedValues) {
  EXPECT_EQ(tinyops::DefaultBudgetBytes(Shipped(), *Boards().Find("f469")),
            258'000);  // tinyops.md §2.2: F4 rows sum to 258,000
  EXPECT_EQ(tinyops::DefaultBudgetBytes(Shipped(), *Boards().Find("f746")),
            319'900);  // F7 PLATFORM_AVAILABLE_SRAM (tinyops.md §2.2)
  // Chosen: the SRAM minus the 7,780 B margin F7 leaves (327,680 - 319,900).
  EXPECT_EQ(tinyops::DefaultBudgetBytes(Shipped(), *Boards().Find("h743")), 524'288 - 7'780);
  EXPECT_EQ(tinyops::DefaultBudgetBytes(Shipped(), *Boards().Find("l552")), 196'608 - 7'780);
  EXPECT_EQ(Shipped().Find("f746")->source, "F7 main.h PLATFORM_AVAILABLE_SRAM (tinyops.md §2.2)");
  EXPECT_TRUE(tinyops::CheckBudgets(Shipped(), Boards().boards()).ok());
}

// A board without a row (a user's own profile) gets the SRAM its profile leaves to a network.
TEST(TinyopsBudgets, FallsBackToAvailableSram) {
  hw::Board mine = *Boards().Find("f469");
  mine.name = "my-board";
  EXPECT_EQ(tinyops::DefaultBudgetBytes(Shipped(), mine), 262'144 - 12'680);  // f469.toml [sram]
}

TEST(TinyopsBudgets, BudgetLargerThanSram) {
  auto table = tinyops::ParseBudgets("b.csv", "board,sram_budget_bytes\nf469,300000\n");
  ASSERT_TRUE(table.ok()) << table.error().message;
  const hw::Board& f469 = *Boards().Find("f469");
  auto status = tinyops::CheckBudgets(*table, {f469});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message,
            "b.csv:2: the budget of 'f469', 300000 B, is more than its SRAM (" + f469.file +
                ": [sram] size_bytes = 262144)");
}

TEST(TinyopsBudgets, BadRows) {
  EXPECT_EQ(ErrorOf("board,sram_budget_bytes,source\nf469,258000,a\nf469,250000,b\n"
                    "f746,12kb,c\nl552,-1,d\n,1000,e\n"),
            "b.csv:3: the budget of 'f469' is listed twice (first at line 2)\n"
            "b.csv:4: sram_budget_bytes must be a positive whole number of bytes, found '12kb'\n"
            "b.csv:5: sram_budget_bytes must be a positive whole number of bytes, found '-1'\n"
            "b.csv:6: empty board");
}

TEST(TinyopsBudgets, MisspeltColumn) {
  EXPECT_EQ(ErrorOf("board,sram_budget_byte\n"),
            "b.csv:1: unknown column 'sram_budget_byte' (did you mean 'sram_budget_bytes'?); the "
            "columns are: board,sram_budget_bytes,source\n"
            "b.csv:1: missing column 'sram_budget_bytes'");
}

}  // namespace

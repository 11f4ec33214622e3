// The op-share figure pieces (share_figure.h) and the budget range of `dse plot budget`
// (budget_range.h): values worked out by hand from the definitions in the headers.

#include <gtest/gtest.h>

#include "explore/budget_range.h"
#include "explore/share_figure.h"

namespace {

TEST(ShareFigure, StackedBarsAreCumulativeTopClassFirst) {
  // Bar 0: stem 0.25 + conv1x1 0.75; bar 1: conv1x1 0.5 + dw3x3 0.5. OpClassRank puts stem,
  // conv1x1, dw3x3 bottom up, so the cumulative heights are stem 25/0, conv1x1 100/50,
  // dw3x3 100/100, and the series come top class first.
  const std::vector<explore::ShareBar> bars = {{0, {{"stem", 0.25}, {"conv1x1", 0.75}}},
                                               {2, {{"conv1x1", 0.5}, {"dw3x3", 0.5}}}};
  plot::Figure f;
  explore::AddStackedBars(bars, &f);
  ASSERT_EQ(f.series.size(), 3u);
  EXPECT_EQ(f.series[0].title, "dw3x3");
  EXPECT_EQ(f.series[0].y, (std::vector<double>{100, 100}));
  EXPECT_EQ(f.series[1].title, "conv1x1");
  EXPECT_EQ(f.series[1].y, (std::vector<double>{100, 50}));
  EXPECT_EQ(f.series[2].title, "stem");
  EXPECT_EQ(f.series[2].y, (std::vector<double>{25, 0}));
  EXPECT_EQ(f.series[2].x, (std::vector<double>{0, 2}));
  EXPECT_STREQ(f.series[2].color.c_str(), explore::OpClassColor("stem"));
}

TEST(ShareFigure, OrderedSharesFollowClassRank) {
  const auto ordered = explore::OrderedShares({{"fc", 0.1}, {"conv1x1", 0.6}, {"stem", 0.3}});
  ASSERT_EQ(ordered.size(), 3u);
  EXPECT_EQ(ordered[0].first, "stem");
  EXPECT_EQ(ordered[1].first, "conv1x1");
  EXPECT_EQ(ordered[2].first, "fc");
}

TEST(ShareFigure, StemNamesAtMostThreeVariants) {
  EXPECT_EQ(explore::FigureStem("ops", {"a", "b"}, "_f469_tinyops"), "ops_a_b_f469_tinyops");
  EXPECT_EQ(explore::FigureStem("ops", {"a", "b", "c", "d", "e"}, ""), "ops_a_b_c_and_2_more");
  EXPECT_EQ(explore::ShareFigureFrame({"a"}, "", "tinyops").name, "ops_a");
}

TEST(BudgetRange, DefaultsTo16KiBStepsUpToTheMax) {
  const auto r = explore::CheckedBudgetRange({}, {}, {}, 320 * 1024, "f469");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->from_bytes, 16384);
  EXPECT_EQ(r->to_bytes, 327680);
  EXPECT_EQ(r->step_bytes, 16384);
}

TEST(BudgetRange, RefusesEmptyTooHighAndTooManyBudgets) {
  const auto empty = explore::CheckedBudgetRange(2000, 1000, {}, 4000, "b");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().message, "--from 2000 is above --to 1000: the budget range is empty (swap them?)");
  const auto high = explore::CheckedBudgetRange(1000, 5000, {}, 4000, "b");
  ASSERT_FALSE(high);
  EXPECT_EQ(high.error().message,
            "--to 5000 is above the 4000 B of SRAM b has for TinyOps buffers (--to 4000 at most)");
  // 1..1000 in steps of 1 is 1000 budgets; (1000 - 1) / 499 + 1 = 3 is a step that fits.
  const auto many = explore::CheckedBudgetRange(1, 1000, 1, 4000, "b");
  ASSERT_FALSE(many);
  EXPECT_EQ(many.error().message,
            "1000 budgets from 1 to 1000 in steps of 1: at most 500; use a larger --step (e.g. 3)");
  EXPECT_TRUE(explore::CheckedBudgetRange(1, 500, 1, 4000, "b"));  // exactly 500
}

}  // namespace

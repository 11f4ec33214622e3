#include <gtest/gtest.h>

#include "explore/op_shares.h"
#include "explore/reproduce.h"
#include "support/candidates.h"

namespace {

latency::Measurement Row(const std::string& board, const std::string& variant, const std::string& mode,
                         double latency_ms, const std::string& source) {
  latency::Measurement m;
  m.file = "paper.csv";
  m.line = 2;
  m.board = board;
  m.variant = variant;
  m.mode = mode;
  m.latency_ms = latency_ms;
  m.source = source;
  return m;
}

accuracy::PublishedRow Published(const std::string& model, double top1_pct) {
  accuracy::PublishedRow r;
  r.model = model;
  r.top1_pct = top1_pct;
  r.source = "test";
  return r;
}

using testing_support::FeasibleF746;

TEST(Reproduce, ClaimsParseWithQuotedSources) {
  const auto claims = explore::ParseClaims(
      "claims.csv",
      "# comment\nboard,tinyops_variant,baseline_variant,top1_gain_pct,latency_ratio,source\n"
      "f746,mbv3-w1.00-r160,mcunet-in3,6.4,1.4,\"paper, \"\"quoted\"\"\"\n");
  ASSERT_TRUE(claims.ok()) << claims.error().message;
  ASSERT_EQ(claims->size(), 1u);
  EXPECT_EQ((*claims)[0].baseline_variant, "mcunet-in3");
  EXPECT_DOUBLE_EQ((*claims)[0].top1_gain_pct, 6.4);
  EXPECT_DOUBLE_EQ((*claims)[0].latency_ratio, 1.4);
  EXPECT_EQ((*claims)[0].source, "paper, \"quoted\"");
}

TEST(Reproduce, BadNumbersAndMissingColumnsAreReportedWithTheirLine) {
  const auto bad = explore::ParseClaims(
      "claims.csv",
      "board,tinyops_variant,baseline_variant,top1_gain_pct,latency_ratio,source\n"
      "f746,a,b,six,1.4,s\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("claims.csv:2:"), std::string::npos) << bad.error().message;
  EXPECT_NE(bad.error().message.find("top1_gain_pct 'six' is not a positive number"),
            std::string::npos);
  const auto missing =
      explore::ParseAccuracyLinks("t.csv", "variant,paper_model,accuracy_row\nx,y,z\n");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("params_m"), std::string::npos) << missing.error().message;
}

TEST(Reproduce, RowsAreSortedIntoTablesByTheirSource) {
  const std::vector<latency::Measurement> measured = {
      Row("f746", "mcunet-in3", "internal", 1838, "Sadiq Table II (repr.)"),
      Row("f746", "p", "external", 1004, "Sadiq Table III"),
      Row("f746", "other", "internal", 5, "someone else's bench"),
      Row("f746", "mbv3-w1.00-r160", "tinyops", 1307, "Sadiq Table II")};
  const std::vector<explore::AccuracyLink> links = {
      {"mcunet-in3", "MCUNetV1-F746-int8", "in3 row", 0.74},
      {"mbv3-w1.00-r160", "MobileNetV3-w1.00-r160", "mbv3 row", 3.96}};
  const auto rows = explore::JoinPaperRows(
      measured, links, {Published("in3 row", 61.47), Published("mbv3 row", 68.19)});
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].table, "II");
  EXPECT_DOUBLE_EQ(*(*rows)[0].top1_pct, 61.47);
  EXPECT_DOUBLE_EQ(*(*rows)[1].params_m, 3.96);
  EXPECT_EQ((*rows)[2].table, "III");
  EXPECT_EQ((*rows)[2].mode, "external");
  EXPECT_FALSE((*rows)[2].top1_pct);

  const auto unlinked = explore::JoinPaperRows(measured, {links[0]}, {Published("in3 row", 61.47)});
  ASSERT_FALSE(unlinked.ok());
  EXPECT_EQ(
      unlinked.error().message,
      "paper.csv:2: Table II variant 'mbv3-w1.00-r160' has no row in data/reproduce/table2.csv");
}

TEST(Reproduce, ClaimCheckComparesPredictedAndTableFigures) {
  const std::vector<latency::Measurement> measured = {
      Row("f746", "base", "internal", 1838, "Table II"),
      Row("f746", "tiny", "tinyops", 1307, "Table II")};
  const auto rows = explore::JoinPaperRows(measured, {{"base", "B", "b", 1}, {"tiny", "T", "t", 1}},
                                           {Published("b", 61.5), Published("t", 68.0)});
  ASSERT_TRUE(rows.ok());
  const explore::Claim claim{"f746", "tiny", "base", 6.4, 1.4, "s"};
  const auto check = explore::CheckClaim(claim, FeasibleF746("tiny", "tinyops", 68, 1000),
                                         FeasibleF746("base", "internal", 62, 2000), *rows);
  EXPECT_DOUBLE_EQ(*check.table_top1_gain_pct, 6.5);
  EXPECT_DOUBLE_EQ(*check.table_latency_ratio, 1838.0 / 1307.0);
  EXPECT_DOUBLE_EQ(*check.top1_gain_pct, 6);
  EXPECT_DOUBLE_EQ(*check.latency_ratio, 2);
  EXPECT_TRUE(check.holds);
  EXPECT_FALSE(explore::CheckClaim(claim, FeasibleF746("tiny", "tinyops", 68, 3000),
                                   FeasibleF746("base", "internal", 62, 2000), *rows)
                   .holds);
  explore::Candidate infeasible = FeasibleF746("tiny", "tinyops", 68, 1000);
  infeasible.feasible = false;
  EXPECT_FALSE(
      explore::CheckClaim(claim, infeasible, FeasibleF746("base", "internal", 62, 2000), *rows).holds);
  explore::Candidate baseline_infeasible = FeasibleF746("base", "internal", 62, 2000);
  baseline_infeasible.feasible = false;
  EXPECT_TRUE(
      explore::CheckClaim(claim, FeasibleF746("tiny", "tinyops", 68, 1000), baseline_infeasible, *rows)
          .holds);
}

TEST(Reproduce, PickIsTheMostAccurateTinyopsDesignNoSlowerThanThePaperPick) {
  const explore::Candidate paper = FeasibleF746("paper", "tinyops", 60, 1000);
  const std::vector<explore::Candidate> front = {
      FeasibleF746("slower", "tinyops", 70, 1001), FeasibleF746("internal", "internal", 69, 500),
      FeasibleF746("tie-slow", "tinyops", 65, 900), FeasibleF746("tie-fast", "tinyops", 65, 800),
      FeasibleF746("worse", "tinyops", 55, 100)};
  const auto pick = explore::ToolkitPick(paper, front);
  ASSERT_TRUE(pick);
  EXPECT_EQ(pick->variant, "tie-fast");
  explore::Candidate no_latency = paper;
  no_latency.latency_ms.reset();
  EXPECT_FALSE(explore::ToolkitPick(no_latency, front));
}

TEST(OpShares, ClassesStackInTheFigureOrder) {
  EXPECT_LT(explore::OpClassRank("stem"), explore::OpClassRank("conv1x1"));
  EXPECT_LT(explore::OpClassRank("dw7x7"), explore::OpClassRank("dw9x9"));
  EXPECT_LT(explore::OpClassRank("dw9x9"), explore::OpClassRank("se"));
  EXPECT_LT(explore::OpClassRank("fc"), explore::OpClassRank("other"));
}

}  // namespace

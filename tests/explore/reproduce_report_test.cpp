// explore::BuildReproduceReport and its pieces on literal rows and candidates: each expected
// value is worked out by hand from the inputs written in the test (shown beside it).

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "explore/reproduce_report.h"
#include "support/candidates.h"

namespace {

explore::PaperRow Paper(const std::string& table, const std::string& variant,
                        const std::string& mode, double latency_ms) {
  explore::PaperRow p;
  p.table = table;
  p.board = "f746";
  p.variant = variant;
  p.mode = mode;
  p.latency_ms = latency_ms;
  return p;
}

using testing_support::FeasibleF746;

TEST(ReproduceReport, RowDifferencesAreToolkitMinusPaper) {
  explore::PaperRow p = Paper("II", "v", "tinyops", 1000);
  p.macs_m = 200;
  p.params_m = 3.0;
  p.top1_pct = 68.0;
  p.energy_mj = 400;
  explore::Candidate c = FeasibleF746("v", "tinyops", 66.5, 1100);
  c.macs = 215'000'000;
  c.params = 2'750'000;
  c.energy_mj = 300;
  const explore::RowDiff d = explore::DiffRow({p, c});
  EXPECT_DOUBLE_EQ(*d.macs_m, 15);         // 215 - 200
  EXPECT_DOUBLE_EQ(*d.params_m, -0.25);    // 2.75 - 3.0
  EXPECT_DOUBLE_EQ(*d.top1_points, -1.5);  // 66.5 - 68.0
  EXPECT_DOUBLE_EQ(*d.latency_pct, 10);    // 100 (1100 - 1000) / 1000
  EXPECT_DOUBLE_EQ(*d.energy_pct, -25);    // 100 (300 - 400) / 400
  const explore::RowDiff unknown = explore::DiffRow({Paper("III", "v", "external", 0), {}});
  EXPECT_FALSE(unknown.macs_m);       // the paper gives no MACs
  EXPECT_FALSE(unknown.top1_points);  // Table III has no accuracy
  EXPECT_FALSE(unknown.latency_pct);  // no prediction, and a paper latency of 0
}

TEST(ReproduceReport, PowerIsEnergyOverLatency) {
  explore::Candidate c = FeasibleF746("v", "internal", 60, 250);
  c.energy_mj = 100;
  EXPECT_DOUBLE_EQ(*explore::PowerMw(c), 400);  // 100 mJ / 250 ms = 0.4 W
  c.latency_ms = 0;
  EXPECT_FALSE(explore::PowerMw(c));
}

TEST(ReproduceReport, SummaryIsTheMeanAbsoluteDifferencePerTable) {
  explore::PaperRow a = Paper("II", "a", "internal", 1000), b = Paper("II", "b", "tinyops", 500);
  a.top1_pct = 60;
  b.top1_pct = 70;
  const std::vector<explore::RowComparison> rows = {
      {a, FeasibleF746("a", "internal", 61, 1100)},   // latency +10%, top-1 +1
      {b, FeasibleF746("b", "tinyops", 67, 400)},     // latency -20%, top-1 -3
      {Paper("III", "c", "external", 200), FeasibleF746("c", "external", 0, 230)}};  // +15%
  const explore::ReproduceSummary s = explore::Summarise(rows);
  EXPECT_DOUBLE_EQ(*s.latency_mape_t2, 15);  // (10 + 20) / 2
  EXPECT_DOUBLE_EQ(*s.top1_mae_t2, 2);       // (1 + 3) / 2
  EXPECT_NEAR(*s.latency_mape_t3, 15, 1e-12);
  EXPECT_FALSE(s.energy_mape_t2);  // no row gives an energy
}

TEST(ReproduceReport, OneLatencyProvenancePerBoardFromItsFirstFeasibleRow) {
  explore::Candidate infeasible = FeasibleF746("a", "internal", 60, 1);
  infeasible.feasible = false;
  infeasible.latency_provenance = "as if it fitted";
  explore::Candidate first = FeasibleF746("b", "tinyops", 60, 1), second = first;
  first.latency_provenance = "calibrated on 8 rows";
  second.latency_provenance = "later";
  explore::PaperRow l552 = Paper("II", "c", "internal", 1);
  l552.board = "l552";
  explore::Candidate other = FeasibleF746("c", "internal", 60, 1);
  other.latency_provenance = "prior only";
  const auto per_board = explore::LatencyProvenancePerBoard(
      {{Paper("II", "a", "internal", 1), infeasible}, {Paper("II", "b", "tinyops", 1), first},
       {l552, other}, {Paper("III", "b", "tinyops", 1), second}});
  ASSERT_EQ(per_board.size(), 2u);
  EXPECT_EQ(per_board[0].board, "f746");
  EXPECT_EQ(per_board[0].latency_provenance, "calibrated on 8 rows");
  EXPECT_EQ(per_board[1].board, "l552");
  EXPECT_EQ(per_board[1].latency_provenance, "prior only");
}

TEST(ReproduceReport, BoardsInOrderOfFirstAppearance) {
  explore::PaperRow f469 = Paper("II", "a", "internal", 1);
  f469.board = "f469";
  EXPECT_EQ(explore::BoardsOf({Paper("II", "a", "internal", 1), f469,
                               Paper("III", "b", "external", 1)}),
            (std::vector<std::string>{"f746", "f469"}));
}

// One claim and one Table II TinyOps row, evaluated by a fake: the report wires each model to
// the evaluation of its mode, checks the claim and picks from the front.
TEST(ReproduceReport, BuildsClaimsAndPicksFromTheEvaluations) {
  explore::PaperRow base = Paper("II", "base", "internal", 2000);
  explore::PaperRow tiny = Paper("II", "tiny", "tinyops", 1000);
  base.top1_pct = 60;
  tiny.top1_pct = 66;
  const std::map<std::string, explore::Candidate> evaluated = {
      {"base/internal", FeasibleF746("base", "internal", 61, 1800)},
      {"tiny/tinyops", FeasibleF746("tiny", "tinyops", 65, 900)}};
  int calls = 0;
  const auto evaluate = [&](const std::string& v, const std::string&, const std::string& m) {
    ++calls;
    return evaluated.at(v + "/" + m);
  };
  const std::vector<explore::Candidate> front = {
      FeasibleF746("fast", "tinyops", 64, 500), FeasibleF746("best", "tinyops", 67, 850),
      FeasibleF746("too-slow", "tinyops", 70, 1801)};
  const explore::ReproduceReport r = explore::BuildReproduceReport(
      {base, tiny}, {{"f746", "tiny", "base", 6, 2, "s"}}, evaluate, front);
  EXPECT_EQ(calls, 4);  // two rows, the claim's two models
  ASSERT_EQ(r.claims.size(), 1u);
  const explore::ClaimResult& c = r.claims[0];
  EXPECT_DOUBLE_EQ(*c.check.table_top1_gain_pct, 6);  // 66 - 60
  EXPECT_DOUBLE_EQ(*c.check.top1_gain_pct, 4);        // 65 - 61
  EXPECT_DOUBLE_EQ(*c.check.latency_ratio, 2);        // 1800 / 900
  EXPECT_TRUE(c.check.holds);
  ASSERT_TRUE(c.pick);  // beside the baseline (1800 ms): the most accurate no slower
  EXPECT_EQ(c.pick->variant, "best");
  EXPECT_DOUBLE_EQ(*c.pick_gain_pct, 6);                   // 67 - 61
  EXPECT_DOUBLE_EQ(*c.pick_ratio, 1800.0 / 850.0);
  EXPECT_EQ(c.baseline_fail_reason, "");
  ASSERT_EQ(r.picks.size(), 1u);  // only the Table II TinyOps row
  EXPECT_EQ(r.picks[0].paper.paper.variant, "tiny");
  ASSERT_TRUE(r.picks[0].toolkit);  // beside tiny (900 ms)
  EXPECT_EQ(r.picks[0].toolkit->variant, "best");
  EXPECT_DOUBLE_EQ(*r.picks[0].gain_points, 2);  // 67 - 65
  EXPECT_DOUBLE_EQ(*r.summary.top1_mae_t2, 1);   // (|61 - 60| + |65 - 66|) / 2
}

TEST(ReproduceReport, TinyopsFrontSweepsOnlyTinyopsMode) {
  const hw::Board board;
  const explore::SweepOptions o = explore::TinyopsFrontOptions({}, {&board});
  EXPECT_EQ(o.modes, std::vector<std::string>{"tinyops"});
  EXPECT_EQ(o.boards.size(), 1u);
  EXPECT_EQ(o.budget_bytes, 0);  // each board's default budget
}

}  // namespace

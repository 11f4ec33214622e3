// The plot changes of issue 16 (item 8): family colours and labelled front members in the
// Pareto figure, "prior only" in titles, the board's own budget in the budget sweep, and how
// labels and per-point colours reach gnuplot. Expected values follow from the literal inputs.

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "explore/budget_range.h"
#include "explore/front_figure.h"
#include "plot/figure.h"

namespace {

explore::Candidate Cand(const std::string& space, const std::string& variant, int64_t macs,
                        double top1, const std::string& provenance) {
  explore::Candidate c;
  c.space = space;
  c.variant = variant;
  c.board = "f746";
  c.mode = "internal";
  c.feasible = true;
  c.macs = macs;
  c.top1 = top1;
  c.latency_ms = 10;
  c.latency_provenance = provenance;
  return c;
}

TEST(Plots, FrontMembersAreLabelledAndPointsColouredByFamily) {
  const std::vector<explore::Candidate> rows = {
      Cand("mbv3", "mbv3-a", 100'000'000, 60, "prior only"),
      Cand("proxyless", "proxyless-b", 200'000'000, 65, "prior only"),
      Cand("mbv3", "mbv3-c", 300'000'000, 55, "prior only"),  // dominated, as is proxyless-d
      Cand("proxyless", "proxyless-d", 400'000'000, 50, "prior only")};
  const plot::Figure f = explore::FrontFigure(rows, "f746", "macs");
  EXPECT_EQ(f.title, "f746: top-1 vs MACs (top-1 predicted, latency prior only)");
  EXPECT_EQ(f.key_position, "top left");  // the empty side of a front: nothing dominates it
  ASSERT_EQ(f.series.size(), 2u);  // internal designs and front
  // Families in name order take the palette's first two colours (a space of one variant would
  // be a reference net).
  EXPECT_EQ(f.series[0].point_colors,
            (std::vector<std::string>{"#1b9e77", "#d95f02", "#1b9e77", "#d95f02"}));
  EXPECT_EQ(f.series[1].labels, (std::vector<std::string>{"mbv3-a", "proxyless-b"}));
  ASSERT_EQ(f.key_entries.size(), 2u);
  EXPECT_EQ(f.key_entries[1].first, "proxyless");
}

TEST(Plots, TheTitleCountsMeasuredTop1AndFlatFrontsKeepLabelsApart) {
  // MACs 100, 150, 300, 1000 M on a front whose top-1 rises 60, 61, 61.5, 70: 150 M is 0.18
  // decade right of 100 M but 1 point higher (within a label's 0.45 decade width and 3-point
  // height), so it is not labelled; 300 M is 0.48 decade right, 1000 M 0.52 decade further.
  std::vector<explore::Candidate> rows = {
      Cand("mbv3", "mbv3-a", 100'000'000, 60, "predicted"),
      Cand("mbv3", "mbv3-b", 150'000'000, 61, "predicted"),
      Cand("mbv3", "mbv3-c", 300'000'000, 61.5, "predicted"),
      Cand("proxyless", "proxyless-d", 1'000'000'000, 70, "predicted")};
  for (auto& c : rows) c.top1_provenance = "predicted";
  rows[3].top1_provenance = "published";
  rows[1].top1_provenance = "measured";
  const plot::Figure f = explore::FrontFigure(rows, "f746", "macs");
  EXPECT_EQ(f.title, "f746: top-1 vs MACs (top-1 predicted but 2 models measured or published, "
                     "latency predicted)");
  EXPECT_EQ(f.series[1].labels,
            (std::vector<std::string>{"mbv3-a", "", "mbv3-c", "proxyless-d"}));
  rows[1].top1_provenance = "extrapolated";  // a prediction outside the fit's domain
  rows[3].top1_provenance = "predicted";
  EXPECT_EQ(explore::FrontFigure(rows, "f746", "macs").title,
            "f746: top-1 vs MACs (top-1 and latency predicted)");
}

TEST(Plots, LabelsAndColoursReachTheDataAndScript) {
  plot::Figure f;
  f.name = "front";
  f.series = {{"designs", "#000000", plot::Series::Style::kPoints, {1}, {2}},
              {"front", "#1f77b4", plot::Series::Style::kSteps, {1}, {2}}};
  f.series[0].point_colors = {"#00ff00"};
  f.series[1].labels = {"mbv3-a"};
  // 0x00ff00 = 65280.
  EXPECT_EQ(plot::DataText(f), "# designs\n1 2 65280\n\n\n# front\n1 2 \"mbv3-a\"\n");
  const std::string script = plot::ScriptText(f);
  EXPECT_NE(script.find("index 0 using 1:2:3 with points pt 7 ps 0.6 lc rgb variable"),
            std::string::npos);
  EXPECT_NE(script.find("index 1 using 1:2:3 with labels left offset"), std::string::npos);
  EXPECT_NE(script.find("index 1 using 1:2:3 with labels hypertext"), std::string::npos);
  EXPECT_NE(script.find("set terminal svg size 1000,700 dynamic mouse standalone"),
            std::string::npos);
  EXPECT_NE(script.find("set rmargin 6\n"), std::string::npos);
}

// Issue 13: against latency, each front member's 80 % interval is a horizontal error bar in a
// series after the (points, front) pair; dominated designs get none.
TEST(Plots, LatencyFrontsCarryTheirIntervalsAsErrorBars) {
  std::vector<explore::Candidate> rows = {
      Cand("mbv3", "mbv3-a", 100'000'000, 60, "prior only"),
      Cand("mbv3", "mbv3-b", 200'000'000, 65, "prior only"),
      Cand("mbv3", "mbv3-c", 300'000'000, 55, "prior only")};  // dominated (slower, worse)
  for (size_t i = 0; i < rows.size(); ++i) {
    rows[i].latency_ms = 10.0 * (i + 1);  // 10, 20, 30 ms
    rows[i].latency_ms_low = 8.0 * (i + 1);
    rows[i].latency_ms_high = 13.0 * (i + 1);
  }
  const plot::Figure f = explore::FrontFigure(rows, "f746", "latency");
  EXPECT_EQ(f.title, "f746: top-1 vs latency (top-1 predicted, latency prior only)");
  ASSERT_EQ(f.series.size(), 3u);  // internal designs, front, front's 80 % interval
  const plot::Series& bars = f.series[2];
  EXPECT_EQ(bars.title, "internal 80 % interval");
  EXPECT_EQ(bars.style, plot::Series::Style::kXErrorBars);
  EXPECT_EQ(bars.x, (std::vector<double>{10, 20}));
  EXPECT_EQ(bars.low, (std::vector<double>{8, 16}));
  EXPECT_EQ(bars.high, (std::vector<double>{13, 26}));
  EXPECT_NE(plot::DataText(f).find("# internal 80 % interval\n10 60 8 13\n20 65 16 26\n"),
            std::string::npos);
  EXPECT_NE(plot::ScriptText(f).find("index 2 using 1:2:3:4 with xerrorbars"), std::string::npos);
  // Against MACs there is no latency axis for the bars.
  EXPECT_EQ(explore::FrontFigure(rows, "f746", "macs").series.size(), 2u);
}

// A measured top-1 (e.g. `dse accuracy import`) is ringed in every Pareto figure: one series
// "top-1 measured" after the others (after the latency intervals too), an open circle (pt 6)
// larger than the 0.6 markers; the energy axis takes the energy figures (power x latency).
TEST(Plots, MeasuredTop1IsRingedOnEveryAxis) {
  std::vector<explore::Candidate> rows = {
      Cand("mbv3", "mbv3-a", 100'000'000, 60, "predicted"),
      Cand("mbv3", "mbv3-b", 200'000'000, 45, "predicted")};  // measured 45 %: dominated
  for (auto& c : rows) c.top1_provenance = "predicted";
  rows[0].energy_mj = 3.0;
  rows[1].energy_mj = 6.0;
  // Nothing measured: the pairs alone, as before rings existed.
  EXPECT_EQ(explore::FrontFigure(rows, "f746", "energy").series.size(), 2u);
  rows[1].top1_provenance = "measured";
  for (const std::string x : {"macs", "latency", "energy"}) {
    const plot::Figure f = explore::FrontFigure(rows, "f746", x);
    const plot::Series& rings = f.series.back();
    EXPECT_EQ(rings.title, "top-1 measured") << x;
    EXPECT_EQ(rings.point_type, 6) << x;
    EXPECT_EQ(rings.y, (std::vector<double>{45})) << x;
  }
  const plot::Figure energy = explore::FrontFigure(rows, "f746", "energy");
  ASSERT_EQ(energy.series.size(), 3u);  // designs, front, rings
  EXPECT_EQ(energy.series[2].x, (std::vector<double>{6.0}));
  EXPECT_NE(plot::ScriptText(energy).find(
                "index 2 using 1:2 with points pt 6 ps 1.6 lc rgb \"#000000\" title \"top-1 measured\""),
            std::string::npos);
}

// An all-mode sweep's figure draws every mode the rows have (internal, external, tinyops and
// the opt-in patch, reorder, pex), not the three default ones: most points first (external 3,
// tinyops 2), ties in registry order (placement/mode_registry.cpp). Six modes' key (12 entries
// and the family) would cover internal's front top left, so it goes outside, the figure wider.
TEST(Plots, AnAllModeFigureDrawsEveryModesFront) {
  std::vector<explore::Candidate> rows;
  const char* modes[] = {"external", "external", "external", "tinyops", "tinyops",
                         "internal", "patch", "reorder", "pex"};
  int64_t macs = 100'000'000;
  for (const char* mode : modes) {
    rows.push_back(Cand("mbv3", "mbv3-" + std::to_string(macs / 1'000'000), macs, 60, "predicted"));
    rows.back().mode = mode;
    macs += 10'000'000;
  }
  const plot::Figure f = explore::FrontFigure(rows, "f469", "macs");
  ASSERT_EQ(f.series.size(), 12u);  // (designs, front) per mode
  std::vector<std::string> fronts;
  for (size_t i = 1; i < f.series.size(); i += 2) fronts.push_back(f.series[i].title);
  EXPECT_EQ(fronts, (std::vector<std::string>{"external front", "tinyops front", "internal front",
                                              "patch front", "reorder front", "pex front"}));
  // Six colours, six point types: the three default modes keep theirs, the schedules dashed.
  std::set<std::string> colors;
  std::set<int> point_types;
  for (size_t i = 0; i < f.series.size(); i += 2) {
    colors.insert(f.series[i + 1].color);
    point_types.insert(f.series[i].point_type);
  }
  EXPECT_EQ(colors.size(), 6u);
  EXPECT_EQ(point_types.size(), 6u);
  EXPECT_EQ(f.series[1].color, "#7f7f7f");  // external, as before
  EXPECT_EQ(f.series[5].color, "#1f77b4");  // internal
  EXPECT_EQ(f.series[7].dash_type, 2);      // patch
  EXPECT_EQ(f.key_position, "outside right top");
  EXPECT_EQ(f.width_px, 1300);
  EXPECT_NE(plot::DataText(f).find("# patch front\n160 60 \"\"\n"), std::string::npos);
  EXPECT_NE(plot::ScriptText(f).find("index 7 using 1:2 with steps lw 2 dt 2 lc rgb \"#000000\" "
                                     "title \"patch front\""),
            std::string::npos);
  EXPECT_NE(plot::ScriptText(f).find("set terminal pngcairo size 1300,700"), std::string::npos);
}

TEST(Plots, TheBudgetSweepHoldsTheBoardsOwnBudget) {
  const explore::BudgetRange r{16384, 65536, 16384};
  // 16, 32, 48, 64 KiB with the board's 40,000 B between 32 KiB (32768) and 48 KiB (49152).
  EXPECT_EQ(explore::BudgetsOf(r, 40000),
            (std::vector<int64_t>{16384, 32768, 40000, 49152, 65536}));
  EXPECT_EQ(explore::BudgetsOf(r, 32768), (std::vector<int64_t>{16384, 32768, 49152, 65536}));
  EXPECT_EQ(explore::BudgetsOf(r, 100000), (std::vector<int64_t>{16384, 32768, 49152, 65536}));
  EXPECT_EQ(explore::BudgetsOf({16384, 60000, 16384}, 60000),
            (std::vector<int64_t>{16384, 32768, 49152, 60000}));
}

TEST(Plots, TheBudgetFrameSaysPriorOnlyAndKeepsTheLegendBelow) {
  const plot::Figure f = explore::BudgetFigureFrame("v", "f746", "prior only");
  EXPECT_EQ(f.title, "v on f746: TinyOps latency (prior only) and partition factor vs SRAM budget");
  EXPECT_EQ(f.key_position, "below horizontal");
}

// A board without rows of its own whose latency is the priors times its core family's
// correction (the provenance latency::CoefficientsFor gives a user profile's cortex-m7) is not
// "prior only": the front's and the budget sweep's titles say it is an uncalibrated board.
TEST(Plots, AFamilyCorrectedBoardIsNotPriorOnly) {
  const std::string family = "prior x cortex-m7 family correction (calibrated on 8 rows of boards f746)";
  const std::vector<explore::Candidate> rows = {Cand("mbv3", "mbv3-a", 100'000'000, 60, family),
                                                Cand("mbv3", "mbv3-b", 200'000'000, 65, family)};
  EXPECT_EQ(explore::FrontFigure(rows, "f769", "latency").title,
            "f769: top-1 vs latency (top-1 predicted, latency predicted (uncalibrated board))");
  EXPECT_EQ(explore::BudgetFigureFrame("v", "f769", family).title,
            "v on f769: TinyOps latency (predicted, uncalibrated board) and partition factor vs "
            "SRAM budget");
  // One calibrated design among them: the plain word.
  std::vector<explore::Candidate> mixed = rows;
  mixed.push_back(Cand("mbv3", "mbv3-c", 300'000'000, 70, "calibrated on 5 rows (my.csv)"));
  EXPECT_EQ(explore::FrontFigure(mixed, "f769", "latency").title,
            "f769: top-1 vs latency (top-1 and latency predicted)");
}

}  // namespace

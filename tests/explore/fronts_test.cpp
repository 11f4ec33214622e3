#include <gtest/gtest.h>

#include "explore/fronts.h"

namespace {

explore::Candidate C(const std::string& variant, const std::string& mode, double macs_m,
                     std::optional<double> latency_ms, double top1, bool feasible = true) {
  explore::Candidate c;
  c.variant = variant;
  c.board = "f469";
  c.mode = mode;
  c.macs = static_cast<int64_t>(macs_m * 1e6);
  c.latency_ms = latency_ms;
  c.top1 = top1;
  c.feasible = feasible;
  return c;
}

const std::vector<explore::Candidate> kPool = {
    C("a", "internal", 10, 500, 40), C("b", "internal", 20, 900, 50),
    C("b", "tinyops", 20, 800, 50),  C("c", "tinyops", 40, 700, 60),
    C("d", "tinyops", 30, 750, 55, false),  // infeasible: never on a front
    C("e", "tinyops", 50, std::nullopt, 70),  // no latency: only on MAC fronts
};

std::vector<std::string> Names(const std::vector<explore::FrontMember>& front) {
  std::vector<std::string> names;
  for (const auto& m : front) names.push_back(m.variant + "/" + m.mode);
  return names;
}

TEST(Fronts, PerDesignSpace) {
  EXPECT_EQ(Names(explore::Front(kPool, "macs", "internal")), (std::vector<std::string>{"a/internal", "b/internal"}));
  EXPECT_EQ(Names(explore::Front(kPool, "macs", "tinyops")), (std::vector<std::string>{"b/tinyops", "c/tinyops", "e/tinyops"}));
  EXPECT_EQ(Names(explore::Front(kPool, "latency", "tinyops")), (std::vector<std::string>{"c/tinyops"}));
  EXPECT_EQ(Names(explore::Front(kPool, "latency", "all")), (std::vector<std::string>{"a/internal", "c/tinyops"}));
}

// A design that costs the same under `reorder` as under `internal` (a chain has one order) is
// one member of the all-modes front, the registry's first mode; the per-mode fronts and two
// different designs at one point are untouched (pareto.h keeps exact duplicates).
TEST(Fronts, AllModesFrontCountsADesignTiedUnderTwoModesOnce) {
  const std::vector<explore::Candidate> pool = {
      C("a", "reorder", 10, 500, 40), C("a", "internal", 10, 500, 40),
      C("z", "internal", 10, 500, 40), C("c", "pex", 40, 700, 60), C("c", "tinyops", 40, 710, 60)};
  EXPECT_EQ(Names(explore::Front(pool, "latency", "all")),
            (std::vector<std::string>{"a/internal", "z/internal", "c/pex"}));
  EXPECT_EQ(Names(explore::Front(pool, "latency", "internal")),
            (std::vector<std::string>{"a/internal", "z/internal"}));
}

// An all-mode run's fronts are every mode's it has, in registry order (placement/mode_registry.cpp:
// internal, external, tinyops, then patch, reorder, pex): the opt-in schedules' too, which
// `pareto --space` and a search's pruning (FrontCandidates) take from here.
TEST(Fronts, AnAllModeRunHasAFrontPerModeItHas) {
  const std::vector<explore::Candidate> pool = {
      C("a", "pex", 10, 500, 40), C("b", "patch", 20, 600, 50), C("c", "tinyops", 40, 700, 60),
      C("d", "patch", 30, 800, 45)};  // d: slower and worse than b, off the patch front
  EXPECT_EQ(explore::DesignSpacesOf(pool), (std::vector<std::string>{"tinyops", "patch", "pex", "all"}));
  EXPECT_EQ(explore::DesignSpacesOf(kPool), (std::vector<std::string>{"internal", "tinyops", "all"}));
  EXPECT_EQ(explore::DesignSpaces(), (std::vector<std::string>{"internal", "external", "tinyops",
                                                               "patch", "reorder", "pex", "all"}));
  std::vector<std::string> patch;  // latency then MACs; energy: no candidate has one
  for (const auto& m : explore::AllFronts(pool)) {
    if (m.design_space == "patch") patch.push_back(m.x_objective + ":" + m.variant);
  }
  EXPECT_EQ(patch, (std::vector<std::string>{"macs:b", "latency:b"}));
  EXPECT_EQ(explore::FrontCandidates({&pool[0], &pool[1], &pool[2], &pool[3]}).size(),
            explore::AllFronts(pool).size());
}

TEST(Fronts, GoldenRoundTripAndDiff) {
  const auto now = explore::Front(kPool, "macs", "tinyops");
  auto golden = explore::ParseGolden("g.csv", explore::GoldenText(now));
  ASSERT_TRUE(golden.ok());
  EXPECT_TRUE(explore::CompareFronts(*golden, now).same());
  const auto diff = explore::CompareFronts(*golden, explore::Front(kPool, "macs", "internal"));
  EXPECT_EQ(Names(diff.added), (std::vector<std::string>{"a/internal", "b/internal"}));
  EXPECT_EQ(Names(diff.removed), (std::vector<std::string>{"b/tinyops", "c/tinyops", "e/tinyops"}));
}

TEST(Fronts, GoldenErrors) {
  EXPECT_EQ(explore::ParseGolden("g.csv", "").error().message, "g.csv:1: empty golden file");
  EXPECT_EQ(explore::ParseGolden("g.csv", "a,b\n").error().message,
            "g.csv:1: not a Pareto golden file: expected the header "
            "'x_objective,design_space,variant,mode,top1,top1_provenance' (or its first 4 columns)");
  EXPECT_EQ(explore::ParseGolden("g.csv", "x_objective,design_space,variant,mode\nmacs,all,v\n").error().message,
            "g.csv:2: expected 4 columns, found 3");
  const std::string header = "x_objective,design_space,variant,mode,top1,top1_provenance\n";
  EXPECT_EQ(explore::ParseGolden("g.csv", header + "macs,all,v,internal\n").error().message,
            "g.csv:2: expected 6 columns, found 4");
  EXPECT_EQ(explore::ParseGolden("g.csv", header + "macs,all,v,internal,49.9%,published\n").error().message,
            "g.csv:2: top1 '49.9%' is not a number");
}

// The pool with provenances: b published (as data/accuracy/published.csv rows are), the rest
// predicted.
std::vector<explore::Candidate> WithProvenance() {
  std::vector<explore::Candidate> pool = kPool;
  for (auto& c : pool) c.top1_provenance = c.variant == "b" ? "published" : "predicted";
  return pool;
}

TEST(Fronts, GoldenCarriesTop1) {
  const auto now = explore::Front(WithProvenance(), "macs", "tinyops");  // b, c, e (kPool)
  const std::string text = explore::GoldenText(now);
  EXPECT_EQ(text, "x_objective,design_space,variant,mode,top1,top1_provenance\n"
                  "macs,tinyops,b,tinyops,50.00,published\n"
                  "macs,tinyops,c,tinyops,60.00,predicted\n"
                  "macs,tinyops,e,tinyops,70.00,predicted\n");
  const auto golden = explore::ParseGolden("g.csv", text);
  ASSERT_TRUE(golden.ok());
  EXPECT_EQ((*golden)[0].y, 50.0);
  EXPECT_EQ((*golden)[0].top1_provenance, "published");
  // A file of the first 4 columns (tests/golden before the top-1 columns) still reads.
  const auto old = explore::ParseGolden("g.csv", "x_objective,design_space,variant,mode\nmacs,tinyops,b,tinyops\n");
  ASSERT_TRUE(old.ok());
  EXPECT_EQ((*old)[0].variant, "b");
  EXPECT_EQ((*old)[0].top1_provenance, "");
}

// A measured import of c at 45 % (below b's 50 % at 20 M MACs; kPool) takes c off the tinyops
// MAC front: the removed line says its top-1 is now measured, against the golden's figure.
TEST(Fronts, CheckNamesMeasuredTop1) {
  const std::vector<explore::Candidate> before = WithProvenance();
  const auto golden = *explore::ParseGolden("g.csv", explore::GoldenText(explore::Front(before, "macs", "tinyops")));
  std::vector<explore::Candidate> after = before;
  after[3].top1 = 45.0;  // c, tinyops
  after[3].top1_provenance = "measured";
  const auto diff = explore::CompareFronts(golden, explore::Front(after, "macs", "tinyops"), after);
  EXPECT_EQ(Names(diff.removed), (std::vector<std::string>{"c/tinyops"}));
  ASSERT_EQ(diff.top1_notes.size(), 1u);
  EXPECT_EQ(diff.top1_notes.at({"c", "tinyops"}), "top-1 now measured 45.00 % (golden: 60.00 % predicted)");
  // Without the run's rows, or when the design was not measured, no note.
  EXPECT_TRUE(explore::CompareFronts(golden, explore::Front(after, "macs", "tinyops")).top1_notes.empty());
  // A golden of 4 columns: the note says it records no top-1.
  const auto old = *explore::ParseGolden("g.csv", "x_objective,design_space,variant,mode\nmacs,tinyops,c,tinyops\n");
  EXPECT_EQ(explore::CompareFronts(old, {}, after).top1_notes.at({"c", "tinyops"}),
            "top-1 now measured 45.00 % (golden file records no top-1)");
  // The golden already had this measurement (same figure, measured): the import is not news.
  const auto measured = *explore::ParseGolden(
      "g.csv", "x_objective,design_space,variant,mode,top1,top1_provenance\nmacs,all,c,tinyops,45.00,measured\n");
  EXPECT_TRUE(explore::CompareFronts(measured, {}, after).top1_notes.empty());
}

}  // namespace

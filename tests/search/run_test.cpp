#include "search/run.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "search/hypervolume.h"
#include "search_fixture.h"

namespace search {
namespace {

using testing_support::World;

Outcome RunOf(const Request& request) {
  const Plan plan = World().PlanFor(request);
  return Run(plan, World().models, {}).value();
}

std::vector<std::string> Variants(const Outcome& o) {
  std::vector<std::string> out;
  for (const FrontPoint& p : o.front) out.push_back(p.variant);
  return out;
}

TEST(Search, IsDeterministicForASeedAndAThreadCount) {
  Request r{.space = "mbv3", .evaluations = 40, .seed = 7, .threads = 1};
  const Outcome one = RunOf(r);
  r.threads = 2;
  const Outcome two = RunOf(r);
  EXPECT_EQ(one.evaluations, 40);
  EXPECT_EQ(Variants(one), Variants(two));
  EXPECT_EQ(one.sweep.candidates.size(), two.sweep.candidates.size());
}

TEST(Search, EveryAlgorithmProposesDistinctPointsWithinTheBudget) {
  for (const std::string algorithm : {"nsga2", "aging-evolution", "random"}) {
    const Outcome o = RunOf({.space = "mbv3", .evaluations = 300, .algorithm = algorithm, .threads = 2});
    EXPECT_EQ(o.evaluations, 228) << algorithm;  // the budget exceeds the 19 x 12 grid
  }
}

TEST(Search, UnsatisfiableConstraintsNameTheTightestAndTheClosestDesign) {
  const Outcome o = RunOf({.space = "mbv3", .constraints = {"latency<=1ms", "sram<=10MiB"},
                           .evaluations = 30, .threads = 2});
  ASSERT_TRUE(o.unsatisfiable);
  EXPECT_NE(o.unsatisfiable->find("tightest: 'latency<=1ms' (met by 0 of 30 designs)"), std::string::npos)
      << *o.unsatisfiable;
  EXPECT_NE(o.unsatisfiable->find("closest design: mbv3-w"), std::string::npos) << *o.unsatisfiable;
}

TEST(Search, ConstraintsKeepTheFrontInsideTheBounds) {
  const Outcome o = RunOf({.space = "mbv3", .objectives = "top1,latency,sram",
                           .constraints = {"latency<=300ms", "sram<=256KiB"}, .evaluations = 60, .threads = 2});
  ASSERT_FALSE(o.unsatisfiable);
  ASSERT_FALSE(o.front.empty());
  for (const FrontPoint& p : o.front) {
    EXPECT_LE(p.values[1], 300) << p.variant;
    EXPECT_LE(p.values[2], 256 * 1024) << p.variant;
  }
}

// A front design is one deployment meeting every bound with its own figures. On the F469,
// mbv3-w0.30-r112 runs internally in 289.9 ms on 179.2 KiB of SRAM and externally on 12.4 KiB
// in 639.1 ms (`dse show mbv3-w0.30-r112 --board f469`): no mode meets both 'latency<=300ms' and
// 'sram<=64KiB', so it is not on the front (it was, with the latency of one mode and the SRAM
// of another), and the run stores no candidate out of bounds (export-training reads them).
TEST(Search, EachFrontDesignMeetsEveryConstraintInOneMode) {
  const Plan plan = World().PlanFor({.space = "mbv3", .constraints = {"latency<=300ms", "sram<=64KiB"},
                                     .evaluations = 228, .threads = 2}, "f469");
  const Outcome o = search::Run(plan, World().models, {}).value();
  ASSERT_FALSE(o.front.empty());
  for (const FrontPoint& p : o.front) {
    EXPECT_NE(p.variant, "mbv3-w0.30-r112");
    const auto c = std::find_if(o.sweep.candidates.begin(), o.sweep.candidates.end(), [&](const explore::Candidate& c) {
      return c.variant == p.variant && c.mode == p.mode && c.board == p.board;
    });
    ASSERT_NE(c, o.sweep.candidates.end()) << p.variant << " " << p.mode;
    EXPECT_LE(*c->latency_ms, 300) << p.variant << " " << p.mode;
    EXPECT_LE(c->sram_bytes, 64 * 1024) << p.variant << " " << p.mode;
    EXPECT_EQ(p.values[1], *c->latency_ms) << p.variant;
  }
  for (const explore::Candidate& c : o.sweep.candidates) {
    if (!c.feasible) continue;
    EXPECT_LE(*c.latency_ms, 300) << c.variant << " " << c.mode;
    EXPECT_LE(c.sram_bytes, 64 * 1024) << c.variant << " " << c.mode;
  }
}

// Search quality on the enumerable uniform mbv3 grid (228 points) on f746, objectives top-1 and
// latency: the hypervolume a search reaches with 10 % of the evaluations (23) against the
// exhaustive front's, under the same reference (the exhaustive run's worst top-1 and latency).
// Measured (this test's printout, 2026-11-30, after scratch writes were priced at the write
// price): nsga2 mean over seeds 1-5 is 0.9462 at 12 evaluations, 0.9700 at 23 (10 %), 0.9837
// at 46, 0.9948 at 91 (40 %); random 0.9618 at 23. The
// issue's goal, >= 0.99 with <= 10 %, is not reached: 0.99 needs about 40 % of this small grid.
TEST(SearchQuality, TenPercentOfTheGridReachesMostOfTheExhaustiveHypervolume) {
  std::map<std::pair<std::string, int64_t>, double> mean;
  const Outcome all = RunOf({.space = "mbv3", .evaluations = 228, .algorithm = "random", .threads = 2});
  ASSERT_EQ(all.evaluations, 228);
  for (const std::string algorithm : {"nsga2", "aging-evolution", "random"}) {
    for (int64_t evaluations : {12, 23, 46, 91}) {
      double sum = 0;
      for (uint64_t seed = 1; seed <= 5; ++seed) {
        const Outcome o = RunOf({.space = "mbv3", .evaluations = evaluations, .algorithm = algorithm,
                                 .seed = seed, .threads = 2, .reference = all.reference});
        sum += o.hypervolume / all.hypervolume;
      }
      mean[{algorithm, evaluations}] = sum / 5;
      std::printf("quality %s evals %ld mean fraction %.4f\n", algorithm.c_str(), evaluations, sum / 5);
    }
  }
  // Measured (seeds 1-5, shipped coefficients of 2026-11-30): 0.9689 at 23 evaluations (10 %),
  // 0.9951 at 91 (40 %). The goal is 0.99 at 10 %; not reached. Bounds, not pins: the
  // fractions move with every latency-model refit.
  EXPECT_GE((mean[{"nsga2", 23}]), 0.96);
  EXPECT_GE((mean[{"nsga2", 91}]), 0.99);
  EXPECT_GT((mean[{"nsga2", 23}]), (mean[{"random", 23}]));
}

}  // namespace
}  // namespace search

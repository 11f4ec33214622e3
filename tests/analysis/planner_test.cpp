// Memory planners on tiny literal scenarios, plus the no-overlap invariant on real networks.

#include <gtest/gtest.h>

#include "analysis/planner.h"
#include "support/spaces.h"

namespace {

using analysis::Interval;

TEST(Planner, LinearStacksEveryBuffer) {
  const std::vector<Interval> ivs = {{0, 100, 0, 1}, {1, 50, 1, 2}, {2, 30, 2, 3}};
  const analysis::Placement p = analysis::LinearPlan(ivs);
  EXPECT_EQ(p.offsets, (std::vector<int64_t>{0, 100, 150}));
  EXPECT_EQ(p.arena_bytes, 180);
}

TEST(Planner, GreedyReusesDeadSpace) {
  // Buffer 0 (100 B) dies before buffer 2 (80 B) is born: buffer 2 reuses offset 0.
  // Buffer 1 (50 B) overlaps both in time, so it goes above the largest: offset 100.
  const std::vector<Interval> ivs = {{0, 100, 0, 1}, {1, 50, 1, 2}, {2, 80, 2, 3}};
  const analysis::Placement p = analysis::GreedyPlan(ivs);
  EXPECT_EQ(p.offsets, (std::vector<int64_t>{0, 100, 0}));
  EXPECT_EQ(p.arena_bytes, 150);
  EXPECT_FALSE(analysis::Overlaps(ivs, p));
}

TEST(Planner, OverlapDetectedInImportedPlan) {
  const std::vector<Interval> ivs = {{0, 100, 0, 1}, {1, 50, 1, 2}};
  int a = -1, b = -1;
  EXPECT_TRUE(analysis::Overlaps(ivs, analysis::ImportPlan(ivs, {0, 60}), &a, &b));
  EXPECT_EQ(a, 0);
  EXPECT_EQ(b, 1);
  EXPECT_FALSE(analysis::Overlaps(ivs, analysis::ImportPlan(ivs, {0, 100})));
}

TEST(Planner, GreedyIsValidAndBoundedOnRealNetworks) {
  for (const char* name : {"mbv3-w1.00-r160", "proxyless-w0.30-r144", "mcunet-in2",
                           "mobilenetv3-large-w0.75-r128"}) {
    SCOPED_TRACE(name);
    const graph::Network net = testing_support::BuildVariant(name);
    const auto ivs = analysis::Lifetimes(net);
    const analysis::Placement greedy = analysis::GreedyPlan(ivs);
    EXPECT_FALSE(analysis::Overlaps(ivs, greedy));
    // liveness peak <= greedy arena <= no-reuse arena
    EXPECT_GE(greedy.arena_bytes, analysis::ComputePeak(net).peak_bytes);
    EXPECT_LE(greedy.arena_bytes, analysis::LinearPlan(ivs).arena_bytes);
  }
}

TEST(Planner, TimelineMarksLiveSteps) {
  const std::vector<Interval> ivs = {{3, 10, 1, 2}};
  EXPECT_EQ(analysis::Timeline(ivs, analysis::LinearPlan(ivs)), "t3    @       0       10 B |.##|\n");
}

}  // namespace

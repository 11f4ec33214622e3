#include "search/problem.h"

#include <gtest/gtest.h>

#include "search/hypervolume.h"

namespace search {
namespace {

TEST(ParseConstraint, ReadsUnits) {
  // 256 KiB = 256 x 1024 = 262,144 bytes; 0.5 s = 500 ms.
  EXPECT_EQ(ParseConstraint("sram<=256KiB").value().bound, 262144);
  EXPECT_EQ(ParseConstraint("latency<=0.5s").value().bound, 500);
  const Constraint top1 = ParseConstraint("top1>=70%").value();
  EXPECT_FALSE(top1.at_most);
  EXPECT_EQ(top1.bound, 70);
}

TEST(ParseConstraint, RefusesMalformedText) {
  EXPECT_EQ(ParseConstraint("latncy<=5ms").error().message,
            "--constraint 'latncy<=5ms': unknown metric 'latncy' (did you mean 'latency'?) "
            "(metrics: top1, latency, energy, sram, macs)");
  EXPECT_EQ(ParseConstraint("latency<5").error().message,
            "--constraint 'latency<5': expected METRIC<=VALUE or METRIC>=VALUE, e.g. latency<=500ms");
  EXPECT_EQ(ParseConstraint("sram<=5ms").error().message,
            "--constraint 'sram<=5ms': unit 'ms' does not fit sram");
}

TEST(ParseObjectives, NeedsTwoDistinctKnownMetrics) {
  EXPECT_EQ(ParseObjectives("top1,latency,sram").value().size(), 3u);
  EXPECT_FALSE(ParseObjectives("top1"));
  EXPECT_FALSE(ParseObjectives("top1,top1"));
  EXPECT_FALSE(ParseObjectives("top1,"));
}

TEST(ParseShard, TakesKOverN) {
  EXPECT_EQ(ParseShard("2/3").value(), (std::pair<int, int>{2, 3}));
  EXPECT_FALSE(ParseShard("0/2"));
  EXPECT_FALSE(ParseShard("3/2"));
  EXPECT_FALSE(ParseShard("1-2"));
}

TEST(Space, NumbersPointsMixedRadixAndPartitionsShards) {
  const Space space({{"width", 19}, {"resolution", 12}}, 2, 3);
  EXPECT_EQ(space.size(), 228);
  EXPECT_EQ(space.Id({3, 5}), 3 * 12 + 5);
  EXPECT_EQ(space.At(41), (Genome{3, 5}));
  EXPECT_EQ(space.shard_size(), 76);  // ids 1, 4, ..., 226: 228 / 3
  EXPECT_EQ(space.Repair(41), 43);    // 43 % 3 == 1
  EXPECT_EQ(space.Repair(227), 1);    // wraps to the shard's first id
}

TEST(Hypervolume, MatchesHandComputedAreas) {
  // Two points (1,2), (2,1) under (3,3): 2x1 + 1x1 = 3 (a staircase of two rectangles).
  EXPECT_DOUBLE_EQ(Hypervolume({{1, 2}, {2, 1}}, {3, 3}), 3);
  // One point (1,1,1) under (2,2,2): a unit cube; (0,1,1) adds a 1x1x1 box beside it.
  EXPECT_DOUBLE_EQ(Hypervolume({{1, 1, 1}}, {2, 2, 2}), 1);
  EXPECT_DOUBLE_EQ(Hypervolume({{1, 1, 1}, {0, 1, 1}}, {2, 2, 2}), 2);
  // (0,0,1) and (1,1,0) under (2,2,2): 4x1 + 1x1 (slice z in [0,1)) + 4x1 (z in [1,2)) = 5.
  EXPECT_DOUBLE_EQ(Hypervolume({{0, 0, 1}, {1, 1, 0}}, {2, 2, 2}), 5);
  // A point outside the reference adds nothing.
  EXPECT_DOUBLE_EQ(Hypervolume({{3, 0}}, {3, 3}), 0);
}

TEST(ConstrainedDominates, FeasibleFirstThenViolationThenPareto) {
  const Score ok{{1, 5}, 0}, ok_worse{{2, 6}, 0}, bad{{0, 0}, 0.5}, worse{{0, 0}, 2};
  EXPECT_TRUE(ConstrainedDominates(ok, bad));
  EXPECT_TRUE(ConstrainedDominates(bad, worse));
  EXPECT_TRUE(ConstrainedDominates(ok, ok_worse));
  EXPECT_FALSE(ConstrainedDominates(ok_worse, ok));
}

}  // namespace
}  // namespace search

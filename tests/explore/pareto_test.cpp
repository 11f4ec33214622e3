// Pareto fronts against brute force on random points, with ties and duplicates.

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "explore/pareto.h"

namespace {

using explore::Point;

std::vector<int> BruteForce(const std::vector<Point>& points) {
  std::vector<int> front;
  for (size_t i = 0; i < points.size(); ++i) {
    bool dominated = false;
    for (size_t j = 0; j < points.size() && !dominated; ++j) {
      dominated = explore::Dominates(points[j], points[i]);
    }
    if (!dominated) front.push_back(static_cast<int>(i));
  }
  return front;
}

TEST(Pareto, LiteralScenario) {
  // (1,10) and (2,20) are on the front; (2,15) is dominated by (2,20); (3,20) by (2,20);
  // the duplicate (2,20) is a member too.
  const std::vector<Point> pts = {{2, 15}, {1, 10}, {2, 20}, {3, 20}, {2, 20}};
  EXPECT_EQ(explore::ParetoFront(pts), (std::vector<int>{1, 2, 4}));
}

TEST(Pareto, EmptyAndSingle) {
  EXPECT_TRUE(explore::ParetoFront({}).empty());
  EXPECT_EQ(explore::ParetoFront({{5, 5}}), (std::vector<int>{0}));
}

TEST(Pareto, MatchesBruteForceOnRandomPointsWithTies) {
  std::mt19937 rng(42);
  for (int trial = 0; trial < 500; ++trial) {
    // Small integer grids force many ties and exact duplicates.
    std::uniform_int_distribution<int> coord(0, trial % 7 + 2);
    std::uniform_int_distribution<int> count(0, 60);
    std::vector<Point> pts(static_cast<size_t>(count(rng)));
    for (Point& p : pts) p = {static_cast<double>(coord(rng)), static_cast<double>(coord(rng))};
    std::vector<int> fast = explore::ParetoFront(pts);
    std::sort(fast.begin(), fast.end());
    ASSERT_EQ(fast, BruteForce(pts)) << "trial " << trial;
  }
}

}  // namespace

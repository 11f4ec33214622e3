#pragma once
// Pareto fronts over two objectives: minimise a cost x (MACs, latency, energy) and maximise a
// benefit y (top-1 accuracy).
//
// A point dominates another when it is no worse in both objectives and strictly better in one.
// The front is every point no other point dominates. Exact duplicates (same x and y) do not
// dominate each other, so all copies of a front point are members; a point tied with a front
// point in one objective and worse in the other is dominated.

#include <vector>

namespace explore {

struct Point {
  double x = 0;  // minimised
  double y = 0;  // maximised
};

// Indices of the front members, sorted by increasing x (ties in input order). O(n log n).
std::vector<int> ParetoFront(const std::vector<Point>& points);

// True when a dominates b.
bool Dominates(const Point& a, const Point& b);

}  // namespace explore

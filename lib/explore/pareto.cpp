#include "explore/pareto.h"

#include <algorithm>
#include <numeric>

namespace explore {

bool Dominates(const Point& a, const Point& b) {
  return a.x <= b.x && a.y >= b.y && (a.x < b.x || a.y > b.y);
}

std::vector<int> ParetoFront(const std::vector<Point>& points) {
  std::vector<int> order(points.size());
  std::iota(order.begin(), order.end(), 0);
  // Cheapest first; among equal cost the best first, so a sweep sees dominators first.
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const Point& pa = points[static_cast<size_t>(a)];
    const Point& pb = points[static_cast<size_t>(b)];
    return pa.x != pb.x ? pa.x < pb.x : pa.y > pb.y;
  });
  std::vector<int> front;
  const Point* best = nullptr;  // the front point with the highest y seen so far
  for (int i : order) {
    const Point& p = points[static_cast<size_t>(i)];
    const bool duplicate_of_best = best != nullptr && p.x == best->x && p.y == best->y;
    if (best == nullptr || p.y > best->y || duplicate_of_best) {
      front.push_back(i);
      if (!duplicate_of_best) best = &p;
    }
  }
  return front;
}

}  // namespace explore

#include "search/hypervolume.h"

#include <algorithm>

#include "search/problem.h"

namespace search {
namespace {

double Sweep2d(std::vector<std::vector<double>> p, const std::vector<double>& ref) {
  std::sort(p.begin(), p.end());
  double volume = 0, best_y = ref[1];
  for (const auto& q : p) {
    if (q[1] < best_y) {
      volume += (ref[0] - q[0]) * (best_y - q[1]);
      best_y = q[1];
    }
  }
  return volume;
}

}  // namespace

std::vector<std::vector<double>> NonDominated(const std::vector<std::vector<double>>& points) {
  std::vector<std::vector<double>> out;
  for (size_t i = 0; i < points.size(); ++i) {
    bool keep = true;
    for (size_t j = 0; j < points.size() && keep; ++j) {
      keep = !Dominates(points[j], points[i]) && !(j < i && points[j] == points[i]);
    }
    if (keep) out.push_back(points[i]);
  }
  return out;
}

double Hypervolume(std::vector<std::vector<double>> points, const std::vector<double>& reference) {
  std::erase_if(points, [&](const std::vector<double>& p) {
    for (size_t i = 0; i < p.size(); ++i) {
      if (p[i] >= reference[i]) return true;
    }
    return false;
  });
  if (points.empty()) return 0;
  const size_t d = reference.size();
  if (d == 1) {
    double best = reference[0];
    for (const auto& p : points) best = std::min(best, p[0]);
    return reference[0] - best;
  }
  if (d == 2) return Sweep2d(std::move(points), reference);
  // Slice on the last objective: between consecutive values, the (d-1)-volume of the points
  // at or below the slice.
  std::sort(points.begin(), points.end(), [&](const auto& a, const auto& b) { return a[d - 1] < b[d - 1]; });
  const std::vector<double> sub_ref(reference.begin(), reference.end() - 1);
  double volume = 0;
  std::vector<std::vector<double>> below;
  for (size_t i = 0; i < points.size(); ++i) {
    below.emplace_back(points[i].begin(), points[i].end() - 1);
    const double top = i + 1 < points.size() ? points[i + 1][d - 1] : reference[d - 1];
    const double depth = top - points[i][d - 1];
    if (depth > 0) volume += depth * Hypervolume(NonDominated(below), sub_ref);
  }
  return volume;
}

}  // namespace search

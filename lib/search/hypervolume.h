#pragma once
// Hypervolume of a set of minimised objective vectors: the volume dominated by the set and
// bounded by a reference point (points not strictly better than the reference on every
// objective add nothing). Exact: a sweep in two dimensions, slicing on the last objective
// above that (fine for the fronts of a search, a few hundred points).

#include <vector>

namespace search {

double Hypervolume(std::vector<std::vector<double>> points, const std::vector<double>& reference);

/// The non-dominated members of `points` (duplicates kept once), in input order.
std::vector<std::vector<double>> NonDominated(const std::vector<std::vector<double>>& points);

}  // namespace search

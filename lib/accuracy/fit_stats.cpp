#include "accuracy/fit_stats.h"

#include <algorithm>
#include <cmath>

namespace accuracy {

FitStats ComputeFitStats(const Surrogate& surrogate, const std::vector<HeldOut>& held_out) {
  FitStats stats;
  // Sums first, means at the end (the order of the additions fixes the printed digits).
  std::map<int, std::pair<double, double>> sums;  // family -> (fit |error| sum, LOO |error| sum)
  double grid_sum = 0;
  for (const HeldOut& h : held_out) {
    const double loo_error = std::fabs(h.error_pct());
    FamilyFitStats& st = stats.per_family[h.point.family];
    auto& [fit_sum, loo_sum] = sums[h.point.family];
    ++st.rows;
    fit_sum += std::fabs(surrogate.FittedPct(h.point) - h.point.top1_pct);
    loo_sum += loo_error;
    if (loo_error >= st.loo_worst_pct) {
      st.loo_worst_pct = loo_error;
      st.loo_worst_model = h.point.model;
    }
    if (h.point.grid) {
      grid_sum += loo_error;
      stats.grid_loo_worst_pct = std::max(stats.grid_loo_worst_pct, loo_error);
      ++stats.grid_rows;
    }
  }
  for (auto& [family, st] : stats.per_family) {
    st.fit_mae_pct = sums[family].first / st.rows;
    st.loo_mae_pct = sums[family].second / st.rows;
  }
  if (stats.grid_rows > 0) stats.grid_loo_mae_pct = grid_sum / stats.grid_rows;
  return stats;
}

}  // namespace accuracy

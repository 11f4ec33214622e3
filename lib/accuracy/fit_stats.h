#pragma once
// Error statistics of the accuracy surrogate (behind `dse accuracy fit`): per family the
// in-sample and leave-one-out mean absolute error and the worst held-out row, and the
// leave-one-out error over the published float width x resolution grid rows (issue 5's
// acceptance figure). All errors are in top-1 points. Nothing here prints.

#include <map>
#include <string>
#include <vector>

#include "accuracy/surrogate.h"

namespace accuracy {

/// The errors of one surrogate family's rows.
struct FamilyFitStats {
  int rows = 0;
  double fit_mae_pct = 0;       // mean |fitted − published| (in-sample)
  double loo_mae_pct = 0;       // mean |held-out prediction − published|
  double loo_worst_pct = 0;     // the largest |held-out prediction − published|
  std::string loo_worst_model;  // its row (the last of equals, in held-out order)
};

struct FitStats {
  /// Keyed by family index (FitPoint::family); a family without rows has no entry.
  std::map<int, FamilyFitStats> per_family;
  int grid_rows = 0;              // held-out rows with FitPoint::grid set
  double grid_loo_mae_pct = 0;    // mean |error| over them; 0 when there are none
  double grid_loo_worst_pct = 0;  // the largest |error| over them; 0 when there are none
};

/// The statistics of `surrogate` given its leave-one-out results (Surrogate::LeaveOneOut).
FitStats ComputeFitStats(const Surrogate& surrogate, const std::vector<HeldOut>& held_out);

}  // namespace accuracy

#pragma once
// The 80 % interval of the surrogate's predicted top-1, derived out of sample.
//
// Method (leave-one-out residuals as a normal spread, shrunk per family toward the pool):
//  1. Leave-one-out residuals r_i = held-out prediction - published over every fit row
//     (Surrogate::LeaveOneOut): how far a prediction lands on a row the fit has not seen.
//  2. Pooled spread s^2 = mean r_i^2 over all rows; a family's spread
//       s_f^2 = (n0 s^2 + sum_{i in f} r_i^2) / (n0 + n_f),
//     its own mean square shrunk toward the pool with n0 = kIntervalPriorRows rows of weight
//     (families have 4 to 19 rows: too few for a quantile of their own, and their recipes
//     differ: the published grids are smoother than the paper's own Table II models).
//  3. Half-width h_f = kTop1IntervalZ x s_f; a prediction of family f gets top1 -/+ h_f,
//     clamped to [0, 100].
//  4. An extrapolated prediction (outside its family's fitted range) gets at least
//     kTop1IntervalZ x the RMS of the edge rows' residuals: the held-out rows whose MACs, width
//     or resolution lie outside the range of their family's other rows, i.e. the rows that
//     were extrapolations when held out.
//  5. A family without data is predicted from the shared ceiling and centre: its spread is the
//     RMS of the leave-one-family-out residuals (Surrogate::LeaveOneFamilyOut).
// Coverage is measured out of sample too (IntervalCoverage): row i is inside when |r_i| is at
// most the half-width computed without r_i (steps 2-4 with row i left out of the pool, of its
// family and of the edge rows; an edge row judged by the wider of its family's and the edge
// band); a family held out of step 5 is covered by the other families' residuals.
// Limit: the edge rows extrapolate by one grid step at most; a prediction far outside the
// fitted range (e.g. 10x fewer MACs) may miss by more than this band.
// Limits: the residuals are taken as symmetric and normal; published and measured figures get
// no interval (they are not predictions; published rows carry none of their own).

#include <map>
#include <string>
#include <vector>

#include "accuracy/surrogate.h"

namespace accuracy {

/// z of a two-sided 80 % normal interval.
inline constexpr double kTop1IntervalZ = 1.2816;
/// Rows' worth of weight the pooled spread keeps against a family's own residuals.
inline constexpr double kIntervalPriorRows = 3;
/// How the interval of a prediction is derived, as its provenance names it: "80 % interval
/// from leave-one-out residuals over the published rows" (leave-one-family-out for a family
/// without data, `fallback`).
std::string IntervalMethodText(bool fallback);

/// The intervals of `surrogate` given its leave-one-out and leave-one-family-out results.
IntervalTable DeriveIntervals(const Surrogate& surrogate, const std::vector<HeldOut>& held_out,
                              const std::vector<HeldOut>& family_held_out);

/// Out-of-sample coverage of one family's rows.
struct FamilyCoverage {
  int rows = 0;
  int inside = 0;            // rows whose published top-1 lies inside their interval
  double half_pct = 0;       // the family's half-width from every row
  double fraction() const { return rows > 0 ? static_cast<double>(inside) / rows : 0; }
};

struct IntervalCoverage {
  std::map<int, FamilyCoverage> per_family;  // by family index, from the leave-one-out rows
  FamilyCoverage all;                        // every leave-one-out row
  FamilyCoverage edge;                       // the edge rows (step 4), by their widened band
  FamilyCoverage fallback;                   // leave-one-family-out rows, shared-ceiling band
};

/// Whether held-out row `i` lies outside the MACs, width or resolution range of the other rows
/// of its family in `held_out` (an edge row, step 4), with OutsideFit's 2 % rounding margin.
bool IsEdgeRow(const std::vector<HeldOut>& held_out, size_t i);

/// Coverage of the intervals as described above (each row judged by a band without it).
IntervalCoverage MeasureCoverage(const std::vector<HeldOut>& held_out,
                                 const std::vector<HeldOut>& family_held_out, int families);

/// Derives the intervals of `surrogate` (leave-one-out and leave-one-family-out refits) and
/// sets them (Surrogate::SetIntervals).
void AttachIntervals(Surrogate& surrogate);

}  // namespace accuracy

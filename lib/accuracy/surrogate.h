#pragma once
// The accuracy surrogate: ImageNet top-1 of a scaled network from its family, width and MACs,
// fitted to published results.
//
// Form (few parameters, bounded, monotone):
//   z        = ln(MACs in millions) + d * ln(w) + e * ln(w)^2
//   top1_fp32 = A_f / (1 + exp(-(z - x0_f) / s))
//   top1_int8 = top1_fp32 - q
// with a ceiling A_f and a centre x0_f per surrogate family, and the slope s, the width terms
// d, e and the post-training-quantisation drop q shared by all families. The width terms carry
// the paper's "point of diminishing returns" (Sec. III-A): at equal MACs, a narrower network is
// worth less compute. Resolution enters through MACs only.
//
// Fitting, in steps:
//  1. q = mean (fp32 - int8) over the PTQ pairs of families.toml (closed form).
//  2. A_f, x0_f, s, d, e by Levenberg-Marquardt (Eigen, numerical Jacobian) on every fit row,
//     int8 rows compared with top1_fp32 - q.
//  3. The shared ceiling and centre (for families without data) are the means of A_f, x0_f.
// Bounds and monotonicity: 0 < top1 < A_f (clamped to [0, 100]); top1 rises with MACs, so
// with resolution. In width, dz / d ln w = d ln MACs / d ln w + d + 2 e ln w; with the fitted
// d, e (about -0.39, -0.45) the width terms cost at most ~0.4 per unit ln w below w 1.3, far
// less than MACs gain (roughly w^1.5..w^2), so predictions rise with width along any real
// scaling; tests/accuracy checks every default grid point of every built-in space.
// Limits: no depth or architecture term (families carry it); int4/mixed rows are not modelled;
// predictions far outside the fitted MACs range follow the logistic shape, not data;
// LeaveOneOut() refits A, x0, s, d, e but keeps q (q comes from the PTQ pairs only).

#include <optional>
#include <string>
#include <vector>

#include "accuracy/families.h"
#include "accuracy/published.h"
#include "accuracy/types.h"
#include "util/result.h"

namespace accuracy {

/// One observation the surrogate is fitted to: a published row, resolved.
struct FitPoint {
  std::string model;    // published row name
  int family = 0;       // index into FamilyMap::families
  double width = 1.0;   // 1.0 for fixed nets without a published width
  double macs_m = 0;
  double top1_pct = 0;
  bool int8 = false;
  bool grid = false;    // part of a published float w x r grid
  int resolution = 0;   // input side in pixels; 0 where not published
};

struct SurrogateParams {
  std::vector<double> ceiling_pct;      // A_f, per family (top-1 approached at large compute)
  std::vector<double> center_log_macs;  // x0_f, per family, in ln(MACs in millions)
  double slope = 1;                     // s, in ln(MACs) units
  double width_linear = 0;              // d
  double width_quadratic = 0;           // e
  double int8_drop_pct = 0;             // q, top-1 points lost by post-training int8
  double shared_ceiling_pct = 0;        // fallback A for a family without data
  double shared_center_log_macs = 0;    // fallback x0
};

/// What to predict. `family` is a surrogate family name (case-insensitive) or a search-space
/// name listed in families.toml.
struct Query {
  std::string family;
  double width = 1.0;
  double macs_m = 0;
  Precision precision = Precision::kInt8;
  int resolution = 0;  // input side in pixels, for OutsideFit only; 0 when unknown
};

struct Prediction {
  double top1_pct = 0;     // in [0, 100]
  std::string family;      // surrogate family used, "" when the shared fallback was used
  bool fallback = false;   // the family has no data of its own: shared ceiling and centre
  // The 80 % interval of top1_pct (top1_interval.h), clamped to [0, 100]; absent when the
  // surrogate's intervals were not derived (Surrogate::SetIntervals not called).
  std::optional<double> low_pct, high_pct;
};

/// Half-widths of the surrogate's symmetric 80 % intervals, in top-1 points (derived out of
/// sample by top1_interval.h DeriveIntervals). Empty `family_half_pct`: none derived.
struct IntervalTable {
  std::vector<double> family_half_pct;  // per family (FamilyMap::families index)
  double fallback_half_pct = 0;         // a family without data (shared ceiling and centre)
  double extrapolated_half_pct = 0;     // at least this outside a family's fitted range
};

/// A point held out of the fit and predicted by a refit without it.
struct HeldOut {
  FitPoint point;
  double predicted_pct = 0;
  double error_pct() const { return predicted_pct - point.top1_pct; }
};

class Surrogate {
 public:
  /// Resolves the rows named by `map` and fits. Fails when the fit does not converge or a
  /// family has fewer than two rows.
  static util::Result<Surrogate> Fit(const FamilyMap& map, const std::vector<PublishedRow>& published);

  /// Prediction for `query`; an unknown family uses the shared fallback (and says so).
  /// macs_m must be > 0 and width in (0, 4]; the result is clamped to [0, 100].
  Prediction Predict(const Query& query) const;

  /// Why a prediction for `query` is an extrapolation, "" when it is inside the data its
  /// family was fitted to: the family has no data ("no published data for family 'x'"), or
  /// the MACs, width or (where published) resolution lie outside the range of the family's
  /// fit rows ("MACs 0.7 M below the fitted 3-227 M").
  std::string OutsideFit(const Query& query) const;

  /// Refits without each fit point in turn and predicts it (leave-one-out).
  std::vector<HeldOut> LeaveOneOut() const;
  /// Refits without each family's rows in turn and predicts them with the refit's shared
  /// ceiling and centre, as a family without data is predicted (leave-one-family-out).
  std::vector<HeldOut> LeaveOneFamilyOut() const;

  /// Intervals that Predict attaches from now on (LoadSurrogate sets the derived ones).
  void SetIntervals(IntervalTable intervals) { intervals_ = std::move(intervals); }
  const IntervalTable& intervals() const { return intervals_; }

  const SurrogateParams& params() const { return params_; }
  const std::vector<FitPoint>& points() const { return points_; }
  const FamilyMap& families() const { return map_; }
  /// Fitted value for a fit point (its residual is this minus its top1).
  double FittedPct(const FitPoint& point) const;

 private:
  FamilyMap map_;
  std::vector<FitPoint> points_;
  SurrogateParams params_;
  IntervalTable intervals_;
};

/// The int8 drop q: mean (fp32 - int8) top-1 over the PTQ pairs; 0 when there are none.
double MeanPtqDrop(const FamilyMap& map, const std::vector<PublishedRow>& published);

}  // namespace accuracy

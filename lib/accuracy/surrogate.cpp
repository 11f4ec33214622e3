#include "accuracy/surrogate.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <Eigen/Dense>
#include <unsupported/Eigen/NonLinearOptimization>
#include <unsupported/Eigen/NumericalDiff>
#include <fmt/format.h>

namespace accuracy {
namespace {

// Parameter vector layout for the solver: [A_0..A_{F-1}, x0_0..x0_{F-1}, ln s, d, e].
struct Layout {
  int families = 0;
  int ceiling(int f) const { return f; }
  int center(int f) const { return families + f; }
  int log_slope() const { return 2 * families; }
  int width_linear() const { return 2 * families + 1; }
  int width_quadratic() const { return 2 * families + 2; }
  int size() const { return 2 * families + 3; }
};

double Logistic(double ceiling, double center, double slope, double d, double e, double width,
                double macs_m) {
  const double log_w = std::log(width);
  const double z = std::log(macs_m) + d * log_w + e * log_w * log_w;
  return ceiling / (1 + std::exp(-(z - center) / slope));
}

// Residuals of every fit point for Eigen's Levenberg-Marquardt (numerical Jacobian).
struct Residuals {
  using Scalar = double;
  enum { InputsAtCompileTime = Eigen::Dynamic, ValuesAtCompileTime = Eigen::Dynamic };
  using InputType = Eigen::VectorXd;
  using ValueType = Eigen::VectorXd;
  using JacobianType = Eigen::MatrixXd;

  const std::vector<FitPoint>* points = nullptr;
  Layout layout;
  double int8_drop_pct = 0;

  int inputs() const { return layout.size(); }
  int values() const { return static_cast<int>(points->size()); }

  int operator()(const Eigen::VectorXd& p, Eigen::VectorXd& r) const {
    const double slope = std::exp(p[layout.log_slope()]);
    for (size_t i = 0; i < points->size(); ++i) {
      const FitPoint& pt = (*points)[i];
      double fitted = Logistic(p[layout.ceiling(pt.family)], p[layout.center(pt.family)], slope,
                               p[layout.width_linear()], p[layout.width_quadratic()], pt.width,
                               pt.macs_m);
      if (pt.int8) fitted -= int8_drop_pct;
      r[static_cast<Eigen::Index>(i)] = fitted - pt.top1_pct;
    }
    return 0;
  }
};

// Starting point: each family's ceiling a little above its best row, its centre at the
// median MACs of its rows, slope 1, no width term.
Eigen::VectorXd InitialGuess(const std::vector<FitPoint>& points, const Layout& layout) {
  Eigen::VectorXd p = Eigen::VectorXd::Zero(layout.size());
  for (int f = 0; f < layout.families; ++f) {
    std::vector<double> log_macs;
    double best = 0;
    for (const FitPoint& pt : points) {
      if (pt.family != f) continue;
      log_macs.push_back(std::log(pt.macs_m));
      best = std::max(best, pt.top1_pct);
    }
    std::sort(log_macs.begin(), log_macs.end());
    p[layout.ceiling(f)] = best + 5;
    p[layout.center(f)] = log_macs.empty() ? 3.0 : log_macs[log_macs.size() / 2] - 1.0;
  }
  p[layout.log_slope()] = 0;  // s = 1
  return p;
}

util::Result<SurrogateParams> Solve(const std::vector<FitPoint>& points, int families,
                                    double int8_drop_pct) {
  Residuals residuals;
  residuals.points = &points;
  residuals.layout.families = families;
  residuals.int8_drop_pct = int8_drop_pct;
  const Layout& layout = residuals.layout;
  Eigen::VectorXd p = InitialGuess(points, layout);
  Eigen::NumericalDiff<Residuals> numeric(residuals);
  Eigen::LevenbergMarquardt<Eigen::NumericalDiff<Residuals>> solver(numeric);
  solver.parameters.maxfev = 20000;
  solver.parameters.xtol = 1e-12;
  solver.parameters.ftol = 1e-12;
  const auto status = solver.minimize(p);
  if (status == Eigen::LevenbergMarquardtSpace::ImproperInputParameters ||
      !p.allFinite()) {
    return util::RuntimeError(fmt::format("accuracy surrogate fit failed (solver status {})",
                                          static_cast<int>(status)));
  }
  SurrogateParams out;
  for (int f = 0; f < families; ++f) {
    out.ceiling_pct.push_back(p[layout.ceiling(f)]);
    out.center_log_macs.push_back(p[layout.center(f)]);
  }
  out.slope = std::exp(p[layout.log_slope()]);
  out.width_linear = p[layout.width_linear()];
  out.width_quadratic = p[layout.width_quadratic()];
  out.int8_drop_pct = int8_drop_pct;
  out.shared_ceiling_pct =
      std::accumulate(out.ceiling_pct.begin(), out.ceiling_pct.end(), 0.0) / families;
  out.shared_center_log_macs =
      std::accumulate(out.center_log_macs.begin(), out.center_log_macs.end(), 0.0) / families;
  return out;
}

std::vector<FitPoint> ResolvePoints(const FamilyMap& map,
                                    const std::vector<PublishedRow>& published) {
  std::vector<FitPoint> points;
  for (size_t f = 0; f < map.families.size(); ++f) {
    const SurrogateFamily& family = map.families[f];
    auto add = [&](const std::string& model, bool grid) {
      const PublishedRow* row = FindRow(published, model);
      if (row == nullptr || !row->macs_m) return;  // ParseFamilyMap has reported it
      points.push_back({row->model, static_cast<int>(f), row->width.value_or(1.0), *row->macs_m,
                        row->top1_pct, row->precision == Precision::kInt8, grid,
                        row->resolution.value_or(0)});
    };
    for (const std::string& model : family.grid) add(model, true);
    for (const std::string& model : family.rows) add(model, false);
  }
  return points;
}

}  // namespace

double MeanPtqDrop(const FamilyMap& map, const std::vector<PublishedRow>& published) {
  double sum = 0;
  int count = 0;
  for (const PtqPair& pair : map.ptq_pairs) {
    const PublishedRow* fp32 = FindRow(published, pair.fp32);
    const PublishedRow* int8 = FindRow(published, pair.int8);
    if (fp32 == nullptr || int8 == nullptr) continue;
    sum += fp32->top1_pct - int8->top1_pct;
    ++count;
  }
  return count == 0 ? 0 : sum / count;
}

util::Result<Surrogate> Surrogate::Fit(const FamilyMap& map,
                                       const std::vector<PublishedRow>& published) {
  Surrogate s;
  s.map_ = map;
  s.points_ = ResolvePoints(map, published);
  for (size_t f = 0; f < map.families.size(); ++f) {
    const auto n = std::count_if(s.points_.begin(), s.points_.end(),
                                 [&](const FitPoint& p) { return p.family == static_cast<int>(f); });
    if (n < 2) {
      return util::InputError(fmt::format(
          "accuracy family '{}' has {} fit rows: it needs at least 2", map.families[f].name, n));
    }
  }
  auto params = Solve(s.points_, static_cast<int>(map.families.size()), MeanPtqDrop(map, published));
  if (!params) return params.error();
  s.params_ = std::move(params).value();
  return s;
}

double Surrogate::FittedPct(const FitPoint& point) const {
  const double fp32 = Logistic(params_.ceiling_pct[point.family], params_.center_log_macs[point.family],
                               params_.slope, params_.width_linear, params_.width_quadratic,
                               point.width, point.macs_m);
  return point.int8 ? fp32 - params_.int8_drop_pct : fp32;
}

Prediction Surrogate::Predict(const Query& query) const {
  Prediction out;
  const int f = map_.Find(query.family);
  double ceiling = params_.shared_ceiling_pct;
  double center = params_.shared_center_log_macs;
  if (f >= 0) {
    out.family = map_.families[f].name;
    ceiling = params_.ceiling_pct[f];
    center = params_.center_log_macs[f];
  } else {
    out.fallback = true;
  }
  double top1 = Logistic(ceiling, center, params_.slope, params_.width_linear,
                         params_.width_quadratic, query.width, query.macs_m);
  if (query.precision == Precision::kInt8) top1 -= params_.int8_drop_pct;
  out.top1_pct = std::clamp(top1, 0.0, 100.0);
  if (!intervals_.family_half_pct.empty()) {
    const double half = f >= 0 ? intervals_.family_half_pct[static_cast<size_t>(f)]
                               : intervals_.fallback_half_pct;
    out.low_pct = std::clamp(top1 - half, 0.0, 100.0);
    out.high_pct = std::clamp(top1 + half, 0.0, 100.0);
  }
  return out;
}

std::string Surrogate::OutsideFit(const Query& query) const {
  const int f = map_.Find(query.family);
  if (f < 0) return fmt::format("no published data for family '{}'", query.family);
  // The range of each quantity over the family's fit rows (resolution where published).
  struct Range {
    const char* name;
    double lo = 1e300, hi = -1e300;
    double value;
    const char* unit;
  };
  Range ranges[] = {{"MACs", 1e300, -1e300, query.macs_m, " M"},
                    {"width", 1e300, -1e300, query.width, ""},
                    {"resolution", 1e300, -1e300, static_cast<double>(query.resolution), ""}};
  for (const FitPoint& p : points_) {
    if (p.family != f) continue;
    const double values[] = {p.macs_m, p.width, static_cast<double>(p.resolution)};
    for (int i = 0; i < 3; ++i) {
      if (i == 2 && p.resolution == 0) continue;
      ranges[i].lo = std::min(ranges[i].lo, values[i]);
      ranges[i].hi = std::max(ranges[i].hi, values[i]);
    }
  }
  for (const Range& r : ranges) {
    if (r.lo > r.hi || (r.value == 0 && &r == &ranges[2])) continue;  // no data, or unknown
    // Published counts are rounded ("320 M" for 320.4 M): a 2 % margin keeps the data's own
    // designs inside the domain they came from.
    constexpr double kRoundingMargin = 0.02;
    if (r.value < r.lo * (1 - kRoundingMargin) || r.value > r.hi * (1 + kRoundingMargin)) {
      return fmt::format("{} {:g}{} {} the fitted {:g}-{:g}{} of family {}", r.name, r.value,
                         r.unit, r.value < r.lo ? "below" : "above", r.lo, r.hi, r.unit,
                         map_.families[f].name);
    }
  }
  return "";
}

std::vector<HeldOut> Surrogate::LeaveOneOut() const {
  std::vector<HeldOut> out;
  const int families = static_cast<int>(map_.families.size());
  for (size_t k = 0; k < points_.size(); ++k) {
    std::vector<FitPoint> rest = points_;
    rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(k));
    auto params = Solve(rest, families, params_.int8_drop_pct);
    if (!params) continue;
    Surrogate refit = *this;
    refit.params_ = std::move(params).value();
    out.push_back({points_[k], refit.FittedPct(points_[k])});
  }
  return out;
}

std::vector<HeldOut> Surrogate::LeaveOneFamilyOut() const {
  std::vector<HeldOut> out;
  const int families = static_cast<int>(map_.families.size());
  for (int f = 0; f < families && families > 1; ++f) {
    // The other families' rows, their indices closed over the gap left by f.
    std::vector<FitPoint> rest;
    for (FitPoint p : points_) {
      if (p.family == f) continue;
      if (p.family > f) --p.family;
      rest.push_back(p);
    }
    auto params = Solve(rest, families - 1, params_.int8_drop_pct);
    if (!params) continue;
    for (const FitPoint& p : points_) {
      if (p.family != f) continue;
      double predicted = Logistic(params->shared_ceiling_pct, params->shared_center_log_macs,
                                  params->slope, params->width_linear, params->width_quadratic,
                                  p.width, p.macs_m);
      if (p.int8) predicted -= params->int8_drop_pct;
      out.push_back({p, std::clamp(predicted, 0.0, 100.0)});
    }
  }
  return out;
}

}  // namespace accuracy

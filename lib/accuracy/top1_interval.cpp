#include "accuracy/top1_interval.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace accuracy {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

// Half-width of family `family` from `rows` without row `skip` (kNone: every row): step 2-3.
double FamilyHalf(const std::vector<HeldOut>& rows, int family, size_t skip) {
  double pool = 0, own = 0;
  int n = 0, n_family = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i == skip) continue;
    const double square = rows[i].error_pct() * rows[i].error_pct();
    pool += square;
    ++n;
    if (rows[i].point.family == family) own += square, ++n_family;
  }
  if (n == 0) return 0;
  const double shrunk = (kIntervalPriorRows * pool / n + own) / (kIntervalPriorRows + n_family);
  return kTop1IntervalZ * std::sqrt(shrunk);
}

// Half-width for a family without data: the RMS of the leave-one-family-out residuals of every
// family but `skip_family` (-1: all), step 4.
double FallbackHalf(const std::vector<HeldOut>& rows, int skip_family) {
  double sum = 0;
  int n = 0;
  for (const HeldOut& h : rows) {
    if (h.point.family == skip_family) continue;
    sum += h.error_pct() * h.error_pct();
    ++n;
  }
  return n == 0 ? 0 : kTop1IntervalZ * std::sqrt(sum / n);
}

// Step 4: kTop1IntervalZ x the RMS of the edge rows' residuals, row `skip` left out.
double EdgeHalf(const std::vector<HeldOut>& rows, const std::vector<bool>& edge, size_t skip) {
  double sum = 0;
  int n = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i == skip || !edge[i]) continue;
    sum += rows[i].error_pct() * rows[i].error_pct();
    ++n;
  }
  return n == 0 ? 0 : kTop1IntervalZ * std::sqrt(sum / n);
}

std::vector<bool> EdgeRows(const std::vector<HeldOut>& rows) {
  std::vector<bool> edge;
  for (size_t i = 0; i < rows.size(); ++i) edge.push_back(IsEdgeRow(rows, i));
  return edge;
}

void Count(bool inside, FamilyCoverage* c) {
  ++c->rows;
  if (inside) ++c->inside;
}

}  // namespace

bool IsEdgeRow(const std::vector<HeldOut>& held_out, size_t i) {
  const FitPoint& p = held_out[i].point;
  double lo[3] = {1e300, 1e300, 1e300}, hi[3] = {-1e300, -1e300, -1e300};
  for (size_t j = 0; j < held_out.size(); ++j) {
    const FitPoint& q = held_out[j].point;
    if (j == i || q.family != p.family) continue;
    const double values[3] = {q.macs_m, q.width, static_cast<double>(q.resolution)};
    for (int k = 0; k < 3; ++k) {
      if (k == 2 && q.resolution == 0) continue;
      lo[k] = std::min(lo[k], values[k]), hi[k] = std::max(hi[k], values[k]);
    }
  }
  const double values[3] = {p.macs_m, p.width, static_cast<double>(p.resolution)};
  constexpr double kRoundingMargin = 0.02;  // as Surrogate::OutsideFit
  for (int k = 0; k < 3; ++k) {
    if (lo[k] > hi[k] || (k == 2 && p.resolution == 0)) continue;
    if (values[k] < lo[k] * (1 - kRoundingMargin) || values[k] > hi[k] * (1 + kRoundingMargin)) return true;
  }
  return false;
}

IntervalTable DeriveIntervals(const Surrogate& surrogate, const std::vector<HeldOut>& held_out,
                              const std::vector<HeldOut>& family_held_out) {
  IntervalTable table;
  for (size_t f = 0; f < surrogate.families().families.size(); ++f) {
    table.family_half_pct.push_back(FamilyHalf(held_out, static_cast<int>(f), kNone));
  }
  table.fallback_half_pct = FallbackHalf(family_held_out, -1);
  table.extrapolated_half_pct = EdgeHalf(held_out, EdgeRows(held_out), kNone);
  return table;
}

IntervalCoverage MeasureCoverage(const std::vector<HeldOut>& held_out,
                                 const std::vector<HeldOut>& family_held_out, int families) {
  IntervalCoverage out;
  const std::vector<bool> edge = EdgeRows(held_out);
  for (size_t i = 0; i < held_out.size(); ++i) {
    const int f = held_out[i].point.family;
    double half = FamilyHalf(held_out, f, i);
    if (edge[i]) half = std::max(half, EdgeHalf(held_out, edge, i));
    const bool inside = std::fabs(held_out[i].error_pct()) <= half;
    Count(inside, &out.per_family[f]);
    Count(inside, &out.all);
    if (edge[i]) Count(inside, &out.edge);
  }
  out.edge.half_pct = EdgeHalf(held_out, edge, kNone);
  for (int f = 0; f < families; ++f) {
    if (out.per_family.count(f) > 0) out.per_family[f].half_pct = FamilyHalf(held_out, f, kNone);
  }
  out.all.half_pct = FamilyHalf(held_out, -1, kNone);  // no family: the pool's own
  for (const HeldOut& h : family_held_out) {
    Count(std::fabs(h.error_pct()) <= FallbackHalf(family_held_out, h.point.family), &out.fallback);
  }
  out.fallback.half_pct = FallbackHalf(family_held_out, -1);
  return out;
}

std::string IntervalMethodText(bool fallback) {
  return std::string("80 % interval from leave-one-") + (fallback ? "family-" : "") +
         "out residuals over the published rows";
}

void AttachIntervals(Surrogate& surrogate) {
  surrogate.SetIntervals(
      DeriveIntervals(surrogate, surrogate.LeaveOneOut(), surrogate.LeaveOneFamilyOut()));
}

}  // namespace accuracy
